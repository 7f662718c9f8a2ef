// A local partner endpoint for webhook tests (SECURITY.md #11): a real node:http server on 127.0.0.1 that records
// what the outbox delivers, the outbox adapters that deliver to it, and the HMAC-SHA256 signature a partner checks.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyBaseLogger } from "fastify";
import { openSecret } from "../modules/keys/secret-box.js";
import { createAdapters } from "../modules/outbox/adapters.js";
import { WEBHOOK_SECRET_CONTEXT } from "../modules/partners/service.js";

export interface ReceivedWebhook {
  body: string;
  headers: http.IncomingHttpHeaders;
}

export interface WebhookReceiver {
  /** The hook URL to register as the partner's webhook. */
  url: string;
  /** Requests answered 200, in arrival order. */
  received: ReceivedWebhook[];
  close(): void;
}

/** Starts the receiver; while `refuse()` is true it answers 500 and records nothing (to exercise retries). */
export async function startWebhookReceiver(refuse: () => boolean = () => false): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (refuse()) {
        response.statusCode = 500;
        response.end("busy");
        return;
      }
      received.push({ body, headers: request.headers });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => server.close() };
}

/** Outbox adapters that may deliver to 127.0.0.1 and open webhook secrets sealed with the app's passphrase. */
export function webhookTestAdapters(passphrase: string, log: FastifyBaseLogger) {
  return createAdapters({
    smsGatewayUrl: undefined,
    allowPrivateWebhooks: true,
    decryptSecret: (sealed) => openSecret({ passphrase }, sealed, WEBHOOK_SECRET_CONTEXT).toString("utf8"),
    log,
  });
}

/** The `x-shian-signature` a partner expects: HMAC-SHA256 of `<timestamp>.<body>` under its webhook secret. */
export function expectedSignature(secret: string, delivery: ReceivedWebhook): string {
  const timestamp = String(delivery.headers["x-shian-timestamp"]);
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${delivery.body}`).digest("hex")}`;
}

import { createHmac } from "node:crypto";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import type { FastifyBaseLogger } from "fastify";
import type { Queryable } from "../../db/client.js";
import { maskPhone } from "../../http/masking.js";
import { insertInboxMessage, insertPublicNotice, type OutboxRow } from "./repository.js";

/** Delivers one outbox message; throws to have it retried. Runs inside the worker's transaction. */
export type Adapter = (tx: Queryable, message: OutboxRow) => Promise<void>;
export type Adapters = Record<OutboxRow["channel"], Adapter>;

export interface AdapterConfig {
  smsGatewayUrl: string | undefined;
  /** Tests and on-premises demos may deliver webhooks to private addresses (SECURITY.md #11). */
  allowPrivateWebhooks: boolean;
  decryptSecret(encrypted: string): string;
  /** Opens a business's sealed phone (modules/entities/personal-data.ts); needed only to send real SMS. */
  openBusinessPhone?(businessId: string, sealed: string): string;
  log: FastifyBaseLogger;
}

const TIMEOUT_MS = 5000;

function isPrivateAddress(address: string): boolean {
  if (
    address === "::1" ||
    address.startsWith("fe80:") ||
    address.startsWith("fc") ||
    address.startsWith("fd")
  )
    return true;
  const v4 = address.replace(/^::ffff:/, "");
  if (isIP(v4) !== 4) return false;
  const [a, b] = v4.split(".").map(Number) as [number, number];
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

/** SECURITY.md #11: webhook targets on loopback, link-local or private ranges are refused; DNS checked at send time. */
export async function assertPublicUrl(url: string, allowPrivate: boolean): Promise<void> {
  const parsed = new URL(url);
  if (!["http:", "https:"].includes(parsed.protocol)) throw new Error("webhook URL must be http(s)");
  if (allowPrivate) return;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  if (addresses.some(isPrivateAddress)) throw new Error(`webhook host ${host} resolves to a private address`);
}

async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    redirect: "error",
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

export function createAdapters(config: AdapterConfig): Adapters {
  return {
    async sms(_tx, message) {
      // The outbox holds the phone sealed (step 8); a message queued before that may still hold it in `to`.
      const payload = message.payload as {
        to?: string;
        toSealed?: string;
        toMasked?: string;
        businessId?: string;
        text: string;
      };
      const { text } = payload;
      if (!config.smsGatewayUrl) {
        config.log.info(
          { channel: "sms", to: payload.toMasked ?? maskPhone(payload.to ?? ""), text },
          "SMS (log adapter: set SMS_GATEWAY_URL to send)",
        );
        return;
      }
      let to = payload.to;
      if (payload.toSealed && payload.businessId) {
        if (!config.openBusinessPhone) throw new Error("SMS adapter cannot open sealed phones: no keyring");
        to = config.openBusinessPhone(payload.businessId, payload.toSealed);
      }
      if (!to) throw new Error("SMS message without a recipient");
      await post(config.smsGatewayUrl, JSON.stringify({ to, text }), { "idempotency-key": message.id });
    },
    async inbox(tx, message) {
      const { businessId, title, body } = message.payload as {
        businessId: string;
        title: string;
        body: string;
      };
      await insertInboxMessage(tx, { businessId, title, body });
    },
    async public_notice(tx, message) {
      const notice = message.payload as {
        kind: string;
        regionCode: string;
        licenseNumber: string;
        title: string;
        body: string;
      };
      await insertPublicNotice(tx, notice);
    },
    async webhook(_tx, message) {
      const { url, secretEncrypted, event } = message.payload as {
        url: string;
        secretEncrypted: string;
        event: unknown;
      };
      await assertPublicUrl(url, config.allowPrivateWebhooks);
      const body = JSON.stringify(event);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = createHmac("sha256", config.decryptSecret(secretEncrypted))
        .update(`${timestamp}.${body}`)
        .digest("hex");
      await post(url, body, {
        "x-shian-delivery": message.id,
        "x-shian-timestamp": timestamp,
        "x-shian-signature": `sha256=${signature}`,
      });
    },
  };
}

import type { FastifyBaseLogger } from "fastify";
import { resolveSigningPassphrase, type Config } from "./config.js";
import type { DatabaseHandle } from "./db/client.js";
import { startAlertJob } from "./modules/alerts/evaluate.js";
import { startColourFeedJob } from "./modules/colour-feed/job.js";
import { startComplaintEscalation } from "./modules/complaints/escalation.js";
import { startGradingScheduler } from "./modules/credit/scheduler.js";
import { configuredFileStore } from "./modules/files/file-store.js";
import { openSecret } from "./modules/keys/secret-box.js";
import { startOpenDataJob } from "./modules/open-data/job.js";
import { createAdapters } from "./modules/outbox/adapters.js";
import { startOutboxWorker } from "./modules/outbox/worker.js";
import { WEBHOOK_SECRET_CONTEXT } from "./modules/partners/service.js";
import { escalateOverdueRectifications } from "./modules/rectifications/service.js";
import { startReportJob } from "./modules/reports/job.js";

/**
 * The background work of a server process: outbox delivery, escalations, alerts, the colour feed, monthly
 * grading, reports and the open-data feed. Each is safe on several nodes (SKIP LOCKED claims or run-row locks),
 * so every node may run them; JOBS=off leaves them to other nodes. Returns a function that stops them all.
 */
export function startBackgroundJobs(
  config: Config,
  database: DatabaseHandle,
  log: FastifyBaseLogger,
): () => Promise<void> {
  const { db } = database;
  const keyring = { passphrase: resolveSigningPassphrase(config) };
  const adapters = createAdapters({
    smsGatewayUrl: config.smsGatewayUrl,
    allowPrivateWebhooks: config.allowPrivateWebhooks,
    decryptSecret: (sealed) => openSecret(keyring, sealed, WEBHOOK_SECRET_CONTEXT).toString("utf8"),
    log,
  });
  const fileStore = configuredFileStore(config);
  const escalation = setInterval(
    () => void escalateOverdueRectifications(db).catch((e: unknown) => log.error(e)),
    60_000,
  );
  const stops = [
    startOutboxWorker(db, adapters, log),
    async () => clearInterval(escalation),
    startComplaintEscalation(db, log),
    startAlertJob(db, log, config.alertIntervalSeconds * 1000),
    startColourFeedJob(db, config.defaultSafetyColour, log, config.colourFeedIntervalSeconds * 1000),
    // Monthly grading: in-process schedule instead of pg-boss cron (docs/grading.md, docs/architecture.md).
    startGradingScheduler(db, log),
    startReportJob({ db, fileStore }, log),
    startOpenDataJob(
      db,
      { fileStore, publicBaseUrl: config.publicBaseUrl, defaultColour: config.defaultSafetyColour },
      log,
    ),
  ];
  return async () => {
    for (const stop of stops) await stop();
  };
}

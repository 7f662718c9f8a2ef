import type { FastifyBaseLogger } from "fastify";
import { resolveSigningPassphrase, type Config } from "./config.js";
import type { DatabaseHandle } from "./db/client.js";
import { evaluateAlerts } from "./modules/alerts/evaluate.js";
import { runColourFeed } from "./modules/colour-feed/job.js";
import { escalateOverdueComplaints } from "./modules/complaints/escalation.js";
import { gradePreviousMonth, SCHEDULE_INTERVAL_MS } from "./modules/credit/scheduler.js";
import { configuredFileStore } from "./modules/files/file-store.js";
import { openSecret } from "./modules/keys/secret-box.js";
import { openBusinessPhone } from "./modules/entities/personal-data.js";
import { OPEN_DATA_CHECK_INTERVAL_MS, rebuildIfDue } from "./modules/open-data/job.js";
import { createAdapters } from "./modules/outbox/adapters.js";
import { startOutboxWorker } from "./modules/outbox/worker.js";
import { WEBHOOK_SECRET_CONTEXT } from "./modules/partners/service.js";
import { escalateOverdueRectifications } from "./modules/rectifications/service.js";
import { REPORT_JOB_INTERVAL_MS, runReportJob } from "./modules/reports/job.js";
// — step 10: snapshot retention —
import { purgeExpiredSnapshots, SNAPSHOT_PURGE_INTERVAL_MS } from "./modules/kitchen/retention.js";
import { configuredSnapshotStore } from "./modules/kitchen/snapshot-store.js";
import { startPeriodicJob, type PeriodicJob } from "./periodic-job.js";

const MINUTE_MS = 60_000;

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
    // — step 8: personal data at rest —
    openBusinessPhone: (businessId, sealed) => openBusinessPhone(keyring, businessId, sealed),
    log,
  });
  const fileStore = configuredFileStore(config);
  const now = () => new Date();
  const periodic: PeriodicJob[] = [
    {
      name: "rectification escalation",
      intervalMs: MINUTE_MS,
      run: async () => {
        await escalateOverdueRectifications(db);
      },
    },
    {
      name: "complaint escalation",
      intervalMs: MINUTE_MS,
      run: async () => {
        const count = await escalateOverdueComplaints(db, now());
        if (count > 0) log.info({ count }, "escalated overdue complaints");
      },
    },
    {
      name: "alert job",
      intervalMs: config.alertIntervalSeconds * 1000,
      run: async () => {
        const opened = (await evaluateAlerts(db)).filter((entry) => entry.opened > 0);
        if (opened.length > 0) log.info({ opened }, "alerts opened");
      },
    },
    {
      name: "colour feed",
      intervalMs: config.colourFeedIntervalSeconds * 1000,
      run: async () => {
        const summary = await runColourFeed(db, config.defaultSafetyColour);
        if (summary.changed > 0) log.info(summary, "store colours changed");
      },
    },
    {
      // Monthly grading: in-process schedule instead of pg-boss cron (docs/grading.md, docs/architecture.md).
      name: "monthly grading",
      intervalMs: SCHEDULE_INTERVAL_MS,
      runAtStart: true,
      run: async (signal) => {
        const models = await gradePreviousMonth(db, now(), signal);
        if (models.length > 0) log.info({ models }, "monthly grading finished");
      },
    },
    {
      name: "statistics report job",
      intervalMs: REPORT_JOB_INTERVAL_MS,
      runAtStart: true,
      run: async (signal) => {
        const reports = await runReportJob({ db, fileStore }, now(), signal);
        if (reports.length > 0) log.info({ reports }, "statistics reports generated");
      },
    },
    {
      name: "open-data job",
      intervalMs: OPEN_DATA_CHECK_INTERVAL_MS,
      runAtStart: true,
      run: async () => {
        const deps = {
          fileStore,
          publicBaseUrl: config.publicBaseUrl,
          defaultColour: config.defaultSafetyColour,
        };
        await rebuildIfDue(db, deps, log);
      },
    },
    // — step 10: snapshot retention (SNAPSHOT_RETENTION_DAYS) —
    {
      name: "kitchen snapshot retention",
      intervalMs: SNAPSHOT_PURGE_INTERVAL_MS,
      runAtStart: true,
      run: async (signal) => {
        const purged = await purgeExpiredSnapshots(db, configuredSnapshotStore(config), { signal });
        if (purged.rows > 0) log.info(purged, "expired kitchen snapshots deleted");
      },
    },
  ];
  const stops = [startOutboxWorker(db, adapters, log), ...periodic.map((job) => startPeriodicJob(job, log))];
  return async () => {
    for (const stop of stops) await stop();
  };
}

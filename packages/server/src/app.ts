import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance, type RouteOptions } from "fastify";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import { isSecureDeployment, resolveSigningPassphrase, type Config } from "./config.js";
import type { DatabaseHandle } from "./db/client.js";
import { registerAuth } from "./http/auth.js";
import { AppError } from "./http/errors.js";
import { registerErrorHandler, sendProblem } from "./http/error-handler.js";
import { registerIdempotency } from "./http/idempotency.js";
import { serializeRequest } from "./http/log-redaction.js";
import { registerMetrics } from "./http/metrics.js";
import { helmetHeaders, registerResponseHeaders } from "./http/security-headers.js";
import { markRoutesPublic } from "./http/route-policy.js";
import { ProblemSchema } from "./http/schema-helpers.js";
import { registerValidation } from "./http/validation.js";
import { accountRoutes } from "./modules/accounts/routes.js";
import { complaintRoutes } from "./modules/complaints/routes.js";
import { entityRoutes } from "./modules/entities/routes.js";
import { configuredFileStore } from "./modules/files/file-store.js";
import { MAX_UPLOAD_BYTES, fileRoutes } from "./modules/files/routes.js";
import { healthRoutes } from "./modules/health/routes.js";
import { importRoutes } from "./modules/imports/routes.js";
import { keyRoutes } from "./modules/keys/routes.js";
import { createLicenseHooks } from "./modules/certificates/license-hooks.js";
import { certificateRoutes } from "./modules/certificates/routes.js";
import { certifyImportedLicenses } from "./modules/certificates/service.js";
import { noticeRoutes } from "./modules/outbox/routes.js";
import { partnerRoutes } from "./modules/partners/routes.js";
import { licensingRoutes } from "./modules/licensing/routes.js";
import { taskRoutes } from "./modules/tasks/routes.js";
import { regionRoutes } from "./modules/regions/routes.js";
import { ratingRoutes } from "./modules/ratings/routes.js";
import { safetyCodeRoutes } from "./modules/safety-code/routes.js";
import { webRoutes } from "./modules/web/routes.js";
import { sunshineRoutes } from "./modules/sunshine/routes.js";
import { inspectionRoutes } from "./modules/inspections/routes.js";
import { rectificationRoutes } from "./modules/rectifications/routes.js";
import { volunteerRoutes } from "./modules/volunteers/routes.js";
import { selfCheckRoutes } from "./modules/self-checks/routes.js";
import { listRoutes } from "./modules/lists/routes.js";
import { commitmentRoutes } from "./modules/commitments/routes.js";
import { evaluationRoutes } from "./modules/evaluations/routes.js";
import { supervisionRoutes } from "./modules/supervision/routes.js";
import { penaltyRoutes } from "./modules/penalties/routes.js";
import { creditRepairRoutes } from "./modules/credit-repair/routes.js";
import { dishonestyRoutes } from "./modules/dishonesty/routes.js";
import { referralRoutes } from "./modules/dishonesty/referral-routes.js";
import { alertRoutes } from "./modules/alerts/routes.js";
import { samplingRoutes } from "./modules/sampling/routes.js";
import { creditModelRoutes } from "./modules/credit/models-routes.js";
import { gradingRoutes } from "./modules/credit/grading-routes.js";
import { traceRoutes } from "./modules/trace/routes.js";
import { colourFeedRoutes } from "./modules/colour-feed/routes.js";
import { reportRoutes } from "./modules/reports/routes.js";
import { cockpitRoutes } from "./modules/cockpit/routes.js";
import { openDataRoutes } from "./modules/open-data/routes.js";
// — step 8: audit export —
import { auditRoutes } from "./modules/audit/routes.js";
// — step 10: online patrols —
import { onlinePatrolRoutes } from "./modules/online-patrol/routes.js";
import { configuredSnapshotStore } from "./modules/kitchen/snapshot-store.js";
// — step 10: smart kitchen (feeds, snapshots, device events) —
import { kitchenRoutes } from "./modules/kitchen/routes.js";
// — step 7: public cache invalidation —
import { startPublicCacheListener } from "./modules/public-cache/listener.js";
import { setInvalidationPublisher } from "./modules/public-cache/notify.js";
// — step 11: recalls —
import { recallRoutes } from "./modules/recalls/routes.js";
// — step 11: misuse detection —
import { misuseRoutes } from "./modules/misuse/routes.js";

declare module "fastify" {
  interface FastifyInstance {
    /** Every registered route with its options (policy included): read by the policy tests and docs. */
    routeTable: readonly RouteOptions[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
export const JSON_BODY_LIMIT = 1024 * 1024;

/** Builds the HTTP application: external plugins, then cross-cutting hooks, then module routes (fastify/demo order). */
// — step 8: log destination — tests capture the log in memory (http/log-redaction.test.ts).
export interface BuildAppOptions {
  /** Where the pino log goes; stdout when unset. */
  logStream?: { write(line: string): void };
}

export async function buildApp(
  config: Config,
  database: DatabaseHandle,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // — step 8: log redaction — no query secrets, phones or ID numbers in logged URLs (http/log-redaction.ts).
      serializers: { req: serializeRequest },
      redact: [
        "req.headers.cookie",
        "req.headers.authorization",
        "req.headers['x-api-key']",
        "req.headers['x-csrf-token']",
        // — step 8: log redaction — @fastify/multipart logs busboy's options, request headers included (trace).
        "busboyOptions.headers",
      ],
    },
    bodyLimit: JSON_BODY_LIMIT,
    // QR tokens (≤ 400 bytes) travel in the path of /v/{token}.
    routerOptions: { maxParamLength: 1000 },
    // Router-level errors (bad URL, over-long parameter) get the same problem+json as every other error.
    frameworkErrors: (_error, request, reply) =>
      sendProblem(request, reply.header("x-request-id", request.id), new AppError("validation_failed")),
    // — step 8: proxy hops — only the configured proxies' X-Forwarded-For entries are believed (config.ts).
    // (Fastify's own rule for a hop count, written out: its types lack the number form.)
    trustProxy:
      config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < config.trustProxyHops : false,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const routeTable: RouteOptions[] = [];
  app.decorate("routeTable", routeTable);
  app.addHook("onRoute", (route) => {
    routeTable.push(route);
  });

  registerValidation(app);
  registerErrorHandler(app);
  app.addSchema(ProblemSchema);

  const secure = isSecureDeployment(config);
  // Helmet's headers, computed once and set by one synchronous hook with the request id (http/security-headers.ts).
  const securityHeaders = await helmetHeaders({
    // HSTS and upgrade-insecure-requests only behind TLS: on plain HTTP they would break the site.
    hsts: secure,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: secure ? [] : null,
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  registerResponseHeaders(app, securityHeaders);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(rateLimit, {
    global: true,
    // Public routes get the configured budget per IP; signed-in traffic a generous one (ASVS 11.1.4).
    max: (request) =>
      request.routeOptions.config.policy && "public" in request.routeOptions.config.policy
        ? config.publicRateLimit
        : config.publicRateLimit * 10,
    timeWindow: "1 minute",
    errorResponseBuilder: () => new AppError("rate_limited"),
  });
  await app.register(swagger, {
    openapi: {
      info: { title: "shian 食安 API", version: "1" },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: "shian_sid" },
          apiKey: { type: "apiKey", in: "header", name: "X-Api-Key" },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(async (docs) => {
    markRoutesPublic(docs);
    await docs.register(swaggerUi, {
      routePrefix: "/api/docs",
      staticCSP: true,
      uiConfig: { docExpansion: "list" },
    });
  });

  registerAuth(app, database.db, config);
  registerIdempotency(app, database.db);
  registerMetrics(app, () => database.poolStats());
  // — step 7: public cache invalidation —
  // On PostgreSQL every invalidation is also NOTIFYed through the primary, and every app listens there.
  const stopPublishing = setInvalidationPublisher(database.kind === "postgres" ? database.db : null, app.log);
  const stopListening = await startPublicCacheListener(config, database, app.log);
  app.addHook("onClose", async () => {
    stopPublishing();
    await stopListening();
  });
  await app.register(healthRoutes(database.db));
  await app.register(accountRoutes(database.db, config));
  await app.register(regionRoutes(database.readDb));
  const keyring = { passphrase: resolveSigningPassphrase(config, (message) => app.log.warn(message)) };
  // — step 8: personal data at rest — staff health certificate numbers are sealed with the keyring.
  await app.register(entityRoutes(database.db, keyring));
  await app.register(fileRoutes(database.db, configuredFileStore(config)));
  // — step 11: statutory fields — the complaint hotline printed on certificates.
  const certificateDeps = {
    keyring,
    publicBaseUrl: config.publicBaseUrl,
    complaintHotline: config.complaintHotline,
  };
  await app.register(keyRoutes(database.db, keyring));
  await app.register(licensingRoutes(database.db, createLicenseHooks(certificateDeps)));
  await app.register(
    certificateRoutes(database.db, database.readDb, certificateDeps, config.defaultSafetyColour),
  );
  await app.register(
    partnerRoutes(database.db, {
      ...certificateDeps,
      allowPrivateWebhooks: config.allowPrivateWebhooks,
      // — step 11: misuse detection —
      misuseMaxShopsPerLicence: config.misuseMaxShopsPerLicence,
    }),
  );
  await app.register(taskRoutes(database.db));
  await app.register(
    complaintRoutes({
      db: database.db,
      readDb: database.readDb,
      fileStore: configuredFileStore(config),
      keyring,
      closeWorkingDays: config.complaintCloseWorkingDays,
      rateLimit: config.complaintRateLimit,
    }),
  );
  await app.register(
    importRoutes(database.db, { hooks: { onLicensesImported: certifyImportedLicenses(certificateDeps) } }),
  );
  await app.register(noticeRoutes(database.db, database.readDb));
  await app.register(safetyCodeRoutes(database.db, database.readDb, config));
  await app.register(ratingRoutes(database.db, config));
  await app.register(inspectionRoutes(database.db));
  await app.register(volunteerRoutes(database.db));
  await app.register(rectificationRoutes(database.db));
  await app.register(selfCheckRoutes(database.db));
  await app.register(listRoutes(database.db, database.readDb));
  // — step 5: credit (models, grading) —
  await app.register(creditModelRoutes());
  await app.register(gradingRoutes(database.db));
  // — step 5: supervision plans and draws —
  await app.register(supervisionRoutes(database.db, keyring, database.readDb));
  // — step 5: alerts —
  await app.register(alertRoutes(database.db));
  await app.register(samplingRoutes(database.db));
  // — step 5: penalties, credit repair, dishonesty list, referrals —
  await app.register(penaltyRoutes(database.db));
  await app.register(creditRepairRoutes(database.db));
  await app.register(dishonestyRoutes(database.db));
  await app.register(referralRoutes(database.db));
  // — step 9: commitments —
  await app.register(commitmentRoutes(database.db, database.readDb));
  // — step 9: devices, batches, trace codes —
  await app.register(traceRoutes(database.db, database.readDb, config));
  // — step 9: delivery platforms —
  await app.register(colourFeedRoutes(database.db, config));
  // — step 9: sunshine screen —
  await app.register(sunshineRoutes(database.readDb, config));
  // — step 9: weekly evaluations —
  await app.register(evaluationRoutes(database.db));
  // — step 6: cockpit —
  await app.register(cockpitRoutes(database.readDb, { defaultColour: config.defaultSafetyColour }));
  // — step 6: statistics reports —
  await app.register(reportRoutes({ db: database.db, fileStore: configuredFileStore(config) }));
  // — step 6: open data —
  await app.register(openDataRoutes(database.readDb, config));
  // — step 10: online patrols —
  await app.register(
    onlinePatrolRoutes(database.db, {
      snapshots: configuredSnapshotStore(config),
      files: configuredFileStore(config),
    }),
  );
  // — step 10: smart kitchen (feeds, snapshots, device events) —
  await app.register(
    kitchenRoutes(database.db, {
      snapshotStore: configuredSnapshotStore(config),
      retentionDays: config.snapshotRetentionDays,
    }),
  );
  // — step 11: recalls —
  await app.register(recallRoutes(database.db, database.readDb));
  // — step 11: misuse detection —
  await app.register(misuseRoutes(database.db));
  // — step 8: audit export —
  await app.register(auditRoutes(database.db, keyring));
  await app.register(webRoutes);
  return app;
}

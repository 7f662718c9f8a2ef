import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { buildApp, type BuildAppOptions } from "../app.js";
import { loadConfig } from "../config.js";
import { verifyAuditChain } from "../modules/audit/service.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Verify the audit hash chain in close() and throw naming the first broken seq (SECURITY.md #13, ASVS 7.3.3).
   * On by default: every HTTP test thereby checks that its writes kept the chain intact. Only a test that breaks
   * the chain on purpose turns it off.
   */
  verifyAuditOnClose?: boolean;
  /** Where the app logs (with LOG_LEVEL in env): the log-redaction test reads it. */
  logStream?: BuildAppOptions["logStream"];
}

/** Thrown by TestApp.close() when the audit chain of the test's database does not verify. */
export class AuditChainBrokenError extends Error {}

export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-test-"));
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir, ...env });
  const app = await buildApp(config, database, { logStream: options.logStream });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      let failure: AuditChainBrokenError | undefined;
      try {
        await app.close();
        if (options.verifyAuditOnClose !== false) {
          const verdict = await verifyAuditChain(database.db);
          if (!verdict.ok)
            failure = new AuditChainBrokenError(
              `Audit chain of the test database broken at row seq=${verdict.seq} (${verdict.reason}); ` +
                `${verdict.rows} rows before it verify. Pass { verifyAuditOnClose: false } only if the test breaks it on purpose.`,
            );
        }
      } finally {
        await database.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
      if (failure) throw failure;
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Logs in through the API and returns a helper that sends the cookie and CSRF token. */
export async function loginAs(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const response = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const { csrfToken } = response.json() as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    inject: (options) =>
      app.inject({ ...options, headers: { cookie, "x-csrf-token": csrfToken, ...(options.headers ?? {}) } }),
  };
}

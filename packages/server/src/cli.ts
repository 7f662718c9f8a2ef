#!/usr/bin/env node
import { Command, InvalidArgumentError } from "commander";
import { buildApp } from "./app.js";
import { ConfigError, loadConfig, resolveSigningPassphrase, type Config } from "./config.js";
import type { DatabaseHandle } from "./db/client.js";
import { DataDirLockedError } from "./db/data-dir-lock.js";
import { AppError, toProblem } from "./http/errors.js";
import { SYSTEM_CONTEXT } from "./modules/accounts/actor.js";
import { ROLES, type Role } from "./modules/accounts/roles.js";
import { createUser } from "./modules/accounts/service.js";
import { verifyAuditChain } from "./modules/audit/service.js";
import { countUsers } from "./modules/demo/repository.js";
import { configuredFileStore } from "./modules/files/file-store.js";
import { certifyImportedLicenses } from "./modules/certificates/service.js";
import { runImportCommand } from "./modules/imports/cli-command.js";
import { registerKeyCommands } from "./modules/keys/cli-commands.js";
import { registerDrawCommands } from "./modules/supervision/cli-commands.js";
import { DEMO_PASSWORD, seedDemo } from "./modules/demo/seed-demo.js";
import { BulkSeedError, seedBulk } from "./modules/bulk-seed/seed-bulk.js";
import { registerAlertCommands } from "./modules/alerts/cli-commands.js";
import { registerCreditCommands } from "./modules/credit/cli-command.js";
import { registerDeviceCommands } from "./modules/trace/cli-commands.js";
import { registerKitchenCommands } from "./modules/kitchen/cli-commands.js";
import { configuredSnapshotStore } from "./modules/kitchen/snapshot-store.js";
import { openMigratedDatabase } from "./runtime.js";
import { startBackgroundJobs } from "./jobs.js";
import { registerReportCommands } from "./modules/reports/cli-commands.js";
import { registerOpenDataCommands } from "./modules/open-data/cli-commands.js";
// — step 8: audit export, backup and restore —
import { registerAuditCommands } from "./modules/audit/cli-commands.js";
import { registerBackupCommands } from "./modules/backup/cli-commands.js";

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 6) throw new InvalidArgumentError("must be an integer ≥ 6");
  return n;
}

/** Runs a command with a migrated database and closes it after; failures exit 1 with a clear message. */
async function withDatabase(work: (database: DatabaseHandle, config: Config) => Promise<number | void>) {
  let config: Config;
  let database: DatabaseHandle | undefined;
  try {
    config = loadConfig();
    database = await openMigratedDatabase(config);
    process.exitCode = (await work(database, config)) ?? 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      console.error(error.message);
    } else if (error instanceof AppError) {
      console.error(toProblem(error, "en", "cli", "").detail);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}

interface DemoFlags {
  demo?: boolean;
  stores: number;
  seed: string;
}

async function seedDemoIfEmpty(database: DatabaseHandle, config: Config, flags: DemoFlags) {
  if ((await countUsers(database.db)) > 0) return;
  const summary = await seedDemo(database.db, {
    stores: flags.stores,
    seed: flags.seed,
    nodeEnv: config.nodeEnv,
    fileStore: configuredFileStore(config),
    snapshotStore: configuredSnapshotStore(config), // step 10
    certificates: {
      keyring: { passphrase: resolveSigningPassphrase(config) },
      publicBaseUrl: config.publicBaseUrl,
      complaintHotline: config.complaintHotline, // step 11: statutory fields
    },
  });
  console.log(
    `Demo data loaded: ${summary.businesses} businesses, ${summary.stores} stores, ${summary.licenses} licences, ` +
      `${summary.applications} applications, ${summary.users} users.`,
  );
}

async function serve(flags: DemoFlags) {
  let config: Config;
  try {
    config = loadConfig();
    // Refuses to start in production without SIGNING_KEY_PASSPHRASE; in demo mode generates it once, with a warning.
    config = { ...config, signingKeyPassphrase: resolveSigningPassphrase(config) };
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  let database: DatabaseHandle;
  try {
    database = await openMigratedDatabase(config);
  } catch (error) {
    console.error(error instanceof DataDirLockedError ? error.message : error);
    process.exit(1);
  }
  if (flags.demo) await seedDemoIfEmpty(database, config, flags);
  const app = await buildApp(config, database);
  // JOBS=off: a node that only serves (behind a load balancer, or a benchmark); another node runs the jobs.
  const stopJobs = config.jobs ? startBackgroundJobs(config, database, app.log) : async () => {};
  const shutdown = async () => {
    await stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL";
  console.log(`shian is serving ${config.publicBaseUrl} (${where}).`);
  console.log(`Log in at ${config.publicBaseUrl}/login`);
  if (flags.demo)
    console.log(
      `Demo users: admin, acceptor, reviewer, approver, inspector, leader, owner, volunteer — password "${DEMO_PASSWORD}".`,
    );
}

const program = new Command("shian").description("食安 shian — food licensing and supervision platform");

const demoOptions = (command: Command) =>
  command
    .option("--stores <n>", "demo stores to create (≥ 6)", positiveInteger, 2000)
    .option("--seed <seed>", "seed of the deterministic demo data", "shian-demo");

demoOptions(
  program
    .command("serve")
    .description("migrate and serve HTTP")
    .option("--demo", "load demo data into an empty database"),
).action((flags: DemoFlags) => serve(flags));

program
  .command("migrate")
  .description("apply database migrations and reference data")
  .action(() => withDatabase(async () => console.log("Database is up to date.")));

demoOptions(
  program
    .command("seed")
    .description(
      "--demo: load demo data into an empty database; --stores N --seed S (no --demo): bulk data set in PostgreSQL (docs/data-generator.md)",
    )
    .option("--demo", "demo data")
    .option(
      "--certificates <n>",
      "bulk: licences with a signed certificate, spread evenly (default 10000)",
      Number,
    )
    .option("--as-of <date>", "bulk: the data set's today (YYYY-MM-DD), for the same dates on another day"),
).action((flags: DemoFlags & { certificates?: number; asOf?: string }, command: Command) =>
  withDatabase(async (database, config) => {
    if (flags.demo) {
      if ((await countUsers(database.db)) > 0) {
        console.log("The database already has users; demo data not loaded.");
        return;
      }
      await seedDemoIfEmpty(database, config, flags);
      return;
    }
    if (command.getOptionValueSource("stores") !== "cli") {
      console.error("Pass --demo for the demo, or --stores N --seed S for a bulk data set.");
      return 1;
    }
    if (database.kind !== "postgres" || !config.databaseUrl) {
      console.error(
        "Bulk data needs PostgreSQL: set DATABASE_URL (the embedded PGlite database takes the demo only, see docs/data-generator.md).",
      );
      return 1;
    }
    if (flags.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.asOf)) {
      console.error("--as-of must be a date YYYY-MM-DD");
      return 1;
    }
    try {
      await seedBulk({
        db: database.db,
        databaseUrl: config.databaseUrl,
        stores: flags.stores,
        seed: flags.seed,
        asOf: flags.asOf ? new Date(`${flags.asOf}T12:00:00+08:00`) : undefined,
        certificates: flags.certificates,
        keyring: { passphrase: resolveSigningPassphrase(config) },
        log: (line) => console.log(line),
      });
    } catch (error) {
      if (!(error instanceof BulkSeedError)) throw error;
      console.error(error.message);
      return 1;
    }
  }),
);

program
  .command("audit")
  .description("audit log tools")
  .command("verify")
  .description("check the audit hash chain; exits 1 naming the first broken row")
  .action(() =>
    withDatabase(async (database) => {
      const verdict = await verifyAuditChain(database.db);
      if (verdict.ok) {
        console.log(`Audit chain intact: ${verdict.rows} rows.`);
        return 0;
      }
      console.error(
        `Audit chain broken at row seq=${verdict.seq} (${verdict.reason}); ${verdict.rows} rows before it verify.`,
      );
      return 1;
    }),
  );

program
  .command("users")
  .description("user accounts")
  .command("create")
  .description("create a user; the password is read from SHIAN_PASSWORD")
  .requiredOption("--username <name>")
  .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
  .option("--region <code>", "GB/T 2260 jurisdiction code (omit for national)")
  .option("--display-name <name>")
  .action((flags: { username: string; role: string; region?: string; displayName?: string }) =>
    withDatabase(async (database) => {
      const password = process.env.SHIAN_PASSWORD;
      if (!(ROLES as readonly string[]).includes(flags.role)) {
        console.error(`--role must be one of ${ROLES.join(", ")}`);
        return 1;
      }
      if (!password) {
        console.error(
          "Set SHIAN_PASSWORD to the new user's password (kept out of the shell history and process list).",
        );
        return 1;
      }
      const user = await createUser(database.db, SYSTEM_CONTEXT, {
        username: flags.username,
        displayName: flags.displayName ?? flags.username,
        role: flags.role as Role,
        regionCode: flags.region ?? null,
        password,
      });
      console.log(`Created user ${user.username} (${user.role}, ${user.regionCode ?? "national"}).`);
    }),
  );

program
  .command("import")
  .description("bulk imports")
  .command("licenses <file>")
  .description(
    "import a legacy licence register (CSV or XLSX, see docs/import.md); running it again resumes or reports the job",
  )
  .option("--batch-size <n>", "rows per transaction", (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 10_000)
      throw new InvalidArgumentError("must be an integer 1–10000");
    return n;
  })
  .action((file: string, flags: { batchSize?: number }) =>
    withDatabase((database, config) =>
      runImportCommand(database.db, file, {
        batchSize: flags.batchSize,
        onLicensesImported: certifyImportedLicenses({
          keyring: { passphrase: resolveSigningPassphrase(config) },
          publicBaseUrl: config.publicBaseUrl,
          complaintHotline: config.complaintHotline, // step 11: statutory fields
        }),
      }),
    ),
  );

registerKeyCommands(program, withDatabase);
// — step 5: `shian credit …` —
registerCreditCommands(program, withDatabase);
// — step 5: `shian draw …` —
registerDrawCommands(program, withDatabase);
// — step 5: `shian alerts …` —
registerAlertCommands(program, withDatabase);

// — step 9: `shian device …` —
registerDeviceCommands(program, withDatabase);
// — step 10: `shian device simulate-events`, `shian kitchen purge-snapshots` —
registerKitchenCommands(program, withDatabase);

// — step 6: `shian reports …`, `shian open-data …` —
registerReportCommands(program, withDatabase);
registerOpenDataCommands(program, withDatabase);

// — step 8: `shian audit export|verify-export`, `shian backup`, `shian restore` —
registerAuditCommands(program, withDatabase);
registerBackupCommands(program);

await program.parseAsync();

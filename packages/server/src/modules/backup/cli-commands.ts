// `shian backup --out <file>` and `shian restore --from <file>` (docs/operations.md). They open the database
// themselves, without migrating it: a backup taken before an upgrade must hold the old schema.

import type { Command } from "commander";
import { ConfigError, loadConfig } from "../../config.js";
import { DataDirLockedError } from "../../db/data-dir-lock.js";
import { BackupError, backupPglite, backupPostgres, restorePglite, restorePostgres } from "./service.js";

async function runOperatorCommand(work: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await work();
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(
        `${error.message} PGlite has a single connection: stop the server for a backup or restore ` +
          `(PostgreSQL backs up online).`,
      );
    } else if (error instanceof BackupError || error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command("backup")
    .description(
      "write a backup of the database (PGlite data dir, or pg_dump -Fc of DATABASE_URL) with a manifest of table counts and hashes",
    )
    .requiredOption("--out <file>", "the backup file to write (must not exist)")
    .action((flags: { out: string }) =>
      runOperatorCommand(async () => {
        const config = loadConfig();
        const manifest = config.databaseUrl
          ? await backupPostgres(config.databaseUrl, flags.out)
          : await backupPglite(config.dataDir, flags.out);
        const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
        console.log(
          `Backup written to ${flags.out}: ${manifest.kind}, ${manifest.tables.length} tables, ${rows} rows, ` +
            `${manifest.migration.applied} migrations; SHA-256 ${manifest.payloadSha256}.`,
        );
        return 0;
      }),
    );

  program
    .command("restore")
    .description(
      "restore a backup into DATA_DIR (PGlite) or DATABASE_URL (pg_restore --clean); checks every table's count and hash and the audit chain",
    )
    .requiredOption("--from <file>", "a file written by `shian backup`")
    .option("--force", "replace a database that is not empty (PGlite: the old one is moved aside)")
    .action((flags: { from: string; force?: boolean }) =>
      runOperatorCommand(async () => {
        const config = loadConfig();
        const force = flags.force === true;
        const result = config.databaseUrl
          ? await restorePostgres(flags.from, config.databaseUrl, force)
          : await restorePglite(flags.from, config.dataDir, force);
        if (result.movedAside) console.log(`The previous database was moved to ${result.movedAside}.`);
        const { manifest, audit } = result;
        console.log(
          `Restored ${flags.from} (${manifest.kind}, taken ${manifest.createdAt}): ${manifest.tables.length} tables ` +
            `match their counts and hashes.`,
        );
        if (!audit.ok) {
          console.error(
            `Audit chain broken at row seq=${audit.seq} (${audit.reason}) in the restored database.`,
          );
          return 1;
        }
        console.log(`Audit chain intact: ${audit.rows} rows.`);
        return 0;
      }),
    );
}

import { resolveSigningPassphrase, type Config } from "./config.js";
import { openDatabase, type DatabaseHandle } from "./db/client.js";
import { sealLegacyPersonalData } from "./modules/entities/personal-data.js";
import { ensureRegions } from "./modules/regions/service.js";

/** Opens the configured database (locking a PGlite data dir), applies migrations and reference data. */
export async function openMigratedDatabase(config: Config): Promise<DatabaseHandle> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    databaseReadUrl: config.databaseReadUrl,
    dataDir: config.dataDir,
  });
  try {
    await database.migrate();
    // — step 8: personal data at rest — seals phones a migration had to leave in clear (docs/security.md).
    await sealLegacyPersonalData(database.db, () => ({ passphrase: resolveSigningPassphrase(config) }));
    await ensureRegions(database.db);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

// `shian device simulate --store <id> --sales N [--batch <number>] [--key-file <path>]`: a simulated scale for the
// demo (docs/traceability.md).

import { InvalidArgumentError, type Command } from "commander";
import type { Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { defaultKeyFile, simulateSales } from "./simulator.js";

type WithDatabase = (
  work: (database: DatabaseHandle, config: Config) => Promise<number | void>,
) => Promise<void>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function salesCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 500) throw new InvalidArgumentError("must be an integer 1–500");
  return n;
}

function storeId(value: string): string {
  if (!UUID.test(value)) throw new InvalidArgumentError("must be a store id (uuid)");
  return value.toLowerCase();
}

export function registerDeviceCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command("device")
    .description("devices: trace-code scales and tills; simulated smart-kitchen cameras")
    .command("simulate")
    .description(
      "a simulated scale of the store (key kept in DATA_DIR/simulated-scales/ or --key-file) signs N sales, " +
        "uploads them and prints their /t/ URLs",
    )
    .requiredOption("--store <storeId>", "the store selling", storeId)
    .requiredOption("--sales <n>", "how many sales", salesCount)
    .option("--batch <batchNumber>", "the batch sold (default: the store's latest batch)")
    .option("--key-file <path>", "where the scale's key is kept")
    .action((flags: { store: string; sales: number; batch?: string; keyFile?: string }) =>
      withDatabase(async (database, config) => {
        const result = await simulateSales(database.db, {
          storeId: flags.store,
          sales: flags.sales,
          batchNumber: flags.batch,
          keyFile: flags.keyFile ?? defaultKeyFile(config.dataDir, flags.store),
          publicBaseUrl: config.publicBaseUrl,
        });
        console.error(
          `device ${result.deviceId}: ${result.uploaded.stored} codes uploaded (${result.uploaded.duplicates} duplicates)`,
        );
        for (const url of result.urls) console.log(url);
      }),
    );
}

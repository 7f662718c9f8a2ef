// `shian device simulate-events …` (attached to the `device` command of step 9) and
// `shian kitchen purge-snapshots` (docs/smart-kitchen.md).

import { InvalidArgumentError, type Command } from "commander";
import type { Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { purgeExpiredSnapshots } from "./retention.js";
import type { KitchenDeps } from "./service.js";
import { configuredSnapshotStore } from "./snapshot-store.js";
import { defaultDeviceKeyFile, isKitchenEventType, simulateEvents } from "./simulator.js";

type WithDatabase = (
  work: (database: DatabaseHandle, config: Config) => Promise<number | void>,
) => Promise<void>;

export function kitchenDeps(config: Config): KitchenDeps {
  return { snapshotStore: configuredSnapshotStore(config), retentionDays: config.snapshotRetentionDays };
}

function eventCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError("must be an integer 1–1000");
  return n;
}

function eventType(value: string) {
  if (!isKitchenEventType(value)) throw new InvalidArgumentError("not a kitchen event type");
  return value;
}

export function registerKitchenCommands(program: Command, withDatabase: WithDatabase): void {
  const device =
    program.commands.find((command) => command.name() === "device") ??
    program.command("device").description("devices");
  device
    .command("simulate-events")
    .description(
      "a simulated AI camera of the store (key kept in DATA_DIR/simulated-kitchen-devices/) posts N smart-kitchen " +
        "events; the same --seed gives the same event ids, so a second run replays them and changes nothing",
    )
    .requiredOption("--store <storeIdOrName>", "the store (id, or its exact name)")
    .requiredOption("--count <n>", "how many events", eventCount)
    .option(
      "--type <type>",
      "every event of this type (default: hygiene events picked by the seed)",
      eventType,
    )
    .option("--seed <seed>", "seed of the event ids and types", "demo")
    .action((flags: { store: string; count: number; type?: ReturnType<typeof eventType>; seed: string }) =>
      withDatabase(async (database, config) => {
        const summary = await simulateEvents(database.db, kitchenDeps(config), {
          store: flags.store,
          count: flags.count,
          type: flags.type,
          seed: flags.seed,
          keyFile: (storeId) => defaultDeviceKeyFile(config.dataDir, storeId),
        });
        console.log(
          `store ${summary.storeName} (${summary.storeId}), device ${summary.deviceId}: ` +
            `${summary.stored} events stored, ${summary.replayed} replayed`,
        );
        for (const [type, n] of Object.entries(summary.byType)) console.log(`  ${type}: ${n}`);
      }),
    );

  program
    .command("kitchen")
    .description("smart kitchen (明厨亮灶)")
    .command("purge-snapshots")
    .description(
      "delete kitchen snapshots past SNAPSHOT_RETENTION_DAYS and their files (the server does it hourly)",
    )
    .action(() =>
      withDatabase(async (database, config) => {
        const summary = await purgeExpiredSnapshots(database.db, configuredSnapshotStore(config));
        console.log(`${summary.rows} snapshots deleted, ${summary.files} files removed`);
      }),
    );
}

// `shian alerts run`: runs every alert rule once (the server also runs it every ALERT_INTERVAL_SECONDS).

import type { Command } from "commander";
import type { Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { evaluateAlerts } from "./evaluate.js";

type WithDatabase = (
  work: (database: DatabaseHandle, config: Config) => Promise<number | void>,
) => Promise<void>;

export function registerAlertCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command("alerts")
    .description("alerts (预警)")
    .command("run")
    .description(
      "run every alert rule now; red alerts open a 24-hour task (running it again opens nothing new)",
    )
    .action(() =>
      withDatabase(async (database) => {
        const summary = await evaluateAlerts(database.db);
        for (const { rule, severity, opened } of summary)
          console.log(`${rule} (${severity}): ${opened} opened`);
      }),
    );
}

// `shian draw verify <id>`: re-computes a stored 双随机 draw and checks its hashes and commitment (docs/draws.md).

import type { Command } from "commander";
import type { Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { verifyDraw } from "./service.js";

type WithDatabase = (
  work: (database: DatabaseHandle, config: Config) => Promise<number | void>,
) => Promise<void>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerDrawCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command("draw")
    .description("双随机 draws")
    .command("verify <id>")
    .description(
      "re-compute a draw from its stored seed, population and rules; prints match (exit 0) or what differs (exit 1)",
    )
    .action((id: string) =>
      withDatabase(async (database) => {
        const differences = UUID.test(id) ? await verifyDraw(database.db, id) : undefined;
        if (!differences) {
          console.error(`No draw ${id}.`);
          return 1;
        }
        if (differences.length === 0) {
          console.log("match");
          return 0;
        }
        console.log("MISMATCH");
        for (const difference of differences) console.log(`- ${difference}`);
        return 1;
      }),
    );
}

// `shian open-data build [--region CODE]`: builds the LIVES zips now (the server rebuilds them nightly).

import type { Command } from "commander";
import type { Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { configuredFileStore } from "../files/file-store.js";
import { buildLivesFeeds } from "./build-feeds.js";

type WithDatabase = (
  work: (database: DatabaseHandle, config: Config) => Promise<number | void>,
) => Promise<void>;

export function registerOpenDataCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command("open-data")
    .description("open data (开放数据)")
    .command("build")
    .description("build the LIVES zip of every county with stores and every city, or of one region")
    .option("--region <code>", "GB/T 2260 code of one county or city")
    .action((flags: { region?: string }) =>
      withDatabase(async (database, config) => {
        let failed = 0;
        const built = await buildLivesFeeds(
          database.db,
          {
            fileStore: configuredFileStore(config),
            publicBaseUrl: config.publicBaseUrl,
            defaultColour: config.defaultSafetyColour,
          },
          {
            ...(flags.region ? { regionCode: flags.region } : {}),
            onError: (regionCode, error) => {
              failed += 1;
              console.error(`${regionCode}: ${error instanceof Error ? error.message : String(error)}`);
            },
          },
        );
        for (const feed of built) {
          const { businesses, inspections, violations } = feed.counts;
          console.log(
            `${feed.regionCode}: ${businesses} businesses, ${inspections} inspections, ${violations} violations (${feed.bytes} bytes)`,
          );
        }
        return failed > 0 ? 1 : 0;
      }),
    );
}

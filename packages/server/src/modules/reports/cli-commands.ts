// `shian reports generate --kind monthly --period 2026-11 --region 440106` and `shian reports run` (the job once).

import { InvalidArgumentError, type Command } from "commander";
import type { Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { configuredFileStore } from "../files/file-store.js";
import { runReportJob } from "./job.js";
import { REPORT_KINDS, type ReportKind } from "./period.js";
import { generateReport } from "./service.js";

type WithDatabase = (
  work: (database: DatabaseHandle, config: Config) => Promise<number | void>,
) => Promise<void>;

function reportKind(value: string): ReportKind {
  if (!(REPORT_KINDS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`must be one of ${REPORT_KINDS.join(", ")}`);
  }
  return value as ReportKind;
}

export function registerReportCommands(program: Command, withDatabase: WithDatabase): void {
  const reports = program.command("reports").description("statistics reports (统计报表)");
  reports
    .command("generate")
    .description("generate (or regenerate) one report now, as xlsx and PDF")
    .requiredOption("--kind <kind>", "monthly or annual", reportKind)
    .requiredOption("--period <period>", 'monthly "YYYY-MM", annual "YYYY"')
    .requiredOption("--region <code>", "city or county code (GB/T 2260)")
    .action((flags: { kind: ReportKind; period: string; region: string }) =>
      withDatabase(async (database, config) => {
        const report = await generateReport(
          { db: database.db, fileStore: configuredFileStore(config) },
          SYSTEM_CONTEXT,
          { kind: flags.kind, period: flags.period, regionCode: flags.region },
        );
        console.log(
          `Generated ${report.kind} report ${report.period} of ${report.regionCode} (id ${report.id}).`,
        );
      }),
    );
  reports
    .command("run")
    .description(
      "run the report job once: last month's reports (and in January last year's) that are missing",
    )
    .action(() =>
      withDatabase(async (database, config) => {
        const generated = await runReportJob({ db: database.db, fileStore: configuredFileStore(config) });
        console.log(generated.length > 0 ? generated.join("\n") : "No reports due.");
      }),
    );
}

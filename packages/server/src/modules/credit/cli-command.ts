// `shian credit run --period 2026-11 [--model zhenhai-3l4c] [--chunk-size n]`: grades one period with one model
// or all of them, printing progress and a summary. Running it again resumes an interrupted run or reports the
// finished one (the job is idempotent).

import { CREDIT_MODELS, findModel } from "@shian/domain";
import { InvalidArgumentError, type Command } from "commander";
import type { Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { runGrading } from "./grading.js";
import { findRun, gradeDistribution } from "./grading-repository.js";
import { isPeriod, periodOf } from "./period.js";

type WithDatabase = (
  work: (database: DatabaseHandle, config: Config) => Promise<number | void>,
) => Promise<void>;

interface RunFlags {
  period: string;
  model?: string;
  chunkSize?: number;
}

function period(value: string): string {
  if (!isPeriod(value)) throw new InvalidArgumentError("must be a month, YYYY-MM");
  return value;
}

function modelId(value: string): string {
  if (!findModel(value)) {
    throw new InvalidArgumentError(`must be one of ${CREDIT_MODELS.map((m) => m.id).join(", ")}`);
  }
  return value;
}

function chunkSize(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5000) throw new InvalidArgumentError("must be an integer 1–5000");
  return n;
}

async function runCommand(database: DatabaseHandle, flags: RunFlags): Promise<number> {
  if (flags.period > periodOf(new Date())) {
    console.error(`The period ${flags.period} has not started yet.`);
    return 1;
  }
  const models = flags.model ? [findModel(flags.model)!] : CREDIT_MODELS;
  for (const model of models) {
    const earlier = await findRun(database.db, model.id, flags.period);
    if (earlier?.status === "done") {
      console.log(`${model.id} ${flags.period}: already graded (${earlier.processed} stores).`);
      continue;
    }
    const started = performance.now();
    let lastPercent = -1;
    const run = await runGrading(database.db, {
      model,
      period: flags.period,
      chunkSize: flags.chunkSize,
      onProgress: ({ processed, total }) => {
        const percent = total > 0 ? Math.floor((100 * processed) / total) : 100;
        if (percent === lastPercent) return;
        lastPercent = percent;
        console.log(`${model.id} ${flags.period}: ${processed}/${total} (${percent} %)`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const counts = (await gradeDistribution(database.db, { period: flags.period, regionPrefix: null }))
      .filter((row) => row.model === model.id)
      .map((row) => `${row.grade} ${row.count}`)
      .join(", ");
    console.log(
      `${model.id} ${flags.period}: ${run.processed} stores graded (${counts || "none"}) in ${seconds} s`,
    );
  }
  return 0;
}

export function registerCreditCommands(program: Command, withDatabase: WithDatabase): void {
  program
    .command("credit")
    .description("credit grading")
    .command("run")
    .description("grade a month (China time) with one model or all; resumes an interrupted run")
    .requiredOption("--period <YYYY-MM>", "the month to grade", period)
    .option("--model <id>", `one of ${CREDIT_MODELS.map((m) => m.id).join(", ")} (all when omitted)`, modelId)
    .option("--chunk-size <n>", "stores per transaction", chunkSize)
    .action((flags: RunFlags) => withDatabase((database) => runCommand(database, flags)));
}

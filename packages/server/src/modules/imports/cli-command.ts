import fs from "node:fs";
import path from "node:path";
import type { Database } from "../../db/client.js";
import { SYSTEM_CONTEXT } from "../accounts/actor.js";
import { ImportFileError } from "./columns.js";
import { fileSource } from "./file-reader.js";
import type { ImportErrorRow } from "./repository.js";
import { DEFAULT_BATCH_SIZE, importLicenses, type ImportHooks, type ImportProgress } from "./service.js";

const BAR_WIDTH = 30;

/** One progress line: `[██████░░░░] 30% 6000/20000 rows · imported 5940 · skipped 0 · errors 60`. */
export function formatProgress(progress: ImportProgress): string {
  const share = progress.totalRows === 0 ? 1 : progress.processedRows / progress.totalRows;
  const filled = Math.round(share * BAR_WIDTH);
  return (
    `[${"█".repeat(filled)}${"░".repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}% ` +
    `${progress.processedRows}/${progress.totalRows} rows · imported ${progress.importedRows} · ` +
    `skipped ${progress.skippedRows} · errors ${progress.errorRows}`
  );
}

export function formatErrorRow(row: ImportErrorRow): string {
  const problems = row.errors.map((error) => `${error.messageEn} / ${error.message}`).join("; ");
  return `  row ${row.rowNumber}: ${problems}`;
}

export interface ImportCommandOptions extends ImportHooks {
  batchSize?: number;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

/**
 * `shian import licenses <file>`: imports as the platform (national jurisdiction), progress on stderr after each
 * committed batch, a summary on stdout. Returns the exit code: 0 when the job finished (row errors included),
 * 1 when the file cannot be imported; other failures throw (and exit 1).
 */
export async function runImportCommand(
  db: Database,
  filePath: string,
  options: ImportCommandOptions = {},
): Promise<number> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  if (!fs.existsSync(filePath) || !fs.statSync(filePath).isFile()) {
    stderr.write(`No such file: ${filePath}\n`);
    return 1;
  }
  // On a terminal the line is redrawn in place; in a log (or a test reading stderr) each batch gets its line.
  const end = stderr.isTTY ? "\r" : "\n";
  try {
    const summary = await importLicenses({
      db,
      context: SYSTEM_CONTEXT,
      source: fileSource(filePath, path.basename(filePath)),
      run: {
        batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
        onLicensesImported: options.onLicensesImported,
        onProgress: (progress) => stderr.write(`${formatProgress(progress)}${end}`),
      },
    });
    if (stderr.isTTY) stderr.write("\n");
    const { job, progress } = summary;
    const lines = [
      summary.ran
        ? `Imported ${job.fileName} (job ${job.id}): ${job.status}.`
        : `${job.fileName} was imported before (job ${job.id}, finished ${job.finishedAt?.toISOString()}); nothing to do.`,
      `Rows: ${progress.totalRows} — imported ${progress.importedRows}, skipped as already present ` +
        `${progress.skippedRows}, errors ${progress.errorRows}.`,
    ];
    if (summary.firstErrors.length > 0) {
      const shown =
        summary.firstErrors.length < progress.errorRows ? `first ${summary.firstErrors.length} ` : "";
      lines.push(
        `Rows with errors (${shown}of ${progress.errorRows}; all through GET /api/v1/imports/${job.id}/errors):`,
      );
      lines.push(...summary.firstErrors.map(formatErrorRow));
    }
    stdout.write(`${lines.join("\n")}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    stderr.write(`${end === "\r" ? "\n" : ""}Cannot import ${filePath}: ${error.en} (${error.zh})\n`);
    return 1;
  }
}

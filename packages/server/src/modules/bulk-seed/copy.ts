// COPY … FROM STDIN of lazily produced lines (pg-copy-streams): the lines are batched into chunks of ~256 KiB,
// and the stream's back-pressure keeps only a few chunks in memory whatever the table's size.

import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const CHUNK_CHARS = 1 << 17;

/** Groups lines into newline-terminated Buffers. */
function* chunks(lines: Iterable<string>): Generator<Buffer> {
  let chunk = "";
  for (const line of lines) {
    chunk += line + "\n";
    if (chunk.length >= CHUNK_CHARS) {
      yield Buffer.from(chunk);
      chunk = "";
    }
  }
  if (chunk.length > 0) yield Buffer.from(chunk);
}

/** Streams the lines into `table` (COPY text format); returns the number of rows the server took. */
export async function copyLines(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<number> {
  const sink = client.query(copyFrom(`copy ${table} (${columns.join(", ")}) from stdin`));
  await pipeline(Readable.from(chunks(lines), { objectMode: false }), sink);
  return sink.rowCount;
}

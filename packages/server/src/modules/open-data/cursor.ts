// Opaque keyset cursors of the open-data lists: base64url of a small JSON object. Clients pass `next` back as
// it is; its content may change between versions, so it is validated strictly and a bad one is a 400.

import { AppError } from "../../http/errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A timestamptz as PostgreSQL prints it (`timestamptz::text`, ISO DateStyle), microseconds kept. */
const PG_TIMESTAMP =
  /^\d{4}-\d{2}-\d{2}[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:\d{2}){0,2}|Z)$/;

/** A YYYY-MM-DD that exists in the calendar (Date.parse would roll 2026-02-30 over to March). */
export function isRealDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === day;
}

/** Stores page by id alone: stable, and served by the primary key. */
export interface StoreCursor {
  id: string;
}

/** Inspections page by (inspected_at, id): the oldest first, so new inspections land on the last pages. */
export interface InspectionCursor {
  at: string;
  id: string;
}

/** Rejects 2026-02-30 and the like before PostgreSQL would fail on the cast (a 500 instead of a 400). */
function isRealInstant(text: string): boolean {
  return PG_TIMESTAMP.test(text) && isRealDay(text.slice(0, 10));
}

function badCursor(): AppError {
  return new AppError("open_data_bad_cursor", undefined, [
    { pointer: "/querystring/cursor", message: "not a cursor of this list" },
  ]);
}

function encode(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decode(raw: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]+$/.test(raw)) throw badCursor();
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw badCursor();
    return parsed as Record<string, unknown>;
  } catch {
    throw badCursor();
  }
}

export function encodeStoreCursor(cursor: StoreCursor): string {
  return encode({ k: "s", id: cursor.id });
}

export function decodeStoreCursor(raw: string): StoreCursor {
  const value = decode(raw);
  if (value.k !== "s" || typeof value.id !== "string" || !UUID.test(value.id)) throw badCursor();
  return { id: value.id };
}

export function encodeInspectionCursor(cursor: InspectionCursor): string {
  return encode({ k: "i", at: cursor.at, id: cursor.id });
}

export function decodeInspectionCursor(raw: string): InspectionCursor {
  const value = decode(raw);
  if (
    value.k !== "i" ||
    typeof value.id !== "string" ||
    !UUID.test(value.id) ||
    typeof value.at !== "string" ||
    !isRealInstant(value.at)
  ) {
    throw badCursor();
  }
  return { at: value.at, id: value.id };
}

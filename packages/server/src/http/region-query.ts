import { regionScopePrefix } from "@shian/domain";
import { AppError } from "./errors.js";

/**
 * The code prefix of a `region` query parameter, or null when none is given. The schema pattern admits any six
 * digits; a code outside GB/T 2260 (province 11–82) is the client's mistake: 400, not the domain's RangeError (500).
 */
export function queryRegionPrefix(region: string | undefined, field = "region"): string | null {
  if (!region) return null;
  try {
    return regionScopePrefix(region);
  } catch {
    throw new AppError(
      "validation_failed",
      { "zh-CN": `${field} 不是有效的行政区划代码`, en: `${field} is not a GB/T 2260 code` },
      [{ pointer: `/querystring/${field}`, message: "is not a GB/T 2260 code" }],
    );
  }
}

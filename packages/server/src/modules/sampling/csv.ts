import { parse } from "csv-parse/sync";
import { AppError } from "../../http/errors.js";

/** Column headers accepted in a CSV upload, English or Chinese, mapped to the JSON field names. */
const HEADERS: Record<string, string> = {
  reportNumber: "reportNumber",
  报告编号: "reportNumber",
  storeId: "storeId",
  门店ID: "storeId",
  sampledOn: "sampledOn",
  抽样日期: "sampledOn",
  product: "product",
  样品名称: "product",
  item: "item",
  检验项目: "item",
  result: "result",
  结论: "result",
};

const RESULTS: Record<string, string> = { 合格: "pass", 不合格: "fail" };

function refuse(message: { "zh-CN": string; en: string }): never {
  throw new AppError("validation_failed", message);
}

/**
 * Turns a CSV upload into the rows of the JSON import; the route's schema then checks each row. Judged by the
 * content: text without NUL bytes, a header naming the columns.
 */
export function parseSamplingCsv(text: string): Record<string, string>[] {
  if (text.includes("\u0000")) refuse({ "zh-CN": "文件不是 CSV 文本", en: "The upload is not CSV text" });
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { skip_empty_lines: true, trim: true });
  } catch {
    refuse({ "zh-CN": "CSV 格式错误", en: "The CSV cannot be parsed" });
  }
  const [header, ...body] = records;
  const fields = (header ?? []).map((name) => HEADERS[name]);
  if (fields.length === 0 || fields.some((field) => field === undefined)) {
    refuse({
      "zh-CN": `表头须为 ${Object.keys(HEADERS).join("、")} 之一`,
      en: `Every header must be one of ${Object.keys(HEADERS).join(", ")}`,
    });
  }
  return body.map((cells) => {
    const row: Record<string, string> = {};
    fields.forEach((field, index) => {
      const value = cells[index] ?? "";
      if (value !== "") row[field!] = field === "result" ? (RESULTS[value] ?? value) : value;
    });
    return row;
  });
}

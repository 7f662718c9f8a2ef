import { describe, expect, it } from "vitest";
import {
  COMMITMENT_TEMPLATES,
  XIANGSHAN_2023,
  canonicalLetterText,
  findCommitmentTemplate,
} from "./templates.js";

describe("commitment letter templates", () => {
  it("seed 004 Xiangshan: the letter holds the ten points the braised-meat businesses sign", () => {
    expect(XIANGSHAN_2023.items.map((entry) => entry.text.zh)).toEqual([
      "严格遵守法律法规规章",
      "严格遵守职业道德和行业规范",
      "严格履行合同协议等约定的义务",
      "依法开展生产经营活动",
      "提供合格产品服务",
      "提供的信息资料真实准确合法有效",
      "自身能够满足食品安全生产销售条件标准和技术要求",
      "同意接受行政社会各方监督",
      "自愿承担不实承诺违反承诺的相关处罚及失信惩戒",
      "同意将信用承诺信息纳入主体信用记录进行公示",
    ]);
    expect(XIANGSHAN_2023.version).toBeTruthy();
  });

  it("every template has unique item codes and an English text for each item", () => {
    for (const template of Object.values(COMMITMENT_TEMPLATES)) {
      const codes = template.items.map((entry) => entry.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(template.items.every((entry) => entry.text.en.length > 0)).toBe(true);
    }
  });

  it("finds templates by code only (no prototype keys)", () => {
    expect(findCommitmentTemplate("xiangshan-2023")).toBe(XIANGSHAN_2023);
    expect(findCommitmentTemplate("toString")).toBeUndefined();
  });

  it("the canonical text changes with any signed field and lists the items in order", () => {
    const letter = {
      storeId: "s1",
      template: XIANGSHAN_2023.code,
      templateVersion: XIANGSHAN_2023.version,
      items: XIANGSHAN_2023.items,
      signerName: "王小明",
      signedAt: "2026-11-26T02:00:00.000Z",
    };
    const text = canonicalLetterText(letter);
    expect(text.split("\n")).toHaveLength(4 + XIANGSHAN_2023.items.length);
    expect(text).toContain("1.obey_laws:严格遵守法律法规规章");
    expect(canonicalLetterText({ ...letter, signerName: "王小亮" })).not.toBe(text);
  });
});

import { describe, expect, it } from "vitest";
import { INSPECTION_TEMPLATES } from "../inspections/templates.js";
import {
  ALERT_RULE_CODES,
  DEFAULT_ALERT_RULES,
  RED_ALERT_DUE_HOURS,
  findAlertRule,
  isAlertRuleCode,
  withParameters,
} from "./alert-rules.js";

describe("alert rules (seed 004 Xiangshan 红色预警)", () => {
  it("seed 004 Xiangshan: the five 违诺 events are red alerts closed within 24 hours", () => {
    const red = DEFAULT_ALERT_RULES.filter(
      (rule) => rule.severity === "red" && !rule.code.startsWith("kitchen_"),
    ).map((rule) => rule.code);
    expect(red).toEqual([
      "health_certificate_expired", // 从业人员健康证明过期
      "expired_food_reported", // 原料过期、库存产品过期
      "expired_raw_material", // 原料过期 (batch records, step 9)
      "additive_misuse", // 超范围使用食品添加剂
      "sampling_failed", // 产品抽检不合格
    ]);
    for (const code of red) expect(findAlertRule(code)!.basis).toContain("seed 004");
    expect(RED_ALERT_DUE_HOURS).toBe(24);
  });

  it("issue 7 early warnings are yellow: certificate within 30 days, renewal window 90 days, ≥ 3 upheld complaints in 7 days", () => {
    expect(findAlertRule("health_certificate_expiring")).toMatchObject({
      severity: "yellow",
      parameters: { days: 30 },
    });
    expect(findAlertRule("licence_renewal_due")).toMatchObject({
      severity: "yellow",
      parameters: { days: 90 },
    });
    expect(findAlertRule("complaint_surge")).toMatchObject({
      severity: "yellow",
      parameters: { count: 3, days: 7 },
    });
    expect(findAlertRule("rectification_overdue")!.severity).toBe("yellow");
  });

  it("the item-based rules name checklist items that exist on the routine template", () => {
    const items = INSPECTION_TEMPLATES.routine.items.map((item) => item.code);
    for (const rule of DEFAULT_ALERT_RULES) {
      if ("itemCode" in rule.parameters) expect(items).toContain(rule.parameters.itemCode);
    }
    expect(findAlertRule("expired_food_reported")!.parameters).toMatchObject({ itemCode: "no_expired_food" });
    expect(findAlertRule("additive_misuse")!.parameters).toMatchObject({ itemCode: "additives_managed" });
  });

  it("codes are unique, labelled in both languages", () => {
    expect(new Set(ALERT_RULE_CODES).size).toBe(DEFAULT_ALERT_RULES.length);
    for (const rule of DEFAULT_ALERT_RULES) {
      expect(rule.label.zh).not.toBe("");
      expect(rule.label.en).not.toBe("");
      expect(isAlertRuleCode(rule.code)).toBe(true);
    }
    expect(isAlertRuleCode("nope")).toBe(false);
  });

  it("parameters are configurable data; unknown rules, parameters and bad values are refused", () => {
    const changed = withParameters(DEFAULT_ALERT_RULES, {
      licence_renewal_due: { days: 60 },
      complaint_surge: { count: 5 },
    });
    expect(findAlertRule("licence_renewal_due", changed)!.parameters).toEqual({ days: 60 });
    expect(findAlertRule("complaint_surge", changed)!.parameters).toEqual({ count: 5, days: 7 });
    expect(findAlertRule("licence_renewal_due")!.parameters).toEqual({ days: 90 });
    expect(() => withParameters(DEFAULT_ALERT_RULES, { complaint_surge: { weeks: 1 } })).toThrow(/weeks/);
    expect(() => withParameters(DEFAULT_ALERT_RULES, { complaint_surge: { count: 0 } })).toThrow(/positive/);
    expect(() => withParameters(DEFAULT_ALERT_RULES, { ["x" as "complaint_surge"]: { count: 1 } })).toThrow(
      /unknown/,
    );
  });
});

// — step 10: smart-kitchen events (seed 004 镇海 智慧监管, 明厨亮灶 AI 抓拍) —
describe("smart-kitchen alert rules (seed 004 Zhenhai 智慧监管)", () => {
  it("seed 004 Zhenhai: any rodent event is a red alert (24-hour loop); hygiene ≥ 3 a day and temperature ≥ 2 a day are yellow", () => {
    expect(findAlertRule("kitchen_rodent")).toMatchObject({
      severity: "red",
      parameters: { types: ["rodent"] },
    });
    expect(findAlertRule("kitchen_hygiene_events")).toMatchObject({
      severity: "yellow",
      parameters: { types: ["no_hat", "no_mask", "no_uniform", "smoking", "phone_use"], count: 3 },
    });
    expect(findAlertRule("kitchen_temperature")).toMatchObject({
      severity: "yellow",
      parameters: { types: ["temperature_out_of_range"], count: 2 },
    });
    for (const code of ["kitchen_rodent", "kitchen_hygiene_events", "kitchen_temperature"]) {
      expect(findAlertRule(code)!.basis).toMatch(/seed 004 镇海/);
    }
  });

  it("their counts are parameters: a changed copy leaves the default untouched; the event types cannot be set to a number", () => {
    const changed = withParameters(DEFAULT_ALERT_RULES, { kitchen_hygiene_events: { count: 5 } });
    expect(findAlertRule("kitchen_hygiene_events", changed)!.parameters).toMatchObject({ count: 5 });
    expect(findAlertRule("kitchen_hygiene_events")!.parameters).toMatchObject({ count: 3 });
    expect(() => withParameters(DEFAULT_ALERT_RULES, { kitchen_rodent: { types: 1 } })).toThrow(/type/);
  });
});

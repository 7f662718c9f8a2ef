// Alerts (预警) as data. Seed 004, 宁波市象山县: "建立红色预警机制，对原料过期、库存产品过期、从业人员健康证明过期、
// 超范围使用食品添加剂、产品抽检不合格等违诺行为自动预警推送 … 市场监管部门会在24小时内对违诺情况进行闭环处置。"
// The red rules are those five events; the yellow ones (expiring certificate, renewal window, complaint surge,
// overdue rectification) are the platform's early warnings of issue 7. The job in
// packages/server/src/modules/alerts/evaluate.ts runs each rule as one SQL statement with these parameters.

import type { Bilingual } from "../licensing/taxonomy.js";
import { RENEWAL_WINDOW_DAYS } from "../licensing/clocks.js";

export type AlertSeverity = "red" | "yellow";

/** Hours an officer has to close a red alert (seed 004: 24小时内闭环处置). */
export const RED_ALERT_DUE_HOURS = 24;

interface RuleBase<C extends string, P> {
  code: C;
  severity: AlertSeverity;
  label: Bilingual;
  /** Where the rule comes from: the seed's words or the law it rests on. */
  basis: string;
  parameters: P;
}

/** 从业人员健康证明过期 (seed 004, red). */
export type HealthCertificateExpiredRule = RuleBase<"health_certificate_expired", Record<string, never>>;
/** A health certificate expiring within `days` (yellow). */
export type HealthCertificateExpiringRule = RuleBase<"health_certificate_expiring", { days: number }>;
/** A valid licence within `days` of its last valid day, i.e. in its renewal window (yellow). */
export type LicenceRenewalRule = RuleBase<"licence_renewal_due", { days: number }>;
/** A checklist item failed on an officer's inspection or the business's own self-check within `withinDays`. */
export type FailedItemRule<C extends string> = RuleBase<C, { itemCode: string; withinDays: number }>;
/** 产品抽检不合格 (seed 004, red): a failed sampling result sampled within `withinDays`. */
export type SamplingFailedRule = RuleBase<"sampling_failed", { withinDays: number }>;
/** 原料过期 (seed 004, red): a raw material of a batch produced within `withinDays` had expired by production. */
export type ExpiredRawMaterialRule = RuleBase<"expired_raw_material", { withinDays: number }>;
/** At least `count` upheld complaints received within `days` (yellow). */
export type ComplaintSurgeRule = RuleBase<"complaint_surge", { count: number; days: number }>;
/** A rectification order past its deadline and still not replied to (yellow). */
export type RectificationOverdueRule = RuleBase<"rectification_overdue", Record<string, never>>;

// — step 10: smart-kitchen events (智慧监管, 明厨亮灶 AI 抓拍) —
/** Smart-kitchen event types a device reports (the server's kitchen_events.type). */
export type KitchenEventType =
  | "no_hat"
  | "no_mask"
  | "no_uniform"
  | "smoking"
  | "phone_use"
  | "rodent"
  | "temperature_out_of_range"
  | "other";
/**
 * At least `count` events of `types` at one store on one China calendar day, within the last `withinDays` days
 * (one alert per store and day).
 */
export type KitchenEventsPerDayRule<C extends string> = RuleBase<
  C,
  { types: readonly KitchenEventType[]; count: number; withinDays: number }
>;
/** Any event of `types` within `withinDays` days (one alert per event). */
export type KitchenEventRule<C extends string> = RuleBase<
  C,
  { types: readonly KitchenEventType[]; withinDays: number }
>;

export type AlertRule =
  | HealthCertificateExpiredRule
  | HealthCertificateExpiringRule
  | LicenceRenewalRule
  | FailedItemRule<"expired_food_reported">
  | FailedItemRule<"additive_misuse">
  | ExpiredRawMaterialRule
  | SamplingFailedRule
  | ComplaintSurgeRule
  | RectificationOverdueRule
  | KitchenEventsPerDayRule<"kitchen_hygiene_events">
  | KitchenEventRule<"kitchen_rodent">
  | KitchenEventsPerDayRule<"kitchen_temperature">;

export type AlertRuleCode = AlertRule["code"];

/** The default rule set. Parameters are data: pass a changed copy (withParameters) to the job. */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = [
  {
    code: "health_certificate_expired",
    severity: "red",
    label: { zh: "从业人员健康证明过期", en: "Staff health certificate expired" },
    basis: "seed 004 象山县红色预警：从业人员健康证明过期；《食品安全法》第四十五条",
    parameters: {},
  },
  {
    code: "health_certificate_expiring",
    severity: "yellow",
    label: { zh: "从业人员健康证明即将到期", en: "Staff health certificate expiring soon" },
    basis: "《食品安全法》第四十五条（从业人员取得健康证明后方可上岗）；提前提醒为平台设定",
    parameters: { days: 30 },
  },
  {
    code: "licence_renewal_due",
    severity: "yellow",
    label: { zh: "许可证进入延续期", en: "Licence due for renewal" },
    basis: "《食品经营许可和备案管理办法》延续申请；延续期默认 90 天为平台设定（docs/licensing.md）",
    parameters: { days: RENEWAL_WINDOW_DAYS },
  },
  {
    code: "expired_food_reported",
    severity: "red",
    label: { zh: "原料或库存产品过期", en: "Expired ingredients or stock found" },
    basis: "seed 004 象山县红色预警：原料过期、库存产品过期；《食品安全法》第三十四条",
    parameters: { itemCode: "no_expired_food", withinDays: 30 },
  },
  {
    code: "expired_raw_material",
    severity: "red",
    label: { zh: "生产批次使用过期原料", en: "Expired raw material used in a batch" },
    basis: "seed 004 象山县红色预警：原料过期（生产批次原料登记，step 9）；《食品安全法》第三十四条",
    parameters: { withinDays: 30 },
  },
  {
    code: "additive_misuse",
    severity: "red",
    label: { zh: "超范围使用食品添加剂", en: "Food additives misused" },
    basis: "seed 004 象山县红色预警：超范围使用食品添加剂；《食品安全法》第四十条",
    parameters: { itemCode: "additives_managed", withinDays: 30 },
  },
  {
    code: "sampling_failed",
    severity: "red",
    label: { zh: "产品抽检不合格", en: "Product failed sampling" },
    basis: "seed 004 象山县红色预警：产品抽检不合格；《食品安全法》第八十七条",
    parameters: { withinDays: 90 },
  },
  {
    code: "complaint_surge",
    severity: "yellow",
    label: { zh: "投诉集中（查实投诉激增）", en: "Surge of upheld complaints" },
    basis: "issue 7：7 日内查实投诉 ≥ 3 件",
    parameters: { count: 3, days: 7 },
  },
  {
    code: "rectification_overdue",
    severity: "yellow",
    label: { zh: "整改逾期", en: "Rectification overdue" },
    basis: "整改闭环（step 4）：逾期未回复的整改单",
    parameters: {},
  },
  // — step 10: smart-kitchen events —
  {
    code: "kitchen_hygiene_events",
    severity: "yellow",
    label: { zh: "后厨行为不规范（AI 抓拍）", en: "Kitchen hygiene events (AI capture)" },
    basis:
      "seed 004 镇海 智慧监管：明厨亮灶 AI 抓拍未戴帽、未戴口罩、未穿工作服、吸烟、玩手机，闭环处置；" +
      "同一中国日历日 ≥ 3 次为平台设定（docs/smart-kitchen.md）",
    parameters: {
      types: ["no_hat", "no_mask", "no_uniform", "smoking", "phone_use"],
      count: 3,
      withinDays: 7,
    },
  },
  {
    code: "kitchen_rodent",
    severity: "red",
    label: { zh: "后厨发现老鼠（AI 抓拍）", en: "Rodent in the kitchen (AI capture)" },
    basis:
      "seed 004 镇海 智慧监管：明厨亮灶 AI 抓拍鼠患，24 小时闭环处置；《食品安全法》第三十三条（防鼠设施）",
    parameters: { types: ["rodent"], withinDays: 7 },
  },
  {
    code: "kitchen_temperature",
    severity: "yellow",
    label: { zh: "冷藏温度异常（物联网传感）", en: "Storage temperature out of range (IoT)" },
    basis:
      "seed 004 镇海 智慧监管：物联感知设备接入；同一中国日历日温度异常 ≥ 2 次为平台设定（docs/smart-kitchen.md）",
    parameters: { types: ["temperature_out_of_range"], count: 2, withinDays: 7 },
  },
];

export const ALERT_RULE_CODES: readonly AlertRuleCode[] = DEFAULT_ALERT_RULES.map((rule) => rule.code);

export function isAlertRuleCode(code: string): code is AlertRuleCode {
  return (ALERT_RULE_CODES as readonly string[]).includes(code);
}

/** The rule of a code in a rule set (the default set unless given). */
export function findAlertRule(
  code: string,
  rules: readonly AlertRule[] = DEFAULT_ALERT_RULES,
): AlertRule | undefined {
  return rules.find((rule) => rule.code === code);
}

/**
 * A copy of the rule set with some parameters changed, e.g. `{ licence_renewal_due: { days: 60 } }`. Unknown
 * rules or parameters, and values that are not positive integers, are refused.
 */
export function withParameters(
  rules: readonly AlertRule[],
  changes: Partial<Record<AlertRuleCode, Record<string, number | string>>>,
): AlertRule[] {
  for (const code of Object.keys(changes)) {
    if (!rules.some((rule) => rule.code === code)) throw new RangeError(`unknown alert rule ${code}`);
  }
  return rules.map((rule) => {
    const change = changes[rule.code];
    if (!change) return rule;
    const parameters: Record<string, unknown> = { ...rule.parameters };
    for (const [name, value] of Object.entries(change)) {
      const current = parameters[name];
      if (current === undefined) throw new RangeError(`alert rule ${rule.code} has no parameter ${name}`);
      if (typeof current === "number" && !(Number.isInteger(value) && (value as number) > 0)) {
        throw new RangeError(`${rule.code}.${name} must be a positive integer`);
      }
      if (typeof current !== typeof value) throw new RangeError(`${rule.code}.${name} has the wrong type`);
      parameters[name] = value;
    }
    return { ...rule, parameters } as AlertRule;
  });
}

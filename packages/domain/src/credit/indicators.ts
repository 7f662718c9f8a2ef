// Indicators (评价指标): how the facts the platform records about a store (facts.ts) become the dimension scores
// of a model. Each indicator is a 0..100 score with a bilingual label and the advice shown when it scores below
// 100; a model's indicator set places indicators in groups (维度) with weights. Zhenhai's set follows the seed's
// 3 levels and 11 groups (“3个层面11大维度40余项评价指标”); the seed lists the groups, the indicators inside them
// and all weights are our reading (docs/credit-models.md).

import type { Bilingual } from "../licensing/taxonomy.js";
import type { StoreFacts } from "./facts.js";
import type { CreditModelId } from "./model.js";
import { XIANGSHAN_YEARLY_POINTS } from "./xiangshan-points.js";

export interface IndicatorDefinition {
  label: Bilingual;
  /** What the store can do when the indicator scores below 100. */
  advice: Bilingual;
  /** The facts the score reads (for the docs and the console). */
  source: readonly (keyof StoreFacts)[];
  /** null when the platform does not record the fact yet: the indicator then does not count. */
  score: (facts: StoreFacts) => number | null;
}

export interface IndicatorGroup {
  code: string;
  /** The model dimension the group scores. */
  dimension: string;
  label: Bilingual;
  /** Share of the dimension, 0..1; a dimension's groups sum to 1. */
  weight: number;
}

export interface IndicatorEntry {
  code: IndicatorCode;
  group: string;
  /** Share of the group, 0..1; a group's indicators sum to 1. */
  weight: number;
}

/** Xiangshan's deductions (扣分): points taken from the yearly allowance per counted event (assumptions). */
export interface PointsDeduction {
  code: string;
  label: Bilingual;
  advice: Bilingual;
  source: readonly (keyof StoreFacts)[];
  count: (facts: StoreFacts) => number;
  points: number;
}

export type IndicatorSet =
  | {
      model: CreditModelId;
      kind: "weighted";
      groups: readonly IndicatorGroup[];
      entries: readonly IndicatorEntry[];
    }
  | {
      model: CreditModelId;
      kind: "points";
      /** Points at the start of the year; the dimension score is the share left, × 100. */
      allowance: number;
      group: IndicatorGroup;
      deductions: readonly PointsDeduction[];
    };

/** Score given to an imported public-credit sub-score that the provincial component did not supply. */
export const NEUTRAL_PUBLIC_CREDIT = 80;

/** Score of the ratings indicator for a store nobody rated yet. */
export const NEUTRAL_RATING = 80;

// — scoring helpers: each returns 0..100 —

/** Share of `part` in `whole` × 100; 100 when there is nothing to count. */
const share = (part: number, whole: number) => (whole > 0 ? (100 * Math.max(0, part)) / whole : 100);
/** 100 minus `per` points per counted event, not below 0. */
const minus = (count: number, per: number) => Math.max(0, 100 - per * Math.max(0, count));
/** 100 when reaching `target`, proportionally less below it. */
const upTo = (count: number, target: number) => Math.min(100, (100 * Math.max(0, count)) / target);
const yes = (flag: boolean) => (flag ? 100 : 0);
const imported = (value: number | null) => value ?? NEUTRAL_PUBLIC_CREDIT;

const text = (zh: string, en: string): Bilingual => ({ zh, en });

function licenceTerm(daysLeft: number | null): number {
  if (daysLeft === null || daysLeft < 0) return 0;
  if (daysLeft < 30) return 50;
  if (daysLeft < 90) return 80;
  return 100;
}

export const INDICATORS = {
  // — public credit (公共信用), imported from the provincial component, combined with platform facts —
  pc_basics: {
    label: text("公共信用·基本情况（省级组件）", "Public credit: basics (provincial component)"),
    advice: text(
      "核实并更新在省级公共信用平台登记的基本信息",
      "Check and update your basic data on the provincial credit platform",
    ),
    source: ["publicCredit"],
    score: (f) => imported(f.publicCredit.basics),
  },
  licence_valid: {
    label: text("持有有效食品经营许可证", "Holds a valid food licence"),
    advice: text("取得或恢复有效的许可证后方可经营", "Obtain or restore a valid licence before trading"),
    source: ["licenceValid"],
    score: (f) => yes(f.licenceValid),
  },
  licence_term: {
    label: text("许可证有效期充足", "Licence not close to expiry"),
    advice: text(
      "在许可证到期前至少90日申请延续",
      "Apply for renewal at least 90 days before the licence expires",
    ),
    source: ["licenceDaysLeft"],
    score: (f) => licenceTerm(f.licenceDaysLeft),
  },
  registration_active: {
    label: text("营业执照存续", "Business registration active"),
    advice: text(
      "办理营业执照年报或恢复存续状态",
      "File the annual report or restore the business registration",
    ),
    source: ["registrationActive"],
    score: (f) => yes(f.registrationActive),
  },
  years_registered: {
    label: text("持续经营年限", "Years in business"),
    advice: text("持续守法经营，经营年限满5年得满分", "Keep trading lawfully; five years give full marks"),
    source: ["yearsRegistered"],
    score: (f) => upTo(f.yearsRegistered, 5),
  },
  pc_finance: {
    label: text("公共信用·金融财税（省级组件）", "Public credit: finance and tax (provincial component)"),
    advice: text(
      "按时纳税、按时还贷，避免欠税欠费记录",
      "Pay taxes and loans on time; avoid arrears records",
    ),
    source: ["publicCredit"],
    score: (f) => imported(f.publicCredit.finance),
  },
  penalties_repaired: {
    label: text("行政处罚已完成信用修复", "Penalties repaired (信用修复)"),
    advice: text("履行处罚决定后申请信用修复", "Apply for credit repair once the penalty is fulfilled"),
    source: ["penalties", "penaltiesRepaired"],
    score: (f) => Math.min(100, share(f.penaltiesRepaired, f.penalties)),
  },
  pc_governance: {
    label: text("公共信用·管治能力（省级组件）", "Public credit: governance (provincial component)"),
    advice: text(
      "完善企业内部管理制度和食品安全管理人员配备",
      "Improve internal rules and appoint a food-safety manager",
    ),
    source: ["publicCredit"],
    score: (f) => imported(f.publicCredit.governance),
  },
  health_certificates: {
    label: text("从业人员健康证明有效", "Staff health certificates valid"),
    advice: text("为健康证明过期的从业人员及时复检", "Renew the expired health certificates of your staff"),
    source: ["staffCount", "healthCertificatesExpired"],
    score: (f) => share(f.staffCount - f.healthCertificatesExpired, f.staffCount),
  },
  pc_law_abiding: {
    label: text("公共信用·遵纪守法（省级组件）", "Public credit: law-abiding (provincial component)"),
    advice: text("杜绝违法违规行为，已有记录及时整改", "Avoid violations and correct recorded ones"),
    source: ["publicCredit"],
    score: (f) => imported(f.publicCredit.lawAbiding),
  },
  no_unrepaired_penalties: {
    label: text("无未修复的行政处罚", "No unrepaired administrative penalties"),
    advice: text(
      "依法履行处罚决定并申请信用修复",
      "Fulfil the penalty decisions and apply for credit repair",
    ),
    source: ["penalties", "penaltiesRepaired"],
    score: (f) => minus(f.penalties - f.penaltiesRepaired, 25),
  },
  no_serious_penalties: {
    label: text("无较重行政处罚", "No serious administrative penalties"),
    advice: text("重点防范导致较重处罚的违法行为", "Prevent the violations that lead to serious penalties"),
    source: ["seriousPenalties"],
    score: (f) => minus(f.seriousPenalties, 50),
  },
  not_seriously_dishonest: {
    label: text("未列入严重违法失信名单", "Not on the serious-dishonesty list"),
    advice: text(
      "完成失信行为整改后申请移出名单",
      "Correct the dishonest conduct and apply for removal from the list",
    ),
    source: ["onSeriousDishonestyList"],
    score: (f) => yes(!f.onSeriousDishonestyList),
  },
  not_black_listed: {
    label: text("未列入黑名单", "Not on the black list"),
    advice: text("整改到位后申请移出黑名单", "Correct the issues and apply for removal from the black list"),
    source: ["onBlackList"],
    score: (f) => yes(!f.onBlackList),
  },
  pc_social_responsibility: {
    label: text(
      "公共信用·社会责任（省级组件）",
      "Public credit: social responsibility (provincial component)",
    ),
    advice: text(
      "参与公益活动，依法保障从业人员权益",
      "Take part in public-interest work and respect staff rights",
    ),
    source: ["publicCredit"],
    score: (f) => imported(f.publicCredit.socialResponsibility),
  },
  commitment_signed: {
    label: text("签署并公示食品安全承诺书", "Food-safety commitment letter signed and published"),
    advice: text("签署并公示食品安全承诺书", "Sign and publish a food-safety commitment letter"),
    source: ["commitmentSigned"],
    score: (f) => yes(f.commitmentSigned),
  },
  commitments_kept: {
    label: text("履行承诺，无违诺", "Commitments kept"),
    advice: text("逐项落实承诺书内容，避免违诺", "Carry out every point of your commitment letter"),
    source: ["commitmentsBroken"],
    score: (f) => minus(f.commitmentsBroken, 25),
  },
  no_food_safety_accident: {
    label: text("未发生食品安全事故", "No food-safety accident"),
    advice: text(
      "严格落实食品安全主体责任，防范事故",
      "Enforce your food-safety duties to prevent accidents",
    ),
    source: ["foodSafetyAccident"],
    score: (f) => yes(!f.foodSafetyAccident),
  },

  // — industry supervision (行业监管) —
  no_failed_key_items: {
    label: text("检查重点项全部合格", "No failed key inspection items"),
    advice: text(
      "重点整改过期食品、添加剂使用、健康证明等重点项",
      "Fix key items first: expired food, additives, health certificates",
    ),
    source: ["failedKeyItems"],
    score: (f) => minus(f.failedKeyItems, 25),
  },
  few_failed_items: {
    label: text("检查不合格项少", "Few failed inspection items"),
    advice: text(
      "对照检查表逐项自查，减少不合格项",
      "Self-check against the checklist to reduce failed items",
    ),
    source: ["failedItems"],
    score: (f) => minus(f.failedItems, 5),
  },
  no_red_alerts: {
    label: text("无红色预警", "No red alerts"),
    advice: text(
      "及时处理过期原料、健康证等红色预警事项",
      "Deal with expired materials, certificates and other red-alert causes",
    ),
    source: ["redAlerts"],
    score: (f) => minus(f.redAlerts, 50),
  },
  no_yellow_alerts: {
    label: text("无黄色预警", "No yellow alerts"),
    advice: text("关注黄色预警，提前消除隐患", "Act on yellow alerts before they become red"),
    source: ["yellowAlerts"],
    score: (f) => minus(f.yellowAlerts, 10),
  },
  kitchen_cameras: {
    label: text("明厨亮灶视频接入", "Open-kitchen cameras connected (明厨亮灶)"),
    advice: text(
      "安装明厨亮灶摄像头并接入平台",
      "Install open-kitchen cameras and connect them to the platform",
    ),
    source: ["kitchenCameras"],
    score: (f) => (f.kitchenCameras === null ? null : yes(f.kitchenCameras > 0)),
  },
  few_kitchen_events: {
    label: text("智慧厨房抓拍事件少", "Few smart-kitchen events"),
    advice: text("规范佩戴帽子口罩，做好防鼠防虫", "Wear hats and masks; keep rodents and insects out"),
    source: ["kitchenEvents"],
    score: (f) => (f.kitchenEvents === null ? null : minus(f.kitchenEvents, 5)),
  },
  // — step 10: smart-kitchen events answered (智慧监管 闭环) —
  kitchen_events_responded: {
    label: text("智慧厨房事件及时回应", "Smart-kitchen events answered"),
    advice: text(
      "在经营者门户逐条回应抓拍事件并整改；发现鼠患立即消杀",
      "Answer every captured event in the portal and correct it; deal with rodents at once",
    ),
    source: ["kitchenEvents", "kitchenEventsResponded", "kitchenRodentEvents"],
    score: (f) =>
      f.kitchenEvents === null || f.kitchenEventsResponded === null
        ? null
        : Math.max(0, share(f.kitchenEventsResponded, f.kitchenEvents) - 25 * (f.kitchenRodentEvents ?? 0)),
  },
  alerts_closed_on_time: {
    label: text("预警24小时内闭环", "Alerts closed within 24 hours"),
    advice: text("收到红色预警后24小时内完成整改", "Close every red alert within 24 hours"),
    source: ["alertsClosedLate"],
    score: (f) => minus(f.alertsClosedLate, 25),
  },
  self_checks_filed: {
    label: text("按时提交自查报告（每月4次）", "Self-checks filed (4 a month)"),
    advice: text("每周至少提交一次食品安全自查", "File a food-safety self-check at least once a week"),
    source: ["selfChecksFiled"],
    score: (f) => upTo(f.selfChecksFiled, 4),
  },
  self_check_items: {
    label: text("自查问题少", "Few self-check findings"),
    advice: text("针对自查发现的问题落实整改", "Correct what your self-checks find"),
    source: ["selfCheckFailedItems"],
    score: (f) => minus(f.selfCheckFailedItems, 10),
  },
  rectifications_on_time: {
    label: text("整改按期完成", "Rectifications closed on time"),
    advice: text(
      "在整改期限内完成整改并上传材料",
      "Finish rectifications before their deadline and upload evidence",
    ),
    source: ["rectificationsOpened", "rectificationsClosedOnTime"],
    score: (f) => Math.min(100, share(f.rectificationsClosedOnTime, f.rectificationsOpened)),
  },
  no_rectifications_reopened: {
    label: text("整改一次到位", "Rectifications not reopened"),
    advice: text("整改彻底，避免被退回重新整改", "Rectify thoroughly so the officer need not reopen it"),
    source: ["rectificationsReopened"],
    score: (f) => minus(f.rectificationsReopened, 25),
  },
  no_overdue_rectifications: {
    label: text("无逾期整改", "No overdue rectifications"),
    advice: text("逾期整改会扣分，请尽快完成", "Finish overdue rectifications at once"),
    source: ["rectificationsOverdue"],
    score: (f) => minus(f.rectificationsOverdue, 25),
  },
  no_upheld_complaints: {
    label: text("无查实的投诉", "No upheld complaints"),
    advice: text("重视消费者投诉，从源头改进", "Take complaints seriously and fix their cause"),
    source: ["complaintsUpheld"],
    score: (f) => minus(f.complaintsUpheld, 20),
  },
  few_complaints: {
    label: text("投诉少", "Few complaints"),
    advice: text("改进服务，减少消费者投诉", "Improve service to reduce complaints"),
    source: ["complaints"],
    score: (f) => minus(f.complaints, 5),
  },
  ratings: {
    label: text("消费者评价", "Consumer ratings"),
    advice: text("提升菜品与服务质量，争取好评", "Improve food and service to earn better ratings"),
    source: ["ratingsMean"],
    score: (f) => (f.ratingsMean === null ? NEUTRAL_RATING : (100 * (f.ratingsMean - 1)) / 4),
  },
  sampling_passed: {
    label: text("抽检合格", "Sampling passed"),
    advice: text(
      "加强进货查验和过程控制，确保抽检合格",
      "Check suppliers and control processes so samples pass",
    ),
    source: ["samplingsDone", "samplingsFailed"],
    score: (f) => share(f.samplingsDone - f.samplingsFailed, f.samplingsDone),
  },
  red_list: {
    label: text("列入红名单（诚信示范）", "On the red list (honesty model)"),
    advice: text("保持良好记录，争创诚信示范店", "Keep a clean record to qualify for the red list"),
    source: ["onRedList"],
    score: (f) => (f.onRedList ? 100 : 60),
  },
  many_ratings: {
    label: text("评价数量（20条满分）", "Number of ratings (20 for full marks)"),
    advice: text("邀请顾客扫码评价", "Invite customers to rate you by scanning the code"),
    source: ["ratingsCount"],
    score: (f) => upTo(f.ratingsCount, 20),
  },
  clean_record: {
    label: text(
      "本期无处罚、无查实投诉、无重点项不合格",
      "Clean period: no penalty, upheld complaint or failed key item",
    ),
    advice: text("保持零处罚、零投诉、零重点问题", "Keep zero penalties, upheld complaints and key failures"),
    source: ["penalties", "complaintsUpheld", "failedKeyItems"],
    score: (f) => (f.penalties + f.complaintsUpheld + f.failedKeyItems === 0 ? 100 : 50),
  },

  // — social governance (社会治理): online patrols and offline spot checks —
  offline_results: {
    label: text("线下抽查结果", "Offline spot-check results"),
    advice: text(
      "对照检查表做好日常管理，争取检查一次通过",
      "Keep to the checklist so inspections pass at once",
    ),
    source: ["inspectionsDone", "inspectionsPassed", "inspectionsRectify"],
    score: (f) => Math.min(100, share(f.inspectionsPassed + f.inspectionsRectify / 2, f.inspectionsDone)),
  },
  no_failed_inspections: {
    label: text("线下抽查无不通过", "No failed offline inspections"),
    advice: text("立即整改检查不通过的问题", "Fix the causes of failed inspections at once"),
    source: ["inspectionsFailed"],
    score: (f) => minus(f.inspectionsFailed, 50),
  },
  online_patrolled: {
    label: text("接受线上巡查", "Covered by online patrols"),
    advice: text(
      "保持明厨亮灶画面在线，便于线上巡查",
      "Keep your kitchen video online so officers can patrol it",
    ),
    source: ["onlinePatrols"],
    score: (f) => (f.onlinePatrols > 0 ? 100 : 80),
  },
  volunteer_patrolled: {
    label: text("接受社会监督员巡查", "Visited by volunteer supervisors"),
    advice: text("欢迎社会监督员巡查并配合记录", "Welcome volunteer supervisors and help them record"),
    source: ["volunteerPatrols"],
    score: (f) => (f.volunteerPatrols > 0 ? 100 : 90),
  },
} satisfies Record<string, IndicatorDefinition>;

export type IndicatorCode = keyof typeof INDICATORS;

const group = (code: string, dimension: string, weight: number, zh: string, en: string): IndicatorGroup => ({
  code,
  dimension,
  weight,
  label: { zh, en },
});
const entries = (groupCode: string, weights: Partial<Record<IndicatorCode, number>>): IndicatorEntry[] =>
  (Object.entries(weights) as [IndicatorCode, number][]).map(([code, weight]) => ({
    code,
    group: groupCode,
    weight,
  }));

/** 镇海: 3 levels, 11 groups (“11大维度”), 40 indicators. */
export const ZHENHAI_INDICATORS: IndicatorSet = {
  model: "zhenhai-3l4c",
  kind: "weighted",
  groups: [
    group("basics", "public_credit", 0.2, "基本情况", "Basics"),
    group("finance", "public_credit", 0.2, "金融财税", "Finance and tax"),
    group("governance", "public_credit", 0.2, "管治能力", "Governance"),
    group("law_abiding", "public_credit", 0.2, "遵纪守法", "Law-abiding"),
    group("social_responsibility", "public_credit", 0.2, "社会责任", "Social responsibility"),
    group("civilised_safe", "industry_supervision", 0.2, "文明平安创建", "Civilised and safe shop"),
    group("smart_supervision", "industry_supervision", 0.2, "智慧监管上线", "Smart supervision online"),
    group("standards", "industry_supervision", 0.2, "标准体系导入", "Standards adopted"),
    group("consumer_trust", "industry_supervision", 0.2, "放心消费推广", "Trusted consumption"),
    group("brand", "industry_supervision", 0.2, "行业品牌标杆", "Industry benchmark"),
    group("patrols", "social_governance", 1, "线上巡查、线下抽查", "Online patrols and offline spot checks"),
  ],
  entries: [
    ...entries("basics", {
      pc_basics: 0.5,
      licence_valid: 0.2,
      licence_term: 0.1,
      registration_active: 0.1,
      years_registered: 0.1,
    }),
    ...entries("finance", { pc_finance: 0.8, penalties_repaired: 0.2 }),
    ...entries("governance", { pc_governance: 0.6, health_certificates: 0.4 }),
    ...entries("law_abiding", {
      pc_law_abiding: 0.3,
      no_unrepaired_penalties: 0.25,
      no_serious_penalties: 0.15,
      not_seriously_dishonest: 0.15,
      not_black_listed: 0.15,
    }),
    ...entries("social_responsibility", {
      pc_social_responsibility: 0.5,
      commitment_signed: 0.2,
      commitments_kept: 0.15,
      no_food_safety_accident: 0.15,
    }),
    ...entries("civilised_safe", {
      no_failed_key_items: 0.35,
      few_failed_items: 0.25,
      no_red_alerts: 0.25,
      no_yellow_alerts: 0.15,
    }),
    ...entries("smart_supervision", {
      kitchen_cameras: 0.3,
      few_kitchen_events: 0.25,
      kitchen_events_responded: 0.2,
      alerts_closed_on_time: 0.25,
    }),
    ...entries("standards", {
      self_checks_filed: 0.25,
      self_check_items: 0.2,
      rectifications_on_time: 0.25,
      no_rectifications_reopened: 0.15,
      no_overdue_rectifications: 0.15,
    }),
    ...entries("consumer_trust", {
      no_upheld_complaints: 0.3,
      few_complaints: 0.1,
      ratings: 0.3,
      sampling_passed: 0.3,
    }),
    ...entries("brand", { red_list: 0.4, many_ratings: 0.2, clean_record: 0.4 }),
    ...entries("patrols", {
      offline_results: 0.4,
      no_failed_inspections: 0.2,
      online_patrolled: 0.2,
      volunteer_patrolled: 0.2,
    }),
  ],
};

/** 日照: 通用分值 (the business as a whole) and 专业分值 (food-production conduct). */
export const RIZHAO_INDICATORS: IndicatorSet = {
  model: "rizhao-abcd",
  kind: "weighted",
  groups: [
    group("general", "general", 1, "通用指标", "General indicators"),
    group("professional", "professional", 1, "专业指标", "Professional indicators"),
  ],
  entries: [
    ...entries("general", {
      licence_valid: 0.2,
      registration_active: 0.1,
      pc_basics: 0.1,
      pc_finance: 0.1,
      pc_law_abiding: 0.1,
      no_unrepaired_penalties: 0.2,
      not_black_listed: 0.2,
    }),
    ...entries("professional", {
      offline_results: 0.15,
      no_failed_key_items: 0.15,
      sampling_passed: 0.15,
      no_serious_penalties: 0.1,
      no_upheld_complaints: 0.1,
      rectifications_on_time: 0.1,
      self_checks_filed: 0.1,
      health_certificates: 0.05,
      no_red_alerts: 0.05,
      commitments_kept: 0.05,
    }),
  ],
};

/** 象山: points deducted from the yearly allowance for each 违诺 (figures are assumptions). */
export const XIANGSHAN_INDICATORS: IndicatorSet = {
  model: "xiangshan-points",
  kind: "points",
  allowance: XIANGSHAN_YEARLY_POINTS,
  group: group("deductions", "commitment_points", 1, "违诺扣分", "Points deducted for broken commitments"),
  deductions: [
    {
      code: "failed_key_item",
      points: 10,
      count: (f) => f.failedKeyItems,
      source: ["failedKeyItems"],
      label: text("检查重点项不合格（每项扣10分）", "Failed key inspection item (10 points each)"),
      advice: INDICATORS.no_failed_key_items.advice,
    },
    {
      code: "failed_ordinary_item",
      points: 2,
      count: (f) => f.failedItems - f.failedKeyItems,
      source: ["failedItems", "failedKeyItems"],
      label: text("检查一般项不合格（每项扣2分）", "Failed ordinary inspection item (2 points each)"),
      advice: INDICATORS.few_failed_items.advice,
    },
    {
      code: "complaint_upheld",
      points: 5,
      count: (f) => f.complaintsUpheld,
      source: ["complaintsUpheld"],
      label: text("投诉查实（每起扣5分）", "Complaint upheld (5 points each)"),
      advice: INDICATORS.no_upheld_complaints.advice,
    },
    {
      code: "rectification_overdue",
      points: 5,
      count: (f) => f.rectificationsOverdue,
      source: ["rectificationsOverdue"],
      label: text("逾期未整改（每起扣5分）", "Rectification overdue (5 points each)"),
      advice: INDICATORS.no_overdue_rectifications.advice,
    },
    {
      code: "sampling_failed",
      points: 20,
      count: (f) => f.samplingsFailed,
      source: ["samplingsFailed"],
      label: text("产品抽检不合格（每批次扣20分）", "Failed sampling (20 points each)"),
      advice: INDICATORS.sampling_passed.advice,
    },
    {
      code: "penalty",
      points: 20,
      count: (f) => f.penalties,
      source: ["penalties"],
      label: text("受到行政处罚（每次扣20分）", "Administrative penalty (20 points each)"),
      advice: INDICATORS.no_unrepaired_penalties.advice,
    },
    {
      code: "commitment_broken",
      points: 10,
      count: (f) => f.commitmentsBroken,
      source: ["commitmentsBroken"],
      label: text("违反承诺（每次扣10分）", "Broken commitment (10 points each)"),
      advice: INDICATORS.commitments_kept.advice,
    },
    {
      code: "alert_closed_late",
      points: 10,
      count: (f) => f.alertsClosedLate,
      source: ["alertsClosedLate"],
      label: text("预警未在24小时内闭环（每次扣10分）", "Alert not closed within 24 hours (10 points each)"),
      advice: INDICATORS.alerts_closed_on_time.advice,
    },
  ],
};

export const INDICATOR_SETS: Readonly<Record<CreditModelId, IndicatorSet>> = {
  "zhenhai-3l4c": ZHENHAI_INDICATORS,
  "rizhao-abcd": RIZHAO_INDICATORS,
  "xiangshan-points": XIANGSHAN_INDICATORS,
};

/** The indicators of a set as the console lists them (code, group, label). */
export function listIndicators(set: IndicatorSet): { code: string; group: string; label: Bilingual }[] {
  if (set.kind === "points") {
    return set.deductions.map((d) => ({ code: d.code, group: set.group.code, label: d.label }));
  }
  return set.entries.map((e) => ({ code: e.code, group: e.group, label: INDICATORS[e.code].label }));
}

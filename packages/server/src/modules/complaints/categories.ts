import type { Language } from "../../http/language.js";

/** What a citizen complains about (投诉类别); the names are data, shown in both languages. */
export const COMPLAINT_CATEGORIES = {
  hygiene: { "zh-CN": "卫生状况差", en: "Poor hygiene" },
  expired_food: { "zh-CN": "过期食品", en: "Expired food" },
  foreign_object: { "zh-CN": "食品中有异物", en: "Foreign object in food" },
  illness: { "zh-CN": "食用后身体不适", en: "Illness after eating" },
  no_license: { "zh-CN": "无证经营", en: "Operating without a licence" },
  price: { "zh-CN": "价格问题", en: "Pricing" },
  other: { "zh-CN": "其他", en: "Other" },
} as const satisfies Record<string, Record<Language, string>>;

export type ComplaintCategory = keyof typeof COMPLAINT_CATEGORIES;
export const CATEGORY_CODES = Object.keys(COMPLAINT_CATEGORIES) as ComplaintCategory[];

export function isComplaintCategory(value: string): value is ComplaintCategory {
  return Object.hasOwn(COMPLAINT_CATEGORIES, value);
}

export function categoryName(category: string, language: Language): string {
  return isComplaintCategory(category) ? COMPLAINT_CATEGORIES[category][language] : category;
}

export const COMPLAINT_STATUSES = ["received", "acknowledged", "assigned", "closed"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export type ComplaintAction = "acknowledge" | "assign" | "close";

/**
 * The complaint workflow: received → acknowledged → assigned → closed. Dispatching an inspector also
 * acknowledges; a complaint is closed only after it was acknowledged; anything else is an invalid transition.
 */
const TRANSITIONS: Record<ComplaintAction, Partial<Record<ComplaintStatus, ComplaintStatus>>> = {
  acknowledge: { received: "acknowledged" },
  assign: { received: "assigned", acknowledged: "assigned", assigned: "assigned" },
  close: { acknowledged: "closed", assigned: "closed" },
};

export function nextComplaintStatus(
  status: ComplaintStatus,
  action: ComplaintAction,
): ComplaintStatus | null {
  return TRANSITIONS[action][status] ?? null;
}

/** Overdue: not closed and past the close deadline, or still unacknowledged past the acknowledge deadline. */
export function isComplaintOverdue(
  complaint: { status: string; acknowledgeBy: Date; closeBy: Date },
  now: Date,
): boolean {
  if (complaint.status === "closed") return false;
  if (complaint.closeBy.getTime() < now.getTime()) return true;
  return complaint.status === "received" && complaint.acknowledgeBy.getTime() < now.getTime();
}

/** Mainland China mobile numbers (11 digits, 1[3-9]…). */
export const MAINLAND_MOBILE = /^1[3-9][0-9]{9}$/;

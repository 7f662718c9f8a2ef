import type { Language } from "./language.js";

/** Stable error codes; each maps to one HTTP status and one message per language (STYLE.md rule 7). */
const ERRORS = {
  validation_failed: { status: 400, "zh-CN": "请求内容不符合要求", en: "The request is not valid" },
  invalid_json: { status: 400, "zh-CN": "请求体不是有效的 JSON", en: "The request body is not valid JSON" },
  invalid_credentials: { status: 401, "zh-CN": "用户名或密码错误", en: "Wrong username or password" },
  unauthenticated: { status: 401, "zh-CN": "请先登录", en: "Please log in first" },
  csrf_failed: {
    status: 403,
    "zh-CN": "缺少或错误的 CSRF 令牌",
    en: "Missing or wrong CSRF token",
  },
  forbidden: { status: 403, "zh-CN": "无权执行此操作", en: "You are not allowed to do this" },
  not_found: { status: 404, "zh-CN": "未找到", en: "Not found" },
  method_not_allowed: { status: 405, "zh-CN": "不支持该请求方法", en: "Method not allowed" },
  conflict: { status: 409, "zh-CN": "与现有数据冲突", en: "Conflicts with existing data" },
  payload_too_large: { status: 413, "zh-CN": "请求体过大", en: "The request body is too large" },
  unsupported_media_type: {
    status: 415,
    "zh-CN": "不支持的内容类型",
    en: "Unsupported content type",
  },
  unsupported_file_type: {
    status: 415,
    "zh-CN": "文件类型不支持：仅接受 PDF、JPEG、PNG、WebP，且以文件内容判断",
    en: "Unsupported file: only PDF, JPEG, PNG and WebP are accepted, judged by content",
  },
  same_officer: {
    status: 403,
    "zh-CN": "受理、审查、许可须由不同人员办理：您已办理本申请的其他环节",
    en: "Acceptance, review and decision must be done by different officers: you acted on another stage of this application",
  },
  invalid_transition: {
    status: 409,
    "zh-CN": "申请当前状态不允许此操作",
    en: "The application's current status does not allow this action",
  },
  idempotency_key_reused: {
    status: 422,
    "zh-CN": "该 Idempotency-Key 已用于另一个请求",
    en: "This Idempotency-Key was used for a different request",
  },
  rule_violation: {
    status: 422,
    "zh-CN": "不符合许可条件",
    en: "The licensing rules do not allow this",
  },
  weak_password: {
    status: 422,
    "zh-CN": "新密码不符合要求：至少 12 位，且不能是常见密码或与用户名相同",
    en: "The new password must have at least 12 characters and not be a common password or the username",
  },
  account_locked: {
    status: 429,
    "zh-CN": "登录失败次数过多，账户已临时锁定，请稍后再试",
    en: "Too many failed logins: the account is locked for a while",
  },
  rate_limited: {
    status: 429,
    "zh-CN": "请求过于频繁，请稍后再试",
    en: "Too many requests, try again later",
  },
  // — step 5 codes: grading / draws / alerts / repair, one block each —
  repair_not_yet: {
    status: 422,
    "zh-CN": "尚未到可申请信用修复的日期",
    en: "Credit repair cannot be applied for yet",
  },
  repair_exists: {
    status: 409,
    "zh-CN": "该处罚已有待审核或已通过的信用修复申请",
    en: "This penalty already has a pending or approved credit-repair application",
  },
  draw_commitment_missing: {
    status: 409,
    "zh-CN": "本期尚未提交抽取密钥承诺：请先为该区县和月份生成承诺，再制定监管计划",
    en: "No draw commitment for this district and month: commit one before generating the plan",
  },
  too_few_inspectors: {
    status: 422,
    "zh-CN": "可选执法人员不足两名（已排除回避人员和上期检查人员）",
    en: "Fewer than two inspectors are allowed for a drawn store (conflicts and last draw's inspectors excluded)",
  },
  // — step 9 codes: commitments / trace codes, one block each —
  trace_code_not_genuine: {
    status: 401,
    "zh-CN": "溯源码签名无法核验：设备未登记、已停用或签名错误，本批次未保存任何溯源码",
    en: "A trace code does not verify (unknown or revoked device, or a bad signature): nothing of this upload was stored",
  },
  // — step 6 codes: reports / open data, one block each —
  report_period_invalid: {
    status: 400,
    "zh-CN": "报表期间无效：月报填写 YYYY-MM，年报填写 YYYY，且不能晚于当前期间",
    en: "Invalid report period: YYYY-MM for a monthly report, YYYY for an annual one, not in the future",
  },
  open_data_not_built: {
    status: 404,
    "zh-CN": "该地区的开放数据包尚未生成（每晚 02:00 后重建）",
    en: "No open-data feed has been built for this region yet (rebuilt nightly after 02:00)",
  },
  open_data_bad_cursor: {
    status: 400,
    "zh-CN": "cursor 无效：请原样使用上一页返回的 next",
    en: "The cursor is not valid: pass the previous page's next as it is",
  },
  // — step 11 codes: e-licence identifier / badge / statutory fields / misuse / recalls, one block each —
  e_licence_id_invalid: {
    status: 400,
    "zh-CN": "电子证照标识无效：格式或校验位不符合 GB/T 36904",
    en: "The e-licence identifier is not valid: its layout or check character does not match GB/T 36904",
  },
  // — step 11: statutory fields —
  statutory_field_missing: {
    status: 400,
    "zh-CN": "缺少法定字段，不能发证",
    en: "A statutory field of the licence is missing; it cannot be issued",
  },
  internal: { status: 500, "zh-CN": "服务器内部错误", en: "Internal server error" },
  not_ready: { status: 503, "zh-CN": "服务尚未就绪", en: "The service is not ready" },
} as const satisfies Record<string, { status: number } & Record<Language, string>>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  /** JSON pointer into the request part, e.g. "/body/username". */
  pointer: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: Partial<Record<Language, string>>,
    readonly fieldErrors?: FieldError[],
  ) {
    super(code);
  }

  get status(): number {
    return ERRORS[this.code].status;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export function problemType(code: ErrorCode): string {
  return `urn:shian:problem:${code}`;
}

/** RFC 9457 problem details for an error, in the request's language. */
export function toProblem(error: AppError, language: Language, instance: string, requestId: string): Problem {
  const entry = ERRORS[error.code];
  return {
    type: problemType(error.code),
    title: entry[language],
    status: entry.status,
    detail: error.detail?.[language] ?? entry[language],
    instance,
    requestId,
    ...(error.fieldErrors?.length ? { errors: error.fieldErrors } : {}),
  };
}

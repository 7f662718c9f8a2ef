/** Roles of people; API clients are a separate kind of actor with scopes. */
export const ROLES = [
  "admin",
  "acceptor", // 受理
  "reviewer", // 审查
  "approver", // 许可
  "inspector", // 执法人员
  "leader", // 领导 / 分析
  "business_owner",
  "business_staff",
  "volunteer", // 社会监督员
] as const;
export type Role = (typeof ROLES)[number];

export const OFFICER_ROLES = ["admin", "acceptor", "reviewer", "approver", "inspector", "leader"] as const;
export const BUSINESS_ROLES = ["business_owner", "business_staff"] as const;

export function isOfficer(role: Role): boolean {
  return (OFFICER_ROLES as readonly Role[]).includes(role);
}

export const API_SCOPES = ["verify", "certificates:read", "webhooks"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

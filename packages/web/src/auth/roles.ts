import type { Role } from "../api/auth";

export const OFFICER_ROLES: readonly Role[] = [
  "admin",
  "acceptor",
  "reviewer",
  "approver",
  "inspector",
  "leader",
];
export const BUSINESS_ROLES: readonly Role[] = ["business_owner", "business_staff"];
/** Reviewers sign in to the console but also record on-site inspections on a phone. */
export const MOBILE_ROLES: readonly Role[] = ["volunteer", "inspector", "reviewer"];

/** Where a user lands after signing in. */
export function homePath(role: Role): string {
  if (OFFICER_ROLES.includes(role)) return "/console";
  if (BUSINESS_ROLES.includes(role)) return "/portal";
  return "/m";
}

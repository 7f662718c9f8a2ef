import type { Role } from "../accounts/roles.js";

/** Leaders and administrators list and remove businesses by hand (审批 of a listing). */
export const LISTING_ROLES = ["admin", "leader"] as const satisfies readonly Role[];

/** Officers who export the list for joint punishment (联合惩戒) by partner departments. */
export const JOINT_PUNISHMENT_ROLES = ["admin", "inspector", "leader"] as const satisfies readonly Role[];

/** Administrators register bank partners; administrators and leaders export referrals to them. */
export const BANK_PARTNER_ROLES = ["admin"] as const satisfies readonly Role[];
export const REFERRAL_EXPORT_ROLES = ["admin", "leader"] as const satisfies readonly Role[];

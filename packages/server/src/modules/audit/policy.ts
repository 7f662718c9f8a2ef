import { AppError } from "../../http/errors.js";
import type { UserActor } from "../accounts/actor.js";
import type { Role } from "../accounts/roles.js";

/**
 * Who may export the audit log (等保 8.1.4.3d, 审计记录的保护与导出): admins and leaders. Audit rows carry the
 * region of what they record, so a regional admin or leader gets the rows of their jurisdiction only (rows with
 * no region — national and system actions — only in a national export); a national one gets the whole chain.
 */
export const AUDIT_EXPORT_ROLES = ["admin", "leader"] as const satisfies readonly Role[];

export function authorizeAuditExport(actor: UserActor): void {
  if (!(AUDIT_EXPORT_ROLES as readonly Role[]).includes(actor.role)) throw new AppError("forbidden");
}

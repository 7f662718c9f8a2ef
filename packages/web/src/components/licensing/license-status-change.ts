import type { LicenseStatusChange } from "../../api/licensing";
import type { MessageKey } from "../../i18n/messages";

export interface StatusChange {
  /** The action's name, in its label and test id. */
  action: "suspend" | "reinstate" | "revoke";
  label: MessageKey;
  status: LicenseStatusChange;
  /** The statuses a licence may be in for this change (as the server allows). */
  from: readonly string[];
}

/** What an approver may do to a licence: suspend a valid one, reinstate a suspended one, revoke either. */
export const STATUS_CHANGES: readonly StatusChange[] = [
  { action: "suspend", label: "licenses.suspend", status: "suspended", from: ["valid"] },
  { action: "reinstate", label: "licenses.reinstate", status: "valid", from: ["suspended"] },
  { action: "revoke", label: "licenses.revoke", status: "revoked", from: ["valid", "suspended"] },
];

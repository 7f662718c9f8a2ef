import { allowRoles } from "../../http/route-policy.js";

/** Who works the misuse queue (冒用核查): inspectors, leaders and admins, each within their jurisdiction. */
export const MISUSE_QUEUE_ROLES = ["inspector", "leader", "admin"] as const;
export const misuseQueuePolicy = allowRoles(...MISUSE_QUEUE_ROLES);

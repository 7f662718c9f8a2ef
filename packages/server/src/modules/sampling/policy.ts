import type { Role } from "../accounts/roles.js";

/** Officers who record sampling results (抽检) and food-safety incidents (食品安全事故). */
export const RECORDING_ROLES = ["admin", "inspector"] as const satisfies readonly Role[];

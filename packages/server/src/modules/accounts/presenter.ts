import type { UserViewType } from "./schema.js";
import type { Role } from "./roles.js";

export function presentUser(
  user: { id: string; username: string; displayName: string; role: string; regionCode: string | null },
  regionName: string | null,
): UserViewType {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    regionCode: user.regionCode,
    regionName,
  };
}

import type { Database } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import { recordAudit } from "../audit/service.js";
import type { ApiClientActor, RequestContext, UserActor } from "./actor.js";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./password.js";
import { checkPassword } from "./password-policy.js";
import { authorizeUserCreation } from "./policy.js";
import * as repo from "./repository.js";
import type { ApiScope, Role } from "./roles.js";
import { newToken, safeEqual, sha256Hex } from "./tokens.js";

const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

export interface LoginResult {
  token: string;
  user: repo.UserRow;
  regionName: string | null;
  csrfToken: string;
}

/** Password login with per-account lockout (ASVS 2.2.1; 等保 8.1.4.1b). Failures are audited. */
export async function login(
  db: Database,
  context: RequestContext,
  { username, password }: { username: string; password: string },
): Promise<LoginResult> {
  const user = await repo.findUserByUsername(db, username);
  const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash));
  const locked = user?.lockedUntil != null && user.lockedUntil > new Date();
  if (!user || user.disabledAt || locked || !passwordOk) {
    await db.transaction(async (tx) => {
      if (user && !locked) {
        await repo.recordFailedLogin(
          tx,
          user.id,
          LOCK_AFTER_FAILURES,
          new Date(Date.now() + LOCK_MINUTES * 60_000),
        );
      }
      await recordAudit(tx, context, {
        action: "auth.login",
        subjectType: "user",
        subjectId: user?.id ?? null,
        regionCode: user?.regionCode ?? null,
        outcome: "failure",
        after: { username, reason: locked ? "locked" : "invalid_credentials" },
      });
    });
    throw new AppError(locked ? "account_locked" : "invalid_credentials");
  }
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await repo.resetFailedLogins(tx, user.id);
    await repo.insertSession(tx, {
      tokenHash: sha256Hex(token),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_HOURS * 3_600_000),
      ip: context.ip,
    });
    await recordAudit(
      tx,
      { ...context, actor: toUserActor(user, sha256Hex(token), csrfToken) },
      {
        action: "auth.login",
        subjectType: "user",
        subjectId: user.id,
        regionCode: user.regionCode,
      },
    );
  });
  return { token, user, csrfToken, regionName: await repo.findRegionName(db, user.regionCode) };
}

function toUserActor(user: repo.UserRow, sessionTokenHash: string, csrfToken: string): UserActor {
  return {
    kind: "user",
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    regionCode: user.regionCode,
    businessId: user.businessId,
    sessionTokenHash,
    csrfToken,
  };
}

/** The actor behind a session cookie, or null when the session is unknown, expired or idle (ASVS 3.3). */
export async function authenticateSession(db: Database, token: string): Promise<UserActor | null> {
  const tokenHash = sha256Hex(token);
  const found = await repo.findLiveSession(db, tokenHash, minutesAgo(SESSION_IDLE_MINUTES));
  if (!found) return null;
  await repo.touchSession(db, tokenHash, minutesAgo(1));
  return toUserActor(found.user, tokenHash, found.session.csrfToken);
}

/** API keys look like `shk_<prefix>_<secret>`; only a SHA-256 of the secret is stored (ASVS 2.10.4). */
export async function authenticateApiKey(db: Database, key: string): Promise<ApiClientActor | null> {
  const match = /^shk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{32,64})$/.exec(key);
  if (!match) return null;
  const client = await repo.findActiveApiClient(db, match[1]!);
  if (!client || !safeEqual(client.keyHash, sha256Hex(match[2]!))) return null;
  return {
    kind: "api_client",
    id: client.id,
    name: client.name,
    scopes: client.scopes as ApiScope[],
    regionCode: client.regionCode,
  };
}

export async function logout(db: Database, context: RequestContext, actor: UserActor): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.deleteSession(tx, actor.sessionTokenHash);
    await recordAudit(tx, context, {
      action: "auth.logout",
      subjectType: "user",
      subjectId: actor.id,
      regionCode: actor.regionCode,
    });
  });
}

export async function changePassword(
  db: Database,
  context: RequestContext,
  actor: UserActor,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
): Promise<void> {
  const user = await repo.findUserById(db, actor.id);
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError("invalid_credentials");
  }
  if (checkPassword(newPassword, user.username)) throw new AppError("weak_password");
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await repo.updatePasswordHash(tx, user.id, passwordHash);
    await repo.deleteOtherSessions(tx, user.id, actor.sessionTokenHash);
    await recordAudit(tx, context, {
      action: "auth.password_change",
      subjectType: "user",
      subjectId: user.id,
      regionCode: user.regionCode,
    });
  });
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  businessId?: string | null;
  password: string;
  /** Demo accounts and the CLI may skip the password policy; the API never does. */
  skipPasswordPolicy?: boolean;
}

export async function createUser(
  db: Database,
  context: RequestContext,
  input: NewUser,
): Promise<repo.UserRow> {
  authorizeUserCreation(context.actor, input.regionCode);
  if (!input.skipPasswordPolicy && checkPassword(input.password, input.username)) {
    throw new AppError("weak_password");
  }
  if (await repo.findUserByUsername(db, input.username)) {
    throw new AppError("conflict", { "zh-CN": "用户名已存在", en: "The username is taken" });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      regionCode: input.regionCode,
      businessId: input.businessId ?? null,
      passwordHash,
    });
    await recordAudit(tx, context, {
      action: "user.create",
      subjectType: "user",
      subjectId: user.id,
      regionCode: user.regionCode,
      after: { username: user.username, role: user.role, regionCode: user.regionCode },
    });
    return user;
  });
}

export async function createApiClient(
  db: Database,
  context: RequestContext,
  input: { name: string; scopes: ApiScope[]; regionCode: string | null },
): Promise<{ key: string; id: string }> {
  authorizeUserCreation(context.actor, input.regionCode);
  const prefix = newToken(9).replace(/[-_]/g, "x").slice(0, 12);
  const secret = newToken(32);
  return db.transaction(async (tx) => {
    const client = await repo.insertApiClient(tx, {
      name: input.name,
      keyPrefix: prefix,
      keyHash: sha256Hex(secret),
      scopes: input.scopes,
      regionCode: input.regionCode,
    });
    await recordAudit(tx, context, {
      action: "api_client.create",
      subjectType: "api_client",
      subjectId: client.id,
      regionCode: client.regionCode,
      after: { name: client.name, scopes: client.scopes },
    });
    return { key: `shk_${prefix}_${secret}`, id: client.id };
  });
}

export function csrfMatches(actor: UserActor, header: string | undefined): boolean {
  return typeof header === "string" && safeEqual(header, actor.csrfToken);
}

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Runtime configuration, read once from the environment and validated (DESIGN.md §2). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  dataDir: string;
  publicBaseUrl: string;
  logLevel: LogLevel;
  nodeEnv: NodeEnv;
  /** Requests per minute per IP on public routes. */
  publicRateLimit: number;
  /** SMS gateway (三即时); unset = the log adapter. */
  smsGatewayUrl: string | undefined;
  /** Deliver webhooks to loopback/private addresses (tests, closed networks); refused by default (SECURITY.md #11). */
  allowPrivateWebhooks: boolean;
  /** Unlocks the signing keys and other secrets at rest; see resolveSigningPassphrase when unset. */
  signingKeyPassphrase: string | undefined;
  /** Working days within which a citizen complaint must be closed (投诉办结时限). */
  complaintCloseWorkingDays: number;
  /** Complaints per minute per IP: tighter than the public budget (abuse, photo uploads). */
  complaintRateLimit: number;
  /** 食安码 colour of a store with a valid licence and no grade yet (step 5 supplies grades). */
  defaultSafetyColour: SafetyColour;
  /** Seconds between two runs of the alert rules in `serve` (预警: a red alert opens within one cycle). */
  alertIntervalSeconds: number;
  colourFeedIntervalSeconds: number;
  /** JOBS=off: this node serves HTTP only; background jobs run on other nodes. */
  jobs: boolean;
  // — step 8: proxy hops —
  /**
   * Reverse proxies in front of the app whose X-Forwarded-For entry is trusted (request.ip, the per-IP login
   * throttle, audit IPs). Default 1 in production, 0 elsewhere. Trusting every hop would let a client choose its
   * own address by sending X-Forwarded-For (ASVS 2.2.1).
   */
  trustProxyHops: number;
  // — step 10: smart kitchen —
  /** Days a kitchen snapshot is kept before the retention job deletes it (SNAPSHOT_RETENTION_DAYS). */
  snapshotRetentionDays: number;
  // — step 11: badge —
  /** Seconds a 食安码 badge (/badge/{code}.svg) may be cached anywhere: the bound on showing a stale grade. */
  badgeCacheSeconds: number;
  // — step 11: statutory fields —
  /** 投诉举报电话 printed on every certificate (COMPLAINT_HOTLINE, default 12315). */
  complaintHotline: string;
  // — step 11: misuse detection —
  /** Platform shops of one partner a licence may serve before it is flagged (MISUSE_MAX_SHOPS_PER_LICENCE). */
  misuseMaxShopsPerLicence: number;
}

export const SAFETY_COLOURS = ["green", "yellow", "red"] as const;
export type SafetyColour = (typeof SAFETY_COLOURS)[number];

export const MIN_SIGNING_PASSPHRASE_LENGTH = 16;
export const SIGNING_PASSPHRASE_FILE = "signing-passphrase";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const NODE_ENVS = ["development", "production", "test"] as const;
type LogLevel = (typeof LOG_LEVELS)[number];
type NodeEnv = (typeof NODE_ENVS)[number];

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly allowed: string,
  ) {
    super(`Invalid ${variable}: expected ${allowed}`);
  }
}

type Env = Record<string, string | undefined>;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(name, `an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `one of ${choices.join(", ")} (got "${raw}")`);
  }
  return raw as T;
}

function readUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `a URL with scheme ${protocols.join(" or ")}`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `a URL with scheme ${protocols.join(" or ")} (got "${url.protocol}")`);
  }
  return raw;
}

/** A secret: validated, never echoed in the error. */
function readPassphrase(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === "") return undefined;
  if (raw.length < MIN_SIGNING_PASSPHRASE_LENGTH) {
    throw new ConfigError(name, `at least ${MIN_SIGNING_PASSPHRASE_LENGTH} characters`);
  }
  return raw;
}

function readHost(env: Env): string {
  const raw = env.HOST;
  if (raw === undefined || raw === "") return "0.0.0.0";
  if (!/^[A-Za-z0-9.:-]+$/.test(raw)) throw new ConfigError("HOST", "a host name or IP address");
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const port = readInteger(env, "PORT", 3000, 0, 65535);
  const host = readHost(env);
  const databaseUrl = readUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"]);
  const databaseReadUrl = readUrl(env, "DATABASE_READ_URL", ["postgres:", "postgresql:"]);
  if (databaseReadUrl && !databaseUrl) {
    throw new ConfigError("DATABASE_READ_URL", "to be set only together with DATABASE_URL");
  }
  const publicBaseUrl =
    readUrl(env, "PUBLIC_BASE_URL", ["http:", "https:"])?.replace(/\/+$/, "") ?? `http://localhost:${port}`;
  return {
    port,
    host,
    databaseUrl,
    databaseReadUrl,
    dataDir: path.resolve(env.DATA_DIR || "./data"),
    publicBaseUrl,
    logLevel: readChoice(env, "LOG_LEVEL", LOG_LEVELS, "info"),
    nodeEnv: readChoice(env, "NODE_ENV", NODE_ENVS, "development"),
    publicRateLimit: readInteger(env, "PUBLIC_RATE_LIMIT", 600, 1, 1_000_000),
    signingKeyPassphrase: readPassphrase(env, "SIGNING_KEY_PASSPHRASE"),
    smsGatewayUrl: readUrl(env, "SMS_GATEWAY_URL", ["http:", "https:"]),
    allowPrivateWebhooks: readChoice(env, "WEBHOOK_ALLOW_PRIVATE", ["true", "false"], "false") === "true",
    defaultSafetyColour: readChoice(env, "DEFAULT_SAFETY_COLOUR", SAFETY_COLOURS, "green"),
    complaintCloseWorkingDays: readInteger(env, "COMPLAINT_CLOSE_WORKING_DAYS", 10, 1, 60),
    complaintRateLimit: readInteger(env, "COMPLAINT_RATE_LIMIT", 5, 1, 1_000_000),
    alertIntervalSeconds: readInteger(env, "ALERT_INTERVAL_SECONDS", 60, 1, 86_400),
    colourFeedIntervalSeconds: readInteger(env, "COLOUR_FEED_INTERVAL_SECONDS", 60, 1, 86_400),
    jobs: readChoice(env, "JOBS", ["on", "off"], "on") === "on",
    // — step 8: proxy hops —
    trustProxyHops: readInteger(env, "TRUST_PROXY_HOPS", env.NODE_ENV === "production" ? 1 : 0, 0, 10),
    // — step 10: smart kitchen —
    snapshotRetentionDays: readInteger(env, "SNAPSHOT_RETENTION_DAYS", 30, 1, 3650),
    // — step 11: badge —
    badgeCacheSeconds: readInteger(env, "BADGE_CACHE_SECONDS", 300, 0, 3600),
    // — step 11: statutory fields —
    complaintHotline: env.COMPLAINT_HOTLINE?.trim() || "12315",
    // — step 11: misuse detection —
    misuseMaxShopsPerLicence: readInteger(env, "MISUSE_MAX_SHOPS_PER_LICENCE", 1, 1, 1000),
  };
}

/** Cookies get the Secure flag and the __Host- prefix only when the public address is HTTPS. */
export function isSecureDeployment(config: Config): boolean {
  return config.publicBaseUrl.startsWith("https:");
}

/**
 * The passphrase of the signing keys (SECURITY.md #18). SIGNING_KEY_PASSPHRASE when set. Unset in production:
 * a ConfigError, so the server refuses to start. Unset elsewhere (demo, development, tests): read from
 * DATA_DIR/signing-passphrase, which is generated once (mode 0600) with a warning. The value is never logged.
 */
export function resolveSigningPassphrase(
  config: Config,
  warn: (message: string) => void = (message) => console.warn(message),
): string {
  if (config.signingKeyPassphrase) return config.signingKeyPassphrase;
  if (config.nodeEnv === "production") {
    throw new ConfigError(
      "SIGNING_KEY_PASSPHRASE",
      `a passphrase of at least ${MIN_SIGNING_PASSPHRASE_LENGTH} characters (required in production)`,
    );
  }
  const file = path.join(config.dataDir, SIGNING_PASSPHRASE_FILE);
  fs.mkdirSync(config.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
    warn(
      `Demo mode: generated a signing-key passphrase in ${file} (mode 0600). ` +
        "Set SIGNING_KEY_PASSPHRASE (at least 16 characters) and keep it out of the data directory in production.",
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) warn(`${file} is readable by other users: chmod 600 it.`);
  const passphrase = fs.readFileSync(file, "utf8").trim();
  if (passphrase.length < MIN_SIGNING_PASSPHRASE_LENGTH) {
    throw new ConfigError(
      "SIGNING_KEY_PASSPHRASE",
      `at least ${MIN_SIGNING_PASSPHRASE_LENGTH} characters (the file ${file} holds fewer)`,
    );
  }
  return passphrase;
}

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
}

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
  };
}

/** Cookies get the Secure flag and the __Host- prefix only when the public address is HTTPS. */
export function isSecureDeployment(config: Config): boolean {
  return config.publicBaseUrl.startsWith("https:");
}

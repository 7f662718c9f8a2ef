import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration from the environment", () => {
  it("has working defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      databaseUrl: undefined,
      logLevel: "info",
      nodeEnv: "development",
    });
    expect(config.publicBaseUrl).toBe("http://localhost:3000");
  });

  it.each([
    ["PORT", "abc", /PORT.*integer from 0 to 65535/],
    ["PORT", "70000", /PORT/],
    ["LOG_LEVEL", "loud", /LOG_LEVEL.*one of fatal, error/],
    ["NODE_ENV", "staging", /NODE_ENV.*development, production, test/],
    ["DATABASE_URL", "mysql://x", /DATABASE_URL.*postgres/],
    ["PUBLIC_BASE_URL", "not a url", /PUBLIC_BASE_URL/],
    ["HOST", "a b", /HOST/],
  ])("rejects %s=%s naming the variable and what is allowed", (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it("DATABASE_READ_URL needs DATABASE_URL", () => {
    expect(() => loadConfig({ DATABASE_READ_URL: "postgres://replica/db" })).toThrow(/DATABASE_READ_URL/);
  });
});

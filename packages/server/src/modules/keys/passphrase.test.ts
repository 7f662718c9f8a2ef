import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, resolveSigningPassphrase } from "../../config.js";

const dirs: string[] = [];
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-pass-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("SIGNING_KEY_PASSPHRASE", () => {
  it("is used as given when set", () => {
    const config = loadConfig({ SIGNING_KEY_PASSPHRASE: "sixteen chars ok", DATA_DIR: dataDir() });
    expect(resolveSigningPassphrase(config, () => {})).toBe("sixteen chars ok");
    expect(fs.existsSync(path.join(config.dataDir, "signing-passphrase"))).toBe(false);
  });

  it("is refused when shorter than 16 characters, without echoing it", () => {
    const attempt = () => loadConfig({ SIGNING_KEY_PASSPHRASE: "tooShort-secret" });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/SIGNING_KEY_PASSPHRASE.*at least 16 characters/);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).not.toContain("tooShort-secret");
    }
  });

  it("unset in production: the server refuses to start, naming the variable", () => {
    const config = loadConfig({ NODE_ENV: "production", DATA_DIR: dataDir() });
    expect(() => resolveSigningPassphrase(config, () => {})).toThrow(ConfigError);
    expect(() => resolveSigningPassphrase(config, () => {})).toThrow(/SIGNING_KEY_PASSPHRASE/);
    expect(fs.readdirSync(config.dataDir)).toEqual([]);
  });

  it("unset in demo mode: generated once into DATA_DIR/signing-passphrase (mode 0600) with a warning", () => {
    const config = loadConfig({ NODE_ENV: "development", DATA_DIR: dataDir() });
    const warnings: string[] = [];
    const first = resolveSigningPassphrase(config, (message) => warnings.push(message));
    const second = resolveSigningPassphrase(config, (message) => warnings.push(message));
    expect(first).toBe(second);
    expect(first.length).toBeGreaterThanOrEqual(16);
    const file = path.join(config.dataDir, "signing-passphrase");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/Demo mode: generated a signing-key passphrase/);
    expect(warnings[0]).not.toContain(first);
  });
});

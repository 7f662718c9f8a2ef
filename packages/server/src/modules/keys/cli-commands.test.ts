import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig, type Config } from "../../config.js";
import type { DatabaseHandle } from "../../db/client.js";
import { createTestDatabase, type TestDatabase } from "../../test/test-database.js";
import { registerKeyCommands } from "./cli-commands.js";
import { loadSigner, publishedJwks } from "./service.js";

let database: TestDatabase;
let config: Config;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-keys-cli-"));
  config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dir,
    SIGNING_KEY_PASSPHRASE: "cli test passphrase, long enough",
  });
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `shian <args>` in process against the test database; returns stdout, stderr and the exit code. */
async function shian(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...parts) => void out.push(parts.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...parts) => void err.push(parts.join(" ")));
  process.exitCode = 0;
  try {
    const program = new Command("shian").exitOverride();
    registerKeyCommands(program, async (work: (db: DatabaseHandle, c: Config) => Promise<number | void>) => {
      process.exitCode = (await work(database, config)) ?? 0;
    });
    await program.parseAsync(args, { from: "user" });
    return { stdout: out.join("\n"), stderr: err.join("\n"), status: Number(process.exitCode ?? 0) };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.exitCode = 0;
  }
}

const payload = {
  licenseNo: "JY24401060000016",
  licenseType: "JY" as const,
  version: 1,
  holderName: "天河区测试餐馆",
  uscc: "91440106MA59C0XK2B",
  legalRepresentative: "李四",
  storeAddress: "广州市天河区体育西路 1 号",
  items: ["热食类食品制售"],
  issuer: "广州市天河区市场监督管理局",
  issuerRegion: "440106",
  validFrom: "2025-06-01",
  validTo: "2099-05-31",
  issuedAt: "2025-06-01T09:30:00+08:00",
  status: { listId: "revocation-1", index: 3 },
};

describe("shian keys / shian verify", () => {
  it("keys create, list and rotate print kid, authority, algorithm, status and created", async () => {
    const created = await shian("keys", "create", "--authority", "440106");
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/Created keys for 440106/);
    expect(created.stdout).toMatch(/440106-ed-[0-9a-f]{8}\s+440106\s+EdDSA\s+active\s+\d{4}-/);
    expect(created.stdout).toMatch(/440106-sm2-[0-9a-f]{8}\s+440106\s+SM2\s+active/);
    expect((await shian("keys", "create", "--authority", "440106")).stdout).toMatch(
      /already has active keys/,
    );
    const rotated = await shian("keys", "rotate", "--authority", "440106");
    expect(rotated.stdout.match(/retired/g)).toHaveLength(2);
    const listed = await shian("keys", "list");
    expect(listed.stdout.split("\n")[0]).toMatch(/^kid\s+authority algorithm status\s+created$/);
    expect(listed.stdout.match(/440106-/g)).toHaveLength(4);
    expect(listed.stdout).not.toMatch(/v1\.|PRIVATE/);
  });

  it("keys create refuses an unknown authority", async () => {
    await expect(shian("keys", "create", "--authority", "119999")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("verify: a token, a /v/ URL or a file; against a JWKS file or the local database; exit 0 valid, 1 invalid", async () => {
    const signer = await loadSigner(database.db, { passphrase: config.signingKeyPassphrase! }, "440106");
    const { token } = signer.signCertificate(payload);
    const jwksFile = path.join(dir, "jwks.json");
    fs.writeFileSync(jwksFile, JSON.stringify(await publishedJwks(database.db)));
    const urlFile = path.join(dir, "scan.txt");
    fs.writeFileSync(urlFile, `https://shian.example.gov.cn/v/${token}\n`);

    const fromDb = await shian("verify", token);
    expect(fromDb.status).toBe(0);
    expect(fromDb.stdout).toMatch(/^valid \(signed by 440106-ed-/);
    expect(fromDb.stdout).toContain("licence:      JY24401060000016 (version 1)");
    expect(fromDb.stdout).toContain("holder:       天河区测试餐馆");

    const fromFile = await shian("verify", urlFile, "--jwks", jwksFile);
    expect(fromFile.status).toBe(0);

    const [h, p, s] = token.split(".") as [string, string, string];
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), e: "2199-01-01" })).toString("base64url")}.${s}`;
    const bad = await shian("verify", forged, "--jwks", jwksFile);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^invalid: bad_signature/);
    expect(bad.stdout).toContain("NOT verified");

    const unknown = await shian("verify", token, "--jwks", path.join(dir, "empty.json"));
    expect(unknown.status).toBe(1);
    fs.writeFileSync(path.join(dir, "empty.json"), '{"keys":[]}');
    expect((await shian("verify", token, "--jwks", path.join(dir, "empty.json"))).stdout).toMatch(
      /^invalid: unknown_key/,
    );
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock.js";

describe("PGlite data directory lock", () => {
  it("refuses a second holder while a live process holds it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-lock-"));
    fs.writeFileSync(path.join(dir, "shian.lock"), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/in use by another shian process/);
  });

  it("takes over a lock left by a dead process and releases it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-lock-"));
    fs.writeFileSync(path.join(dir, "shian.lock"), "999999999");
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, "shian.lock"), "utf8")).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, "shian.lock"))).toBe(false);
  });
});

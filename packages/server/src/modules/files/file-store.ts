import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

/** Where file bytes live, addressed by SHA-256; a bucket-backed store can implement the same interface. */
export interface FileStore {
  put(bytes: Buffer): Promise<string>;
  get(sha256: string): Promise<Buffer | null>;
  /** Removes the bytes (step 10: only the kitchen snapshot store is ever purged); false when absent. */
  delete(sha256: string): Promise<boolean>;
}

export function sha256Of(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Files under root/ab/cd/<sha256>; writes go through a temporary name so a crash never leaves half a file. */
export function localFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const target = pathOf(sha256);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${process.pid}.tmp`;
      await fs.writeFile(temporary, bytes);
      await fs.rename(temporary, target);
      return sha256;
    },
    async get(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      try {
        return await fs.readFile(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return false;
      try {
        await fs.unlink(pathOf(sha256));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
        throw error;
      }
    },
  };
}

/** The file store of a deployment: DATA_DIR/files. */
export function configuredFileStore(config: { dataDir: string }): FileStore {
  return localFileStore(path.join(config.dataDir, "files"));
}

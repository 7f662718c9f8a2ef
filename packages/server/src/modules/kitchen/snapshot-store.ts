import path from "node:path";
import { localFileStore, type FileStore } from "../files/file-store.js";

/**
 * Kitchen snapshots live apart from uploaded files (DATA_DIR/snapshots), because the retention job deletes them:
 * nothing in the file store is ever removed by it. A snapshot used as inspection evidence is copied to the file store.
 */
export function configuredSnapshotStore(config: { dataDir: string }): FileStore {
  return localFileStore(path.join(config.dataDir, "snapshots"));
}

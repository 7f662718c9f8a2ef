import type { Database, Queryable } from "../../db/client.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import { jurisdictionPrefix } from "../accounts/jurisdiction.js";
import { recordAudit } from "../audit/service.js";
import * as repo from "./repository.js";

export interface NewTask {
  kind: string;
  regionCode: string;
  storeId?: string | null;
  applicationId?: string | null;
  licenseId?: string | null;
  dueAt: Date;
}

/** Creates an officers' task in the caller's transaction. */
export async function createTask(
  tx: Queryable,
  context: RequestContext,
  task: NewTask,
): Promise<repo.TaskRow> {
  const created = await repo.insertTask(tx, task);
  await recordAudit(tx, context, {
    action: "task.create",
    subjectType: "task",
    subjectId: created.id,
    regionCode: created.regionCode,
    after: { kind: created.kind, dueAt: created.dueAt.toISOString() },
  });
  return created;
}

/** Open tasks of the officer's jurisdiction, soonest due first. */
export async function listTasks(
  db: Database,
  actor: UserActor,
  query: { status?: string | undefined; cursor?: string | undefined; limit: number },
) {
  const rows = await repo.listTasks(db, {
    regionPrefix: jurisdictionPrefix(actor),
    status: query.status,
    afterId: query.cursor,
    limit: query.limit,
  });
  return { rows, nextCursor: rows.length === query.limit ? (rows.at(-1)?.task.id ?? null) : null };
}

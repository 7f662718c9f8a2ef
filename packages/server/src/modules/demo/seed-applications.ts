import type { Database } from "../../db/client.js";
import type { RequestContext, UserActor } from "../accounts/actor.js";
import type { UserRow } from "../accounts/repository.js";
import type { Role } from "../accounts/roles.js";
import type { StoreRow } from "../entities/repository.js";
import type { FileStore } from "../files/file-store.js";
import { uploadFile } from "../files/service.js";
import type { LicenseHooks } from "../licensing/hooks.js";
import { checklistOf } from "../licensing/rules.js";
import * as licensing from "../licensing/service.js";

/** A one-page PDF standing in for each application material of the demo. */
const DEMO_MATERIAL = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** Where each demo application stops; the stores are branches of the demo owner's business. */
export const DEMO_STAGES = [
  "draft",
  "submitted",
  "returned",
  "accepted",
  "onsite_scheduled",
  "reviewed",
  "commitment_accepted",
  "rejected",
] as const;

function actorOf(user: UserRow): UserActor {
  return {
    kind: "user",
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    regionCode: user.regionCode,
    businessId: user.businessId,
    sessionTokenHash: "",
    csrfToken: "",
  };
}

/**
 * Applications in every stage of the workflow, made through the same use cases the API calls, so the timeline
 * and audit trail are real.
 */
export async function seedDemoApplications(
  db: Database,
  fileStore: FileStore,
  hooks: LicenseHooks,
  users: Record<"owner" | "acceptor" | "reviewer" | "approver", UserRow>,
  stores: StoreRow[],
): Promise<number> {
  const [owner, acceptor, reviewer, approver] = [
    users.owner,
    users.acceptor,
    users.reviewer,
    users.approver,
  ].map(actorOf) as [UserActor, UserActor, UserActor, UserActor];
  const as = (actor: UserActor): RequestContext => ({ actor, ip: "", requestId: "demo" });
  const material = await uploadFile(db, fileStore, as(owner), owner, DEMO_MATERIAL);
  for (const [index, stage] of DEMO_STAGES.entries()) {
    const store = stores[index]!;
    const commitment = stage === "commitment_accepted";
    const draft = await licensing.createApplication(db, as(owner), owner, {
      kind: "new",
      licenseType: "JY",
      storeId: store.id,
      businessForm: "catering",
      subtype: commitment ? "bakery" : "restaurant_small",
      items: [{ code: commitment ? "pastry" : "hot_food" }],
    });
    for (const { code } of draft.assessment.requiredMaterials as { code: string }[]) {
      await licensing.attachMaterial(db, as(owner), owner, draft.id, { code, fileId: material.id });
    }
    if (stage === "draft") continue;
    await licensing.submitApplication(
      db,
      as(owner),
      owner,
      draft.id,
      commitment ? { commitmentSigner: owner.displayName } : {},
    );
    if (stage === "submitted") continue;
    if (stage === "returned") {
      await licensing.returnApplication(db, as(acceptor), acceptor, draft.id, {
        reasons: "平面布局图不清晰，请重新上传。",
      });
      continue;
    }
    await licensing.acceptApplication(db, as(acceptor), acceptor, draft.id);
    if (stage === "accepted" || commitment) continue;
    const scheduled = await licensing.scheduleOnsite(db, as(reviewer), reviewer, draft.id, {
      scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    if (stage === "onsite_scheduled") continue;
    const failing = stage === "rejected";
    await licensing.recordOnsite(db, as(reviewer), reviewer, draft.id, {
      results: checklistOf(scheduled).map((item) => ({
        code: item.code,
        result: failing && item.level === "key" ? "fail" : "pass",
      })),
      photoFileIds: [],
      applicantSigned: true,
    });
    await licensing.reviewApplication(db, as(reviewer), reviewer, draft.id, {
      outcome: failing ? "fail" : "pass",
      opinion: failing ? "关键项不符合：粗加工区未设置分类清洗水池。" : "符合许可条件。",
    });
    if (stage === "rejected") {
      await licensing.decideApplication(db, hooks, as(approver), approver, draft.id, {
        decision: "reject",
        reasons: "现场核查关键项不符合要求（第十二条、第二十六条）。",
      });
    }
  }
  return DEMO_STAGES.length;
}

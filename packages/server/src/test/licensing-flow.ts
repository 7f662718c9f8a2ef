import type { Session } from "./test-app.js";
import { TINY_PDF, upload } from "./uploads.js";

export interface Officers {
  acceptor: Session;
  reviewer: Session;
  approver: Session;
}

interface Detail {
  id: string;
  status: string;
  licenseId: string | null;
  commitment: boolean;
  kind: string;
  checklist: { code: string }[];
  assessment: { onsiteInspectionRequired: boolean; requiredMaterials: { code: string }[] };
}

async function call(session: Session, url: string, payload: object = {}): Promise<Detail> {
  const response = await session.inject({ method: "POST", url, payload });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json() as Detail;
}

/** Takes an application from creation to decision through the API, as the four people would. */
export async function applyAndApprove(
  owner: Session,
  officers: Officers,
  body: object,
  commitmentSigner?: string,
) {
  const draft = await call(owner, "/api/v1/applications", body);
  const file = await upload(owner, TINY_PDF);
  for (const { code } of draft.assessment.requiredMaterials) {
    await call(owner, `/api/v1/applications/${draft.id}/materials`, { code, fileId: file.id });
  }
  const base = `/api/v1/applications/${draft.id}`;
  await call(owner, `${base}/submit`, commitmentSigner ? { commitmentSigner } : {});
  const accepted = await call(officers.acceptor, `${base}/accept`);
  if (!accepted.commitment && accepted.kind !== "cancellation") {
    if (accepted.assessment.onsiteInspectionRequired) {
      const scheduled = await call(officers.reviewer, `${base}/onsite-schedule`, {
        scheduledAt: new Date().toISOString(),
      });
      await call(officers.reviewer, `${base}/onsite-record`, {
        results: scheduled.checklist.map((item) => ({ code: item.code, result: "pass" })),
        photoFileIds: [],
        applicantSigned: true,
      });
    }
    await call(officers.reviewer, `${base}/review`, { outcome: "pass", opinion: "符合许可条件" });
  }
  return call(officers.approver, `${base}/decide`, { decision: "approve" });
}

/** A small restaurant's catering business: the most common subject of a food business licence (JY) in the tests. */
export const RESTAURANT = {
  businessForm: "catering",
  subtype: "restaurant_small",
  items: [{ code: "hot_food" }],
};

/** A new JY licence for the store, through the API; returns its id, number and certificate (read as the owner). */
export async function issueRestaurantLicence(owner: Session, officers: Officers, storeId: string) {
  const approved = await applyAndApprove(owner, officers, {
    kind: "new",
    licenseType: "JY",
    storeId,
    ...RESTAURANT,
  });
  const licenseId = approved.licenseId!;
  const licenseNo = (await owner.inject({ url: `/api/v1/licenses/${licenseId}` })).json().number as string;
  const certificate = (await owner.inject({ url: `/api/v1/certificates/${licenseNo}` })).json() as {
    token: string;
    eLicenceId: string;
  };
  return { licenseId, licenseNo, certificate };
}

/** A change of the licence's items adding drinks (no new premises, so no on-site inspection): version + 1. */
export function addBeverage(owner: Session, officers: Officers, storeId: string, licenseId: string) {
  return applyAndApprove(owner, officers, {
    kind: "change",
    licenseType: "JY",
    storeId,
    licenseId,
    items: [{ code: "hot_food" }, { code: "beverage" }],
  });
}

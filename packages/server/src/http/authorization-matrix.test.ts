import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { InjectOptions, LightMyRequestResponse, RouteOptions } from "fastify";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  alerts,
  bankPartners,
  commitmentLetters,
  complaintPhotos,
  complaints,
  creditRepairs,
  devices,
  dishonestyEntries,
  importJobs,
  kitchenDevices,
  kitchenEvents,
  kitchenFeeds,
  kitchenSnapshots,
  listEntries,
  misuseFlags,
  partnerAuthorizations,
  platformShops,
  penalties,
  productionBatches,
  ratings,
  recalls,
  referralConsents,
  rectifications,
  sanctionProposals,
  statisticsReports,
  supervisionPlans,
  volunteers,
} from "../db/schema.js";
import sharp from "sharp";
import { insertStores } from "../modules/entities/repository.js";
import { localFileStore } from "../modules/files/file-store.js";
import { API_SCOPES, OFFICER_ROLES, ROLES, type Role } from "../modules/accounts/roles.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../test/factories.js";
import {
  listSeriouslyDishonest,
  publishOnList,
  raiseRedAlert,
  recordPoorMonth,
  type TestStore,
} from "../test/grading-fixtures.js";
import { uploadPhoto } from "../test/inspection-fixtures.js";
import { applyAndApprove } from "../test/licensing-flow.js";
import { licensingCast } from "../test/officers.js";
import { createTestApp, type Session, type TestApp } from "../test/test-app.js";
import { TINY_PDF, upload } from "../test/uploads.js";
import {
  CALLERS,
  callerLabel,
  expectedOutcome,
  matrixSection,
  policyRoutes,
  renderRouteMatrix,
  replaceMatrixSection,
  type Caller,
  type PolicyRoute,
} from "./route-matrix.js";

// SECURITY.md #1 — route × role × jurisdiction matrix.
// ASVS 4.0.3 4.1.3 (least privilege), 4.1.5 (fail closed), 4.2.1 (IDOR: records of another district or business
// answer 404), 13.1.4 (authorization at the API); 等保 2.0 8.1.4.2 访问控制.

const DISTRICT_A = "440106"; // Tianhe: where every record of the jurisdiction tests lives
const DISTRICT_B = "330211"; // Zhenhai: the officers who must not see them
const ZERO_ID = "00000000-0000-4000-8000-000000000000";
const SECURITY_DOC = new URL("../../../../docs/security.md", import.meta.url);

interface Client {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let t: TestApp;
/** Our own DATA_DIR, so the kitchen snapshot fixture can put its bytes where the app reads them. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-matrix-"));
let ipCounter = 0;
/** Each client has its own address, so per-IP rate limits (login 30/min, password 10/min) never mix callers. */
const nextIp = () => {
  ipCounter += 1;
  return `10.${(ipCounter >> 8) & 255}.${ipCounter & 255}.7`;
};

async function signIn(username: string): Promise<Session> {
  const ip = nextIp();
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password: TEST_PASSWORD },
    remoteAddress: ip,
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const { csrfToken } = response.json() as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    inject: (options) =>
      t.app.inject({
        ...options,
        remoteAddress: ip,
        headers: { cookie, "x-csrf-token": csrfToken, ...(options.headers ?? {}) },
      }),
  };
}

function anonymousClient(): Client {
  const ip = nextIp();
  return { inject: (options) => t.app.inject({ ...options, remoteAddress: ip }) };
}

function apiKeyClient(key: string): Client {
  const ip = nextIp();
  return {
    inject: (options) =>
      t.app.inject({
        ...options,
        remoteAddress: ip,
        headers: { "x-api-key": key, ...(options.headers ?? {}) },
      }),
  };
}

/** Users of the matrix: every role in district A (admin national), the business ones on business A. */
const usernames: Record<Role, string> = {
  admin: "am-admin",
  acceptor: "am-a-acceptor",
  reviewer: "am-a-reviewer",
  approver: "am-a-approver",
  inspector: "am-a-inspector",
  leader: "am-a-leader",
  business_owner: "am-a-owner",
  business_staff: "am-a-staff",
  volunteer: "am-a-volunteer",
};
const clients = new Map<string, Client>();
const sessions = new Map<Role, Session>();
const apiKeys = new Map<string, string>();
const apiClientIds = new Map<string, string>();
let authorizedPartnerClient: Client;
/** Officers of district B by role, and the owner of business C (same district as A, another business). */
const outsiders = new Map<string, Session>();

function clientOf(caller: Caller): Client {
  const client = clients.get(callerLabel(caller));
  if (!client) throw new Error(`no client for ${callerLabel(caller)}`);
  return client;
}

function fillParams(url: string, params: Record<string, string> = {}): string {
  return url.replace(/:([A-Za-z]+)/g, (_match, name: string) => params[name] ?? ZERO_ID).replace(/\*$/, "x");
}

function request(route: PolicyRoute, params?: Record<string, string>, body?: unknown): InjectOptions {
  const method = route.method as InjectOptions["method"];
  const url = fillParams(route.url, params);
  return route.method === "GET" || route.method === "DELETE"
    ? { method, url }
    : { method, url, payload: (body ?? {}) as object };
}

// Records of district A the jurisdiction tests address by id.
const fx: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({
    PUBLIC_RATE_LIMIT: "1000000",
    COMPLAINT_RATE_LIMIT: "1000000",
    DATA_DIR: dataDir,
  });
  const db = t.database.db;

  // Business A with its store, owner and licensing officers; one application approved (licence + certificate).
  const cast = await licensingCast(t.app, db, DISTRICT_A, "am-a");
  const applicationBody = {
    kind: "new",
    licenseType: "JY",
    storeId: cast.store.id,
    businessForm: "catering",
    subtype: "restaurant_small",
    items: [{ code: "hot_food" }],
  };
  const approved = await applyAndApprove(cast.owner, cast.officers, applicationBody);
  await makeUser(db, { role: "admin", regionCode: null, username: usernames.admin });
  for (const role of ["inspector", "leader", "volunteer"] as const)
    await makeUser(db, { role, regionCode: DISTRICT_A, username: usernames[role] });
  await makeUser(db, {
    role: "business_staff",
    regionCode: DISTRICT_A,
    username: usernames.business_staff,
    businessId: cast.businessId,
  });
  for (const role of OFFICER_ROLES.filter((r) => r !== "admin"))
    await makeUser(db, { role, regionCode: DISTRICT_B, username: `am-b-${role}` });
  const businessC = await makeStore(db, DISTRICT_A);
  await makeUser(db, {
    role: "business_owner",
    regionCode: DISTRICT_A,
    username: "am-c-owner",
    businessId: businessC.businessId,
  });

  for (const role of ROLES) {
    sessions.set(role, await signIn(usernames[role]));
    clients.set(role, sessions.get(role)!);
  }
  clients.set("anonymous", anonymousClient());
  const admin = clients.get("admin")!;
  for (const scope of API_SCOPES) {
    const created = await admin.inject({
      method: "POST",
      url: "/api/v1/api-clients",
      payload: { name: `matrix ${scope}`, scopes: [scope], regionCode: null },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { key, id } = created.json() as { key: string; id: string };
    apiKeys.set(scope, key);
    apiClientIds.set(scope, id);
    clients.set(`api:${scope}`, apiKeyClient(key));
  }
  // A partner business A has authorized: the control for the partner routes.
  const authorized = await admin.inject({
    method: "POST",
    url: "/api/v1/api-clients",
    payload: { name: "authorized partner", scopes: ["certificates:read"], regionCode: null },
  });
  expect(authorized.statusCode, authorized.body).toBe(201);
  const authorizedPartner = authorized.json() as { key: string; id: string };
  for (const role of OFFICER_ROLES.filter((r) => r !== "admin"))
    outsiders.set(role, await signIn(`am-b-${role}`));
  outsiders.set("business_owner", await signIn("am-c-owner"));
  // Business C's own file: its owner's write bodies are valid, so only the record's ownership can refuse them.
  fx.outsiderFile = (await upload(outsiders.get("business_owner")!, TINY_PDF)).id;

  // —— district A records ——
  const owner = sessions.get("business_owner")!;
  // A second store of business A, with an application still in draft for the write routes.
  const [secondStore] = await insertStores(db, [
    {
      businessId: cast.businessId,
      name: "第二门店",
      address: "天河路 2 号",
      regionCode: DISTRICT_A,
      businessForm: "catering",
      subtype: "restaurant_small",
    },
  ]);
  const draft = await owner.inject({
    method: "POST",
    url: "/api/v1/applications",
    payload: { ...applicationBody, storeId: secondStore!.id },
  });
  expect(draft.statusCode, draft.body).toBeLessThan(300);
  fx.application = (draft.json() as { id: string }).id;
  fx.license = approved.licenseId!;
  const [licence] = await db.query.licenses.findMany({ where: (l, { eq: is }) => is(l.id, fx.license!) });
  fx.licenseNo = licence!.number;
  fx.store = cast.store.id;
  fx.business = cast.businessId;
  fx.file = (await upload(owner, TINY_PDF)).id;

  const store: TestStore = {
    businessId: cast.businessId,
    storeId: cast.store.id,
    regionCode: DISTRICT_A,
    name: cast.store.name,
  };
  await recordPoorMonth(db, store); // inspection, open rectification, complaint, staff
  await raiseRedAlert(db, store);
  await publishOnList(db, store, "black");
  await listSeriouslyDishonest(db, store);
  const byStore = { rectifications, complaints, alerts, listEntries } as const;
  for (const [name, table] of Object.entries(byStore)) {
    const [row] = await db.select({ id: table.id }).from(table).where(eq(table.storeId, fx.store)).limit(1);
    fx[name] = row!.id;
  }
  const [dishonesty] = await db
    .select({ id: dishonestyEntries.id })
    .from(dishonestyEntries)
    .where(eq(dishonestyEntries.businessId, fx.business));
  fx.dishonesty = dishonesty!.id;

  fx.photo = await uploadPhoto(owner);
  await db.insert(complaintPhotos).values({ complaintId: fx.complaints!, fileId: fx.photo });

  const [penalty] = await db
    .insert(penalties)
    .values({
      decisionNumber: "穗天市监罚〔2026〕AM1号",
      storeId: fx.store,
      businessId: fx.business,
      regionCode: DISTRICT_A,
      decidedOn: "2026-10-01",
      violation: "经营超过保质期的食品",
      legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
      fineYuan: 5000,
      severity: "general",
      publicUntil: "2027-10-01",
      repairableFrom: "2026-10-01",
    })
    .returning({ id: penalties.id });
  fx.penalty = penalty!.id;
  const [repair] = await db
    .insert(creditRepairs)
    .values({
      penaltyId: fx.penalty,
      businessId: fx.business,
      regionCode: DISTRICT_A,
      status: "pending",
      statement: "已整改",
      evidenceFileIds: [],
    })
    .returning({ id: creditRepairs.id });
  fx.creditRepair = repair!.id;
  const [plan] = await db
    .insert(supervisionPlans)
    .values({ regionCode: DISTRICT_A, period: "2026-11", model: "zhenhai", modelVersion: "1" })
    .returning({ id: supervisionPlans.id });
  fx.plan = plan!.id;
  const approver = await db.query.users.findFirst({
    where: (u, { eq: is }) => is(u.username, usernames.approver),
  });
  const [job] = await db
    .insert(importJobs)
    .values({ fileSha256: "0".repeat(64), fileName: "legacy.csv", status: "done", createdBy: approver!.id })
    .returning({ id: importJobs.id });
  fx.importJob = job!.id;
  const [rating] = await db
    .insert(ratings)
    .values({
      storeId: fx.store,
      stars: 2,
      deviceHash: "1".repeat(64),
      ratedOn: "2026-11-01",
      moderation: "pending",
    })
    .returning({ id: ratings.id });
  fx.rating = rating!.id;
  const volunteer = await db.query.users.findFirst({
    where: (u, { eq: is }) => is(u.username, usernames.volunteer),
  });
  await db.insert(volunteers).values({ userId: volunteer!.id, status: "pending" });
  fx.volunteer = volunteer!.id;
  const [letter] = await db
    .insert(commitmentLetters)
    .values({
      storeId: fx.store,
      businessId: fx.business,
      regionCode: DISTRICT_A,
      template: "xiangshan",
      templateVersion: "1",
      items: [],
      signerName: "李四",
    })
    .returning({ id: commitmentLetters.id });
  fx.commitment = letter!.id;
  const [device] = await db
    .insert(devices)
    .values({
      storeId: fx.store,
      regionCode: DISTRICT_A,
      kind: "scale",
      name: "秤 1",
      publicKey: "A".repeat(43),
      status: "active",
    })
    .returning({ id: devices.id });
  fx.device = device!.id;
  // — step 11: recalls — two batches of store A: one to recall (the route's control), one with an open recall.
  const batchRows = await db
    .insert(productionBatches)
    .values(
      [1, 2].map((n) => ({
        storeId: fx.store!,
        regionCode: DISTRICT_A,
        batchNumber: `AM-${n}`,
        product: "卤猪耳",
        producedAt: new Date(),
      })),
    )
    .returning({ id: productionBatches.id });
  fx.batch = batchRows[0]!.id;
  const [openRecall] = await db
    .insert(recalls)
    .values({
      batchId: batchRows[1]!.id,
      storeId: fx.store!,
      regionCode: DISTRICT_A,
      reason: "抽检不合格",
      status: "open",
    })
    .returning({ id: recalls.id });
  fx.recall = openRecall!.id;
  // A camera with a playlist (read by the 阳光电子屏 and online-patrol pages); feeds are managed only by the
  // smart-kitchen routes, which use kitchenFeed2 below (the step-9 portal feed routes were removed).
  await db
    .insert(kitchenFeeds)
    .values({ storeId: fx.store, name: "后厨", hlsUrl: "https://video.example.cn/a.m3u8" });
  const [kitchenFeed] = await db
    .insert(kitchenFeeds)
    .values({ storeId: fx.store, name: "后厨 2" })
    .returning({ id: kitchenFeeds.id });
  fx.kitchenFeed2 = kitchenFeed!.id;
  const jpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#888" } })
    .jpeg()
    .toBuffer();
  const snapshotSha256 = await localFileStore(path.join(dataDir, "snapshots")).put(jpeg);
  // 明厨亮灶 (step 10): a camera of store A, one snapshot and one event it sent.
  const [camera] = await db
    .insert(kitchenDevices)
    .values({
      storeId: fx.store,
      regionCode: DISTRICT_A,
      kind: "ai_camera",
      name: "后厨摄像头",
      keyHash: "2".repeat(64),
      status: "active",
    })
    .returning({ id: kitchenDevices.id });
  fx.kitchenDevice = camera!.id;
  const [snapshot] = await db
    .insert(kitchenSnapshots)
    .values({
      storeId: fx.store,
      regionCode: DISTRICT_A,
      sha256: snapshotSha256,
      bytes: jpeg.length,
      takenAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    .returning({ id: kitchenSnapshots.id });
  fx.kitchenSnapshot = snapshot!.id;
  const [event] = await db
    .insert(kitchenEvents)
    .values({
      deviceId: fx.kitchenDevice,
      eventId: "evt-1",
      storeId: fx.store,
      regionCode: DISTRICT_A,
      type: "no_hat",
      at: new Date(),
    })
    .returning({ id: kitchenEvents.id });
  fx.kitchenEvent = event!.id;
  const [sanction] = await db
    .insert(sanctionProposals)
    .values({
      storeId: fx.store,
      regionCode: DISTRICT_A,
      kind: "suspension",
      year: 2026,
      pointsDeducted: 12,
      status: "proposed",
    })
    .returning({ id: sanctionProposals.id });
  fx.sanction = sanction!.id;
  const [report] = await db
    .insert(statisticsReports)
    .values({
      kind: "monthly",
      period: "2026-10",
      regionCode: DISTRICT_A,
      figures: {},
      xlsxFileId: fx.file,
      pdfFileId: fx.file,
      generatedAt: new Date(),
    })
    .returning({ id: statisticsReports.id });
  fx.report = report!.id;
  // A bank of district A that business A consented to refer it to (seed 001).
  const [bank] = await db
    .insert(bankPartners)
    .values({ name: "天河农商银行", regionCode: DISTRICT_A })
    .returning({ id: bankPartners.id });
  fx.bankPartner = bank!.id;
  await db.insert(referralConsents).values({ businessId: fx.business, bankPartnerId: fx.bankPartner });
  // Two authorizations by business A: one the revoke route may end, one for the authorized partner.
  const [authorization] = await db
    .insert(partnerAuthorizations)
    .values([
      {
        businessId: fx.business,
        apiClientId: apiClientIds.get("verify")!,
        validUntil: new Date(Date.now() + 86_400_000),
      },
      {
        businessId: fx.business,
        apiClientId: authorizedPartner.id,
        validUntil: new Date(Date.now() + 86_400_000),
      },
    ])
    .returning({ id: partnerAuthorizations.id });
  fx.partnerAuthorization = authorization!.id;
  // — step 11: misuse detection — a platform shop of district A with an open flag for the decision route.
  const [platformShop] = await db
    .insert(platformShops)
    .values({
      apiClientId: apiClientIds.get("verify")!,
      platformShopId: "MT-MATRIX-1",
      shopName: "借证小吃",
      shopAddress: "广州市天河区天河路1号",
      licenseNumber: fx.licenseNo!,
    })
    .returning({ id: platformShops.id });
  const [misuseFlag] = await db
    .insert(misuseFlags)
    .values({
      apiClientId: apiClientIds.get("verify")!,
      platformShopRowId: platformShop!.id,
      licenseNumber: fx.licenseNo!,
      regionCode: DISTRICT_A,
      kind: "name_mismatch",
      evidence: { reason: "names_differ" },
      status: "open",
    })
    .returning({ id: misuseFlags.id });
  fx.misuseFlag = misuseFlag!.id;
  authorizedPartnerClient = apiKeyClient(authorizedPartner.key);
}, 120_000);
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function routes(): PolicyRoute[] {
  return policyRoutes(t.app.routeTable);
}

// —— 1. route × caller ——

/**
 * Routes whose allowed call would end the caller's session: each allowed caller uses a fresh session for them,
 * so the rest of the matrix keeps its sessions. (POST /api/v1/auth/password is not one: its `{}` body fails
 * validation with 400, so no password changes and no other session ends.)
 */
const SESSION_ENDING = new Set(["POST /api/v1/auth/logout"]);

/**
 * Public routes are called once per way of authenticating (none, session cookie, API key): http/auth.ts lets every
 * caller in and never looks at the role, so the other roles would only repeat the same path (and the time).
 */
const PUBLIC_ROUTE_CALLERS = new Set(["anonymous", "business_owner", "api:verify"]);

describe("route × caller matrix (ASVS 4.1.3, 4.1.5, 13.1.4; 等保 8.1.4.2)", () => {
  it("every route declares a policy and every HEAD route shares its GET's policy", () => {
    expect(routes().filter((route) => !route.policy)).toEqual([]);
    const policyOf = new Map(routes().map((route) => [`${route.method} ${route.url}`, route.policy]));
    const heads = t.app.routeTable.filter((route) => [route.method].flat().includes("HEAD"));
    expect(heads.length).toBeGreaterThan(10);
    for (const head of heads.filter((route) => policyOf.has(`GET ${route.url}`)))
      expect({ url: head.url, policy: head.config?.policy }).toEqual({
        url: head.url,
        policy: policyOf.get(`GET ${head.url}`),
      });
  });

  it.each(CALLERS.map((caller) => [callerLabel(caller), caller] as const))(
    "as %s: refused callers get 401/403, allowed ones never do",
    async (_label, caller) => {
      const mismatches: string[] = [];
      let allowed = 0;
      for (const route of routes()) {
        const key = `${route.method} ${route.url}`;
        const expected = expectedOutcome(route.policy, caller);
        if (route.policy && "public" in route.policy && !PUBLIC_ROUTE_CALLERS.has(callerLabel(caller)))
          continue;
        let client = clientOf(caller);
        if (SESSION_ENDING.has(key) && expected === "allowed" && caller.kind === "user")
          client = await signIn(usernames[caller.role]);
        const response = await client.inject(request(route));
        const status = response.statusCode;
        const ok =
          expected === "unauthenticated"
            ? status === 401
            : expected === "forbidden"
              ? status === 403
              : status !== 401 && status !== 403;
        if (expected === "allowed") allowed += 1;
        if (!ok)
          mismatches.push(`${key}: expected ${expected}, got ${status} ${response.body.slice(0, 160)}`);
      }
      expect(mismatches).toEqual([]);
      expect(allowed).toBeGreaterThan(0);
    },
  );
});

// —— 2. jurisdiction (辖区) and business ownership ——

/** How to address a district-A record through each route with an id-like parameter. */
const BY_ID: Record<string, { params: Record<string, string>; body?: Record<string, unknown> }> = {};
/** Parameter routes left out of the jurisdiction test, each with the reason. */
const NOT_COVERED: Record<string, string> = {
  "GET /api/v1/partner/stores/:safetyCode/colour":
    "the 食安码 colour is public (shown on every shop door); partners read it without a business's authorization",
};

function defineById() {
  const app = { id: fx.application! };
  const store = { id: fx.store! };
  const licenceNo = { licenseNo: fx.licenseNo! };
  Object.assign(BY_ID, {
    "GET /api/v1/applications/:id": { params: app },
    "POST /api/v1/applications/:id/materials": {
      params: app,
      body: { code: "business_licence", fileId: fx.outsiderFile },
    },
    "POST /api/v1/applications/:id/submit": { params: app },
    "POST /api/v1/applications/:id/withdraw": { params: app },
    "POST /api/v1/applications/:id/accept": { params: app },
    "POST /api/v1/applications/:id/return": { params: app, body: { reasons: "材料不全" } },
    "POST /api/v1/applications/:id/onsite-schedule": {
      params: app,
      body: { scheduledAt: new Date().toISOString() },
    },
    "POST /api/v1/applications/:id/onsite-record": {
      params: app,
      body: { results: [{ code: "premises", result: "pass" }], photoFileIds: [], applicantSigned: true },
    },
    "POST /api/v1/applications/:id/review": {
      params: app,
      body: { outcome: "pass", opinion: "符合许可条件" },
    },
    "POST /api/v1/applications/:id/decide": { params: app, body: { decision: "approve" } },
    "GET /api/v1/licenses/:id": { params: { id: fx.license! } },
    "POST /api/v1/licenses/:id/status": {
      params: { id: fx.license! },
      body: { status: "suspended", reason: "整改期间暂停" },
    },
    "GET /api/v1/certificates/:licenseNo": { params: licenceNo },
    "GET /api/v1/certificates/:licenseNo/certificate.pdf": { params: licenceNo },
    "GET /api/v1/certificates/:licenseNo/certificate.ofd": { params: licenceNo },
    "GET /api/v1/partner/certificates/:licenseNo": { params: licenceNo },
    "GET /api/v1/partner/certificates/:licenseNo/certificate.pdf": { params: licenceNo },
    "POST /api/v1/partner-authorizations/:id/revoke": { params: { id: fx.partnerAuthorization! } },
    "GET /api/v1/stores/:id": { params: store },
    "GET /api/v1/stores/:id/staff": { params: store },
    "POST /api/v1/stores/:id/staff": {
      params: store,
      body: {
        name: "王五",
        healthCertificateNo: "HC20270101",
        healthCertificateIssuer: "天河区疾控中心",
        healthCertificateValidTo: "2027-09-30",
      },
    },
    "GET /api/v1/businesses/:id": { params: { id: fx.business! } },
    "GET /api/v1/files/:id": { params: { id: fx.file! } },
    "GET /api/v1/complaints/:id": { params: { id: fx.complaints! } },
    "GET /api/v1/complaints/:id/inspectors": { params: { id: fx.complaints! } },
    "GET /api/v1/complaints/:id/photos/:fileId/thumbnail": {
      params: { id: fx.complaints!, fileId: fx.photo! },
    },
    "POST /api/v1/complaints/:id/acknowledge": { params: { id: fx.complaints! } },
    "POST /api/v1/complaints/:id/assign": { params: { id: fx.complaints! }, body: { inspectorId: ZERO_ID } },
    "POST /api/v1/complaints/:id/close": {
      params: { id: fx.complaints! },
      body: { reply: "已核查处理", upheld: true },
    },
    "GET /api/v1/imports/:jobId": { params: { jobId: fx.importJob! } },
    "GET /api/v1/imports/:jobId/errors": { params: { jobId: fx.importJob! } },
    "POST /api/v1/ratings/:id/moderate": { params: { id: fx.rating! }, body: { decision: "approve" } },
    "POST /api/v1/volunteers/:userId/approve": { params: { userId: fx.volunteer! } },
    "GET /api/v1/rectifications/:id": { params: { id: fx.rectifications! } },
    "POST /api/v1/rectifications/:id/reply": {
      params: { id: fx.rectifications! },
      body: { reply: "已清理过期食品", evidenceFileIds: [fx.photo] },
    },
    "POST /api/v1/rectifications/:id/accept": { params: { id: fx.rectifications! } },
    "POST /api/v1/rectifications/:id/reopen": {
      params: { id: fx.rectifications! },
      body: { reason: "仍未整改" },
    },
    "POST /api/v1/stores/:id/self-checks": {
      params: store,
      body: { checkedOn: "2026-11-02", results: [{ code: "premises_clean", result: "pass" }] },
    },
    "GET /api/v1/stores/:id/self-checks": { params: store },
    "POST /api/v1/lists/:id/withdraw": { params: { id: fx.listEntries! }, body: { reason: "已整改" } },
    "GET /api/v1/stores/:id/grades": { params: store },
    "GET /api/v1/supervision/plans/:id/items": { params: { id: fx.plan! } },
    "GET /api/v1/alerts/:id": { params: { id: fx.alerts! } },
    "POST /api/v1/alerts/:id/close": { params: { id: fx.alerts! }, body: { note: "已核查" } },
    "POST /api/v1/portal/alerts/:id/response": { params: { id: fx.alerts! }, body: { text: "已更新健康证" } },
    "GET /api/v1/penalties/:id/decision.pdf": { params: { id: fx.penalty! } },
    "GET /api/v1/penalties/:id/repair-notice.pdf": { params: { id: fx.penalty! } },
    "POST /api/v1/credit-repairs/:id/decision": {
      params: { id: fx.creditRepair! },
      body: { approve: true, note: "符合修复条件" },
    },
    "POST /api/v1/dishonesty/:id/remove": { params: { id: fx.dishonesty! }, body: { reason: "期满" } },
    "POST /api/v1/commitments/:id/breaches": {
      params: { id: fx.commitment! },
      body: { itemCode: "no_expired_food", source: "officer", note: "发现过期食品" },
    },
    "DELETE /api/v1/portal/devices/:id": { params: { id: fx.device! } },
    "POST /api/v1/sanctions/:id/decision": {
      params: { id: fx.sanction! },
      body: { approve: true, note: "同意" },
    },
    "GET /api/v1/reports/:id/report.xlsx": { params: { id: fx.report! } },
    "GET /api/v1/reports/:id/report.pdf": { params: { id: fx.report! } },
    "POST /api/v1/volunteers/:userId/assignments": {
      params: { userId: fx.volunteer! },
      body: { storeIds: [fx.store] },
    },
    "DELETE /api/v1/portal/referral-consents/:bankPartnerId": { params: { bankPartnerId: fx.bankPartner! } },
    "GET /api/v1/bank-partners/:id/referrals.xlsx": { params: { id: fx.bankPartner! } },
    "GET /api/v1/bank-partners/:id/referrals.csv": { params: { id: fx.bankPartner! } },
    "GET /api/v1/online-patrols/stores/:storeId": { params: { storeId: fx.store! } },
    "POST /api/v1/stores/:storeId/kitchen/feeds": { params: { storeId: fx.store! }, body: { name: "前厅" } },
    "GET /api/v1/stores/:storeId/kitchen/feeds": { params: { storeId: fx.store! } },
    "POST /api/v1/kitchen/feeds/:id/snapshot-key": { params: { id: fx.kitchenFeed2! } },
    "DELETE /api/v1/kitchen/feeds/:id": { params: { id: fx.kitchenFeed2! } },
    "POST /api/v1/stores/:storeId/kitchen/devices": {
      params: { storeId: fx.store! },
      body: { kind: "iot_sensor", name: "冷库温度计" },
    },
    "GET /api/v1/stores/:storeId/kitchen/devices": { params: { storeId: fx.store! } },
    "POST /api/v1/kitchen/devices/:id/revoke": { params: { id: fx.kitchenDevice! } },
    "GET /api/v1/stores/:storeId/kitchen/snapshots": { params: { storeId: fx.store! } },
    "GET /api/v1/kitchen/snapshots/:id/image": { params: { id: fx.kitchenSnapshot! } },
    "GET /api/v1/stores/:storeId/kitchen/events": { params: { storeId: fx.store! } },
    "POST /api/v1/stores/:storeId/kitchen/events/:id/response": {
      params: { storeId: fx.store!, id: fx.kitchenEvent! },
      body: { text: "已提醒戴帽" },
    },
    // — step 11: recalls —
    "POST /api/v1/batches/:batchId/recall": {
      params: { batchId: fx.batch! },
      body: { reason: "抽检不合格" },
    },
    "POST /api/v1/recalls/:id/close": { params: { id: fx.recall! }, body: { note: "已全部下架" } },
    // — step 11: misuse detection —
    "POST /api/v1/misuse-flags/:id/decision": {
      params: { id: fx.misuseFlag! },
      body: { decision: "dismiss", note: "核查排除" },
    },
  });
}

/**
 * Non-public routes with an id-like path parameter. Public routes (scan and verify pages, open data, the web shell)
 * have no jurisdiction by design: anyone may call them, and what they publish is checked by their own modules'
 * tests (SECURITY.md #15, #16).
 */
function paramRoutes(): PolicyRoute[] {
  return routes().filter((route) => /[:*]/.test(route.url) && route.policy && !("public" in route.policy));
}

describe("jurisdiction: records of district A (ASVS 4.2.1; 等保 8.1.4.2; records outside 辖区 answer 404)", () => {
  it("every route with an id parameter is covered or listed with a reason", () => {
    defineById();
    const missing = paramRoutes()
      .map((route) => `${route.method} ${route.url}`)
      .filter((key) => !(key in BY_ID) && !(key in NOT_COVERED));
    expect(missing).toEqual([]);
    const stale = [...Object.keys(BY_ID), ...Object.keys(NOT_COVERED)].filter(
      (key) => !paramRoutes().some((route) => `${route.method} ${route.url}` === key),
    );
    expect(stale).toEqual([]);
  });

  it("officers of another district and another business's owner get 404 by id; the district's own callers do not", async () => {
    defineById();
    const mismatches: string[] = [];
    const inDistrict: [PolicyRoute, Client, string][] = [];
    for (const route of paramRoutes()) {
      const key = `${route.method} ${route.url}`;
      const target = BY_ID[key];
      if (!target) continue;
      const policy = route.policy!;
      const options = request(route, target.params, target.body);
      const callers: [string, Client][] = [];
      if ("roles" in policy && policy.roles) {
        for (const role of policy.roles) {
          const outsider = outsiders.get(role);
          if (outsider) callers.push([`${role} of ${DISTRICT_B}`, outsider]);
        }
        const ownRole = policy.roles.find((role) => role !== "admin") ?? policy.roles[0]!;
        inDistrict.push([route, clients.get(ownRole)!, ownRole]);
      }
      if ("apiScopes" in policy && policy.apiScopes?.includes("certificates:read")) {
        // A partner without the business's authorization is an outsider too.
        callers.push(["partner without authorization", apiKeyClient(apiKeys.get("certificates:read")!)]);
        inDistrict.push([route, authorizedPartnerClient, "authorized partner"]);
      }
      expect(callers.length, key).toBeGreaterThan(0);
      for (const [who, client] of callers) {
        const response = await client.inject(options);
        if (response.statusCode !== 404)
          mismatches.push(`${key} as ${who}: ${response.statusCode} ${response.body.slice(0, 160)}`);
      }
    }
    // Controls, after every outsider call (some change state): the record exists and the district sees it.
    for (const [route, client, role] of inDistrict) {
      const key = `${route.method} ${route.url}`;
      const target = BY_ID[key]!;
      const response = await client.inject(request(route, target.params, target.body));
      if (response.statusCode === 404 || response.statusCode === 401 || response.statusCode === 403)
        mismatches.push(
          `control ${key} as ${role} of ${DISTRICT_A}: ${response.statusCode} ${response.body.slice(0, 160)}`,
        );
    }
    expect(mismatches).toEqual([]);
  });
});

// —— 3. the matrix in docs/security.md ——

describe("docs/security.md route matrix", () => {
  it("holds the current route × caller table between the route-matrix markers", () => {
    const table = renderRouteMatrix(t.app.routeTable as readonly RouteOptions[]);
    const document = fs.readFileSync(SECURITY_DOC, "utf8");
    if (process.env.UPDATE_ROUTE_MATRIX === "1") {
      fs.writeFileSync(SECURITY_DOC, replaceMatrixSection(document, table));
      return;
    }
    expect(
      matrixSection(document),
      "docs/security.md is out of date: run UPDATE_ROUTE_MATRIX=1 npx vitest run packages/server/src/http/authorization-matrix.test.ts",
    ).toBe(table);
  });
});

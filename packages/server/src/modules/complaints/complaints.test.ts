import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, complaints, files, safetyCodes, tasks } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { multipartForm, type Part } from "../../test/uploads.js";
import { openSecret } from "../keys/secret-box.js";
import { escalateOverdueComplaints } from "./escalation.js";
import { phoneContext } from "./service.js";

// Citizen complaints: SECURITY.md #10 (uploads), #15 (masking), #16 (no identifiers in public replies), #1 (jurisdiction).

const PHONE = "13812345678";
const MASKED = "138****5678";

let t: TestApp;
let dataDir: string;
let inspector: Session;
let fenghuaInspector: Session;
let zhenhaiInspector: Session;
let inspectorId: string;
let zhenhaiInspectorId: string;
let tianheCode: string;
let zhenhaiCode: string;

/** A multipart/form-data body with any fields and files. */
const form = (parts: Part[]) => multipartForm(parts, "----shian-complaint-boundary");

async function jpegWithExif() {
  return sharp({ create: { width: 16, height: 16, channels: 3, background: "#0a0" } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "secret-exif-marker" } })
    .toBuffer();
}

function fields(code: string, extra: Part[] = []): Part[] {
  return [
    { name: "storeCode", value: code },
    { name: "category", value: "foreign_object" },
    { name: "description", value: "汤里有一根头发" },
    ...extra,
  ];
}

async function fileComplaint(code: string, extra: Part[] = []) {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/v1/public/complaints",
    ...form(fields(code, extra)),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; trackingToken: string };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

async function counts() {
  const db = t.database.db;
  const [c] = await db.select({ n: count() }).from(complaints);
  const [f] = await db.select({ n: count() }).from(files);
  return { complaints: c!.n, files: f!.n, stored: listFiles(path.join(dataDir, "files")).length };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shian-complaints-"));
  t = await createTestApp({ DATA_DIR: dataDir, COMPLAINT_RATE_LIMIT: "1000" });
  const db = t.database.db;
  const tianhe = await makeStore(db, "440106");
  const zhenhai = await makeStore(db, "330211");
  tianheCode = "TH0001AB";
  zhenhaiCode = "ZH0001AB";
  await db.insert(safetyCodes).values([
    { code: tianheCode, storeId: tianhe.store.id },
    { code: zhenhaiCode, storeId: zhenhai.store.id },
  ]);
  inspectorId = (await makeUser(db, { role: "inspector", regionCode: "440106", username: "c-inspector" })).id;
  await makeUser(db, { role: "inspector", regionCode: "330213", username: "c-fenghua" });
  zhenhaiInspectorId = (
    await makeUser(db, { role: "inspector", regionCode: "330211", username: "c-zhenhai" })
  ).id;
  inspector = await loginAs(t.app, "c-inspector", TEST_PASSWORD);
  fenghuaInspector = await loginAs(t.app, "c-fenghua", TEST_PASSWORD);
  zhenhaiInspector = await loginAs(t.app, "c-zhenhai", TEST_PASSWORD);
});

afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("filing a complaint", () => {
  it("accepts a complaint with a photo: 201, routed to the store's district, EXIF-free copy, officers read it", async () => {
    const photo = await jpegWithExif();
    const { id, trackingToken } = await fileComplaint(tianheCode, [
      { name: "photos", filename: "soup.jpg", type: "image/jpeg", bytes: photo },
    ]);
    expect(trackingToken.length).toBeGreaterThanOrEqual(32);
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row!.regionCode).toBe("440106");
    expect(row!.trackingTokenHash).not.toContain(trackingToken);
    const detail = await inspector.inject({ url: `/api/v1/complaints/${id}` });
    expect(detail.statusCode).toBe(200);
    const fileId = (detail.json() as { photoFileIds: string[] }).photoFileIds[0]!;
    const original = await inspector.inject({ url: `/api/v1/files/${fileId}` });
    expect(original.statusCode).toBe(200);
    expect(original.headers["content-type"]).toBe("image/jpeg");
    const [file] = await t.database.db.select().from(files).where(eq(files.id, fileId));
    expect(file!.regionCode).toBe("440106");
    const thumbnail = await inspector.inject({ url: `/api/v1/complaints/${id}/photos/${fileId}/thumbnail` });
    expect(thumbnail.statusCode).toBe(200);
    expect(thumbnail.headers["content-type"]).toBe("image/webp");
    expect(thumbnail.rawPayload.includes("secret-exif-marker")).toBe(false);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit.map((a) => a.action)).toEqual(["complaint.create"]);
  });

  it("routes a complaint by location to the given county", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/complaints",
      ...form([
        { name: "lat", value: "29.95" },
        { name: "lng", value: "121.71" },
        { name: "regionCode", value: "330211" },
        { name: "category", value: "hygiene" },
        { name: "description", value: "路边摊卫生差" },
      ]),
    });
    expect(response.statusCode).toBe(201);
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, response.json().id));
    expect(row!.regionCode).toBe("330211");
    expect(row!.storeId).toBeNull();
  });

  it("refuses a non-image renamed .jpg with 415 and stores nothing", async () => {
    const before = await counts();
    const good = await jpegWithExif();
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/complaints",
      ...form(
        fields(tianheCode, [
          { name: "photos", filename: "ok.jpg", type: "image/jpeg", bytes: good },
          {
            name: "photos",
            filename: "evil.jpg",
            type: "image/jpeg",
            bytes: Buffer.from("<html><script>alert(1)</script></html>"),
          },
        ]),
      ),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().type).toBe("urn:shian:problem:unsupported_file_type");
    expect(await counts()).toEqual(before);
  });

  it("refuses a PDF as a complaint photo (images only)", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/complaints",
      ...form(fields(tianheCode, [{ name: "photos", filename: "a.jpg", type: "image/jpeg", bytes: pdf }])),
    });
    expect(response.statusCode).toBe(415);
  });

  it("refuses a 20 MB photo with 413 and stores nothing", async () => {
    const before = await counts();
    const big = Buffer.concat([await jpegWithExif(), Buffer.alloc(20 * 1024 * 1024)]);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/complaints",
      ...form(fields(tianheCode, [{ name: "photos", filename: "big.jpg", type: "image/jpeg", bytes: big }])),
    });
    expect(response.statusCode).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("refuses an unknown category, a bad phone and an unknown 食安码", async () => {
    const badCategory = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/complaints",
      ...form([
        { name: "storeCode", value: tianheCode },
        { name: "category", value: "aliens" },
        { name: "description", value: "x" },
      ]),
    });
    expect(badCategory.statusCode).toBe(400);
    const badPhone = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/complaints",
      ...form(fields(tianheCode, [{ name: "contactPhone", value: "12345" }])),
    });
    expect(badPhone.statusCode).toBe(400);
    const unknown = await t.app.inject({
      method: "POST",
      url: "/api/v1/public/complaints",
      ...form(fields("NOPE0000")),
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("rate-limits filing tighter than the public budget", async () => {
    const limited = await createTestApp({ COMPLAINT_RATE_LIMIT: "2" });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await limited.app.inject({
          method: "POST",
          url: "/api/v1/public/complaints",
          ...form(fields("NOPE0000")),
        });
        statuses.push(response.statusCode);
      }
      expect(statuses).toEqual([404, 404, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe("tracking", () => {
  it("shows status to the token holder; a wrong token is 404; the HTML page works without JS", async () => {
    const { id, trackingToken } = await fileComplaint(tianheCode);
    const ok = await t.app.inject({ url: `/api/v1/public/complaints/${id}?token=${trackingToken}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ id, status: "received", category: "foreign_object", reply: null });
    const wrong = await t.app.inject({ url: `/api/v1/public/complaints/${id}?token=${trackingToken}x` });
    expect(wrong.statusCode).toBe(404);
    const page = await t.app.inject({ url: `/complaints/${id}?token=${trackingToken}&lang=en` });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("Received");
    expect((await t.app.inject({ url: `/complaints/${id}?token=nope` })).statusCode).toBe(404);
  });

  it("files through the no-JS form and answers with a tracking link", async () => {
    const formPage = await t.app.inject({ url: `/s/${tianheCode}/complaint` });
    expect(formPage.statusCode).toBe(200);
    expect(formPage.body).toContain('enctype="multipart/form-data"');
    const response = await t.app.inject({
      method: "POST",
      url: `/s/${tianheCode}/complaint?lang=en`,
      ...form([
        { name: "category", value: "hygiene" },
        { name: "description", value: "<script>alert(1)</script>" },
        { name: "photos", filename: "", type: "application/octet-stream", bytes: Buffer.alloc(0) },
      ]),
    });
    expect(response.statusCode).toBe(201);
    const link = /href="(\/complaints\/[^"]+)"/.exec(response.body)?.[1]?.replaceAll("&amp;", "&");
    expect(link).toBeDefined();
    expect((await t.app.inject({ url: link! })).statusCode).toBe(200);
    const refused = await t.app.inject({
      method: "POST",
      url: `/s/${tianheCode}/complaint`,
      ...form([
        { name: "category", value: "hygiene" },
        { name: "description", value: "x" },
        { name: "photos", filename: "a.jpg", type: "image/jpeg", bytes: Buffer.from("not an image") },
      ]),
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.headers["content-type"]).toContain("text/html");
  });
});

describe("officers", () => {
  it("a Fenghua inspector cannot see a Zhenhai complaint (404), nor act on it", async () => {
    const { id } = await fileComplaint(zhenhaiCode);
    expect((await fenghuaInspector.inject({ url: `/api/v1/complaints/${id}` })).statusCode).toBe(404);
    expect(
      (await fenghuaInspector.inject({ method: "POST", url: `/api/v1/complaints/${id}/acknowledge` }))
        .statusCode,
    ).toBe(404);
    const queue = await fenghuaInspector.inject({ url: "/api/v1/complaints" });
    expect((queue.json() as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain(id);
    expect((await zhenhaiInspector.inject({ url: `/api/v1/complaints/${id}` })).statusCode).toBe(200);
  });

  it("acknowledge → assign → close, each audited; invalid transitions are 409; the reply reaches the complainant", async () => {
    const { id, trackingToken } = await fileComplaint(tianheCode);
    const closeEarly = await inspector.inject({
      method: "POST",
      url: `/api/v1/complaints/${id}/close`,
      payload: { reply: "x", upheld: false },
    });
    expect(closeEarly.statusCode).toBe(409);
    const ack = await inspector.inject({ method: "POST", url: `/api/v1/complaints/${id}/acknowledge` });
    expect(ack.statusCode).toBe(200);
    expect(ack.json().status).toBe("acknowledged");
    expect(
      (await inspector.inject({ method: "POST", url: `/api/v1/complaints/${id}/acknowledge` })).statusCode,
    ).toBe(409);
    const choices = await inspector.inject({ url: `/api/v1/complaints/${id}/inspectors` });
    expect((choices.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(inspectorId);
    const wrongInspector = await inspector.inject({
      method: "POST",
      url: `/api/v1/complaints/${id}/assign`,
      payload: { inspectorId: zhenhaiInspectorId },
    });
    expect(wrongInspector.statusCode).toBe(422);
    const assign = await inspector.inject({
      method: "POST",
      url: `/api/v1/complaints/${id}/assign`,
      payload: { inspectorId },
    });
    expect(assign.statusCode).toBe(200);
    expect(assign.json()).toMatchObject({ status: "assigned", assignedTo: inspectorId });
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, id));
    const taskRows = await t.database.db.select().from(tasks).where(eq(tasks.kind, "complaint_inspection"));
    expect(taskRows.some((task) => task.dueAt.getTime() === row!.closeBy.getTime())).toBe(true);
    const mine = await inspector.inject({ url: "/api/v1/complaints?mine=true" });
    expect((mine.json() as { items: { id: string }[] }).items.map((i) => i.id)).toContain(id);
    const close = await inspector.inject({
      method: "POST",
      url: `/api/v1/complaints/${id}/close`,
      payload: { reply: "已现场检查，责令整改。", upheld: true },
    });
    expect(close.statusCode).toBe(200);
    expect(close.json().status).toBe("closed");
    expect(
      (
        await inspector.inject({
          method: "POST",
          url: `/api/v1/complaints/${id}/close`,
          payload: { reply: "again", upheld: true },
        })
      ).statusCode,
    ).toBe(409);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit.map((a) => a.action)).toEqual([
      "complaint.create",
      "complaint.acknowledge",
      "complaint.assign",
      "complaint.close",
    ]);
    expect(audit.every((a) => a.outcome === "success")).toBe(true);
    expect(audit[1]!.actorId).toBe(inspectorId);
    const tracked = await t.app.inject({ url: `/api/v1/public/complaints/${id}?token=${trackingToken}` });
    expect(tracked.json()).toMatchObject({ status: "closed", reply: "已现场检查，责令整改。", upheld: true });
    expect(tracked.json().acknowledgedAt).not.toBeNull();
    expect(tracked.body).not.toContain("c-inspector");
    expect(tracked.body).not.toContain("inspector ");
  });

  it("escalates complaints past their deadlines once, audited, and lists overdue first", async () => {
    const { id } = await fileComplaint(tianheCode);
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, id));
    const later = new Date(row!.acknowledgeBy.getTime() + 60_000);
    const escalated = await escalateOverdueComplaints(t.database.db, later);
    expect(escalated).toBeGreaterThanOrEqual(1);
    const [after] = await t.database.db.select().from(complaints).where(eq(complaints.id, id));
    expect(after!.escalatedAt?.getTime()).toBe(later.getTime());
    expect(await escalateOverdueComplaints(t.database.db, later)).toBe(0);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(audit.map((a) => a.action)).toContain("complaint.escalate");
    expect(audit.find((a) => a.action === "complaint.escalate")!.after).toMatchObject({
      reason: "acknowledge_overdue",
    });
    const queue = await inspector.inject({ url: "/api/v1/complaints" });
    const items = (queue.json() as { items: { id: string; escalatedAt: string | null }[] }).items;
    expect(items.find((i) => i.id === id)?.escalatedAt).not.toBeNull();
  });

  it("never shows the phone unmasked; it is sealed at rest", async () => {
    const { id, trackingToken } = await fileComplaint(tianheCode, [{ name: "contactPhone", value: PHONE }]);
    const replies = [
      await t.app.inject({ url: `/api/v1/public/complaints/${id}?token=${trackingToken}` }),
      await t.app.inject({ url: `/complaints/${id}?token=${trackingToken}` }),
      await inspector.inject({ url: "/api/v1/complaints" }),
      await inspector.inject({ url: `/api/v1/complaints/${id}` }),
      await inspector.inject({ method: "POST", url: `/api/v1/complaints/${id}/acknowledge` }),
    ];
    for (const reply of replies) {
      expect(reply.statusCode).toBe(200);
      expect(reply.body).not.toContain(PHONE);
    }
    expect(replies[3]!.json().contactPhone).toBe(MASKED);
    expect(replies[0]!.body).not.toContain(MASKED);
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, id));
    expect(row!.contactPhoneSealed).not.toContain(PHONE);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, id));
    expect(JSON.stringify(audit)).not.toContain(PHONE);
    const passphrase = fs.readFileSync(path.join(dataDir, "signing-passphrase"), "utf8").trim();
    expect(openSecret({ passphrase }, row!.contactPhoneSealed!, phoneContext(id)).toString()).toBe(PHONE);
  });
});

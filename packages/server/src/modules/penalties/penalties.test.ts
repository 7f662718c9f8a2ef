import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { chinaDate } from "@shian/domain";
import { and, eq, isNull } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dishonestyEntries, inboxMessages, penalties } from "../../db/schema.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";

const run = promisify(execFile);
const hasPdftotext = await run("which", ["pdftotext"]).then(
  () => true,
  () => false,
);

let t: TestApp;
let rizhao: Awaited<ReturnType<typeof makeStore>>;
let zhenhai: Awaited<ReturnType<typeof makeStore>>;
let inspector: Session;
let outsider: Session;
let owner: Session;
let otherOwner: Session;

beforeAll(async () => {
  t = await createTestApp();
  rizhao = await makeStore(t.database.db, "371102");
  zhenhai = await makeStore(t.database.db, "330211");
  await makeUser(t.database.db, { role: "inspector", regionCode: "371102", username: "rz-inspector" });
  await makeUser(t.database.db, { role: "inspector", regionCode: "330211", username: "zh-inspector" });
  await makeUser(t.database.db, {
    role: "business_owner",
    regionCode: "371102",
    username: "rz-owner",
    businessId: rizhao.businessId,
  });
  await makeUser(t.database.db, {
    role: "business_owner",
    regionCode: "330211",
    username: "zh-owner",
    businessId: zhenhai.businessId,
  });
  inspector = await loginAs(t.app, "rz-inspector", TEST_PASSWORD);
  outsider = await loginAs(t.app, "zh-inspector", TEST_PASSWORD);
  owner = await loginAs(t.app, "rz-owner", TEST_PASSWORD);
  otherOwner = await loginAs(t.app, "zh-owner", TEST_PASSWORD);
});
afterAll(() => t.close());

const penalty = (overrides: Record<string, unknown> = {}) => ({
  storeId: rizhao.store.id,
  decisionNumber: "日东市监处罚〔2026〕17号",
  decidedOn: "2026-03-02",
  violation: "经营超过保质期的食品",
  legalBasis: "《中华人民共和国食品安全法》第一百二十四条",
  fineYuan: 5000,
  severity: "general",
  ...overrides,
});

async function pdfText(bytes: Buffer): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), "shian-penalty-")), "doc.pdf");
  await writeFile(file, bytes);
  return (await run("pdftotext", [file, "-"])).stdout;
}

describe("penalties and 双书同达", () => {
  let id: string;

  it("seed 004 Rizhao 双书同达: recording a penalty produces the decision and the repair notice together", async () => {
    const response = await inspector.inject({
      method: "POST",
      url: "/api/v1/penalties",
      headers: { "idempotency-key": "penalty-0001" },
      payload: penalty(),
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    id = body.id;
    expect(body).toMatchObject({
      severity: "general",
      publicUntil: "2026-06-02",
      repairableFrom: "2026-06-02",
      documents: {
        decision: `/api/v1/penalties/${id}/decision.pdf`,
        repairNotice: `/api/v1/penalties/${id}/repair-notice.pdf`,
      },
    });
    expect((await auditActions(t.database.db, "penalty", id)).map((a) => a.action)).toEqual([
      "penalty.record",
    ]);

    const inbox = await t.database.db
      .select()
      .from(inboxMessages)
      .where(eq(inboxMessages.businessId, rizhao.businessId));
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.body).toContain(`/api/v1/penalties/${id}/decision.pdf`);
    expect(inbox[0]!.body).toContain(`/api/v1/penalties/${id}/repair-notice.pdf`);

    for (const [kind, title] of [
      ["decision", "行政处罚决定书"],
      ["repair-notice", "信用修复告知书"],
    ] as const) {
      for (const session of [inspector, owner]) {
        const pdf = await session.inject({ url: `/api/v1/penalties/${id}/${kind}.pdf` });
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers["content-type"]).toBe("application/pdf");
        expect(pdf.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
        const document = await PDFDocument.load(pdf.rawPayload);
        expect(document.getTitle()).toBe(
          `${title} ${kind === "decision" ? "" : "关于"}日东市监处罚〔2026〕17号`,
        );
        if (hasPdftotext) {
          const text = await pdfText(pdf.rawPayload);
          expect(text).toContain("日东市监处罚〔2026〕17号");
          expect(text).toContain(title);
        }
      }
    }
  });

  it("a retried POST with the same Idempotency-Key replays; a second recording of the number is 409", async () => {
    const again = await inspector.inject({
      method: "POST",
      url: "/api/v1/penalties",
      headers: { "idempotency-key": "penalty-0001" },
      payload: penalty(),
    });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(id);
    const duplicate = await inspector.inject({
      method: "POST",
      url: "/api/v1/penalties",
      payload: penalty(),
    });
    expect(duplicate.statusCode).toBe(409);
  });

  it("officers of another jurisdiction and other businesses get 404; a business cannot record", async () => {
    const outside = await outsider.inject({
      method: "POST",
      url: "/api/v1/penalties",
      payload: penalty({ decisionNumber: "X-1" }),
    });
    expect(outside.statusCode).toBe(404);
    expect((await outsider.inject({ url: `/api/v1/penalties/${id}/decision.pdf` })).statusCode).toBe(404);
    expect((await otherOwner.inject({ url: `/api/v1/penalties/${id}/repair-notice.pdf` })).statusCode).toBe(
      404,
    );
    expect(
      (
        await owner.inject({
          method: "POST",
          url: "/api/v1/penalties",
          payload: penalty({ decisionNumber: "X-2" }),
        })
      ).statusCode,
    ).toBe(403);
    expect((await outsider.inject({ url: "/api/v1/penalties" })).json().items).toEqual([]);
    expect((await otherOwner.inject({ url: "/api/v1/portal/penalties" })).json().items).toEqual([]);
    expect((await owner.inject({ url: "/api/v1/portal/penalties" })).json().items).toHaveLength(1);
  });

  it("a decision date in the future is refused", async () => {
    const tomorrow = chinaDate(new Date(Date.now() + 2 * 86_400_000));
    const response = await inspector.inject({
      method: "POST",
      url: "/api/v1/penalties",
      payload: penalty({ decisionNumber: "X-3", decidedOn: tomorrow }),
    });
    expect(response.statusCode).toBe(400);
  });

  it("a serious penalty lists the business on the serious-dishonesty list for 3 years; minor ones are not published", async () => {
    const serious = await inspector.inject({
      method: "POST",
      url: "/api/v1/penalties",
      payload: penalty({ decisionNumber: "日东市监处罚〔2026〕18号", severity: "serious", fineYuan: 200000 }),
    });
    expect(serious.json()).toMatchObject({ publicUntil: "2029-03-02", repairableFrom: "2027-03-02" });
    const entries = await t.database.db
      .select()
      .from(dishonestyEntries)
      .where(and(eq(dishonestyEntries.penaltyId, serious.json().id), isNull(dishonestyEntries.removedAt)));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      listedOn: "2026-03-02",
      until: "2029-03-02",
      businessId: rizhao.businessId,
    });
    expect(entries[0]!.legalBasis).toContain("严重违法失信名单管理办法");
    expect((await auditActions(t.database.db, "dishonesty_entry", entries[0]!.id))[0]!.action).toBe(
      "dishonesty.list",
    );

    const minor = await inspector.inject({
      method: "POST",
      url: "/api/v1/penalties",
      payload: penalty({
        decisionNumber: "日东市监处罚〔2026〕19号",
        severity: "minor",
        fineYuan: undefined,
      }),
    });
    expect(minor.json()).toMatchObject({
      publicUntil: "2026-03-02",
      repairableFrom: "2026-03-02",
      fineYuan: null,
    });
    const rows = await t.database.db.select().from(penalties).where(eq(penalties.storeId, rizhao.store.id));
    expect(rows).toHaveLength(3);
  });

  it("the officers' list pages with a cursor, newest first, and filters by store", async () => {
    const first = (
      await inspector.inject({ url: `/api/v1/penalties?store=${rizhao.store.id}&limit=2` })
    ).json();
    expect(first.items.map((p: { decisionNumber: string }) => p.decisionNumber)).toEqual([
      "日东市监处罚〔2026〕19号",
      "日东市监处罚〔2026〕18号",
    ]);
    const second = (
      await inspector.inject({ url: `/api/v1/penalties?limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items.map((p: { decisionNumber: string }) => p.decisionNumber)).toEqual([
      "日东市监处罚〔2026〕17号",
    ]);
    expect(second.nextCursor).toBeNull();
  });
});

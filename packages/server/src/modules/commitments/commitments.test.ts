import { createHash } from "node:crypto";
import { XIANGSHAN_2023, canonicalLetterText, chinaDate } from "@shian/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gradeHistory } from "../../db/schema.js";
import { TEST_PASSWORD, makeUser } from "../../test/factories.js";
import { licensedStore, type TestStore } from "../../test/grading-fixtures.js";
import { auditActions } from "../../test/inspection-fixtures.js";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { regradeStore } from "../credit/grading.js";
import { safetyCodeOfStore } from "../safety-code/service.js";

const XIANGSHAN = "330225";
const ZHENHAI = "330211";

let t: TestApp;
let braisedMeat: TestStore;
let zhenhaiSigned: TestStore;
let zhenhaiUnsigned: TestStore;
let owner: Session;
let otherOwner: Session;
let zhenhaiOwner: Session;
let inspector: Session;
let zhenhaiInspector: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  braisedMeat = await licensedStore(db, { regionCode: XIANGSHAN, subtype: "small_catering" });
  const other = await licensedStore(db, { regionCode: XIANGSHAN, subtype: "small_catering" });
  zhenhaiSigned = await licensedStore(db, { regionCode: ZHENHAI });
  zhenhaiUnsigned = await licensedStore(db, { regionCode: ZHENHAI });
  const users = [
    { username: "xs-owner", role: "business_owner", regionCode: null, businessId: braisedMeat.businessId },
    { username: "xs-other", role: "business_owner", regionCode: null, businessId: other.businessId },
    { username: "zh-owner", role: "business_owner", regionCode: null, businessId: zhenhaiSigned.businessId },
    { username: "xs-inspector", role: "inspector", regionCode: XIANGSHAN },
    { username: "zh-inspector", role: "inspector", regionCode: ZHENHAI },
  ] as const;
  for (const user of users) await makeUser(db, user);
  const login = (username: string) => loginAs(t.app, username, TEST_PASSWORD);
  owner = await login("xs-owner");
  otherOwner = await login("xs-other");
  zhenhaiOwner = await login("zh-owner");
  inspector = await login("xs-inspector");
  zhenhaiInspector = await login("zh-inspector");
}, 60_000);
afterAll(() => t.close());

type Letter = { id: string; signedAt: string; withdrawnAt: string | null; storeId: string };

async function sign(session: Session, storeId: string, signerName: string, headers = {}) {
  return session.inject({
    method: "POST",
    url: "/api/v1/portal/commitments",
    headers,
    payload: { storeId, template: "xiangshan-2023", signerName },
  });
}

async function signed(session: Session, storeId: string, signerName: string): Promise<Letter> {
  const response = await sign(session, storeId, signerName);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

const breach = (session: Session, letterId: string, itemCode: string) =>
  session.inject({
    method: "POST",
    url: `/api/v1/commitments/${letterId}/breaches`,
    payload: { itemCode, source: "officer", note: "现场发现使用来源不明的原料" },
  });

async function scanPage(storeId: string) {
  const code = await safetyCodeOfStore(t.database.db, storeId);
  return (await t.app.inject({ url: `/s/${code}?lang=zh-CN` })).body;
}

async function currentHistory(storeId: string) {
  const [row] = await t.database.db
    .select()
    .from(gradeHistory)
    .where(
      and(eq(gradeHistory.storeId, storeId), eq(gradeHistory.period, chinaDate(new Date()).slice(0, 7))),
    );
  return row!;
}

describe("commitment letters (承诺书, seed 004 Xiangshan)", () => {
  let first: Letter;

  it("seed 004 Xiangshan: the owner signs the letter with a typed name; the scan page publishes it, signer masked", async () => {
    first = await signed(owner, braisedMeat.storeId, "王小明");
    const html = await scanPage(braisedMeat.storeId);
    for (const item of XIANGSHAN_2023.items) expect(html).toContain(item.text.zh);
    expect(html).toContain("王**");
    expect(html).not.toContain("王小明");
    expect(html).toContain(chinaDate(new Date(first.signedAt)));
    const code = await safetyCodeOfStore(t.database.db, braisedMeat.storeId);
    const published = (await t.app.inject({ url: `/api/v1/public/stores/${code}/commitment` })).json();
    expect(published.letter).toMatchObject({
      signerNameMasked: "王**",
      templateVersion: XIANGSHAN_2023.version,
    });
    expect(JSON.stringify(published)).not.toContain("王小明");
  });

  it("seed 004 Xiangshan: the audit log records the signature (signer, template version, SHA-256 of the letter)", async () => {
    const [entry] = await auditActions(t.database.db, "commitment_letter", first.id);
    const text = canonicalLetterText({
      storeId: braisedMeat.storeId,
      template: "xiangshan-2023",
      templateVersion: XIANGSHAN_2023.version,
      items: XIANGSHAN_2023.items,
      signerName: "王小明",
      signedAt: first.signedAt,
    });
    expect(entry).toMatchObject({
      action: "commitment.sign",
      after: {
        signerName: "王小明",
        templateVersion: XIANGSHAN_2023.version,
        sha256: createHash("sha256").update(text).digest("hex"),
      },
    });
  });

  it("a new letter replaces the store's previous one; a retried request (same Idempotency-Key) signs once", async () => {
    const headers = { "idempotency-key": "commitment-sign-0001" };
    const again = await sign(owner, braisedMeat.storeId, "李四", headers);
    const retried = await sign(owner, braisedMeat.storeId, "李四", headers);
    expect(again.statusCode).toBe(201);
    expect(retried.json().id).toBe(again.json().id);
    const letters: Letter[] = (await owner.inject({ url: "/api/v1/portal/commitments" })).json().items;
    expect(letters.map((letter) => letter.id)).toEqual([again.json().id, first.id]);
    expect(letters[0]!.withdrawnAt).toBeNull();
    expect(letters[1]!.withdrawnAt).not.toBeNull();
    const [entry] = await auditActions(t.database.db, "commitment_letter", again.json().id);
    expect(entry!.after).toMatchObject({ replaces: [first.id] });
    const html = await scanPage(braisedMeat.storeId);
    expect(html).toContain("李*");
    expect(html).not.toContain("王**");
    first = again.json();
  });

  it("another business's store → 404; the other business sees none of these letters", async () => {
    expect((await sign(otherOwner, braisedMeat.storeId, "赵六")).statusCode).toBe(404);
    expect((await otherOwner.inject({ url: "/api/v1/portal/commitments" })).json().items).toEqual([]);
  });

  it("a breach must name one of the letter's items → 400 listing the allowed codes", async () => {
    const response = await breach(inspector, first.id, "no_such_item");
    expect(response.statusCode).toBe(400);
    expect(response.json().detail).toContain("obey_laws");
    expect(response.json().errors[0]).toMatchObject({ pointer: "/body/itemCode" });
  });

  it("another jurisdiction → 404 (the breach and the store's letters are out of sight)", async () => {
    expect((await breach(zhenhaiInspector, first.id, "qualified_products")).statusCode).toBe(404);
    const seen = await zhenhaiInspector.inject({ url: `/api/v1/commitments?store=${braisedMeat.storeId}` });
    expect(seen.json().items).toEqual([]);
  });

  it("seed 004 Xiangshan: a broken commitment deducts 10 points and the store's grade is recomputed at once", async () => {
    const before = await currentHistory(braisedMeat.storeId);
    expect(before).toMatchObject({
      model: "xiangshan-points",
      facts: { commitmentSigned: true, commitmentsBroken: 0 },
    });
    const response = await breach(inspector, first.id, "qualified_products");
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      itemCode: "qualified_products",
      item: { zh: "提供合格产品服务" },
    });
    const after = await currentHistory(braisedMeat.storeId);
    expect(after.facts).toMatchObject({ commitmentsBroken: 1 });
    expect(after.score).toBe(before.score - 10);
    const [letter] = (
      await inspector.inject({ url: `/api/v1/commitments?store=${braisedMeat.storeId}` })
    ).json().items;
    expect(letter.breaches).toHaveLength(1);
    const audit = await auditActions(t.database.db, "commitment_letter", first.id);
    expect(audit.map((row) => row.action)).toEqual(["commitment.sign", "commitment.breach"]);
    expect((await owner.inject({ url: "/api/v1/portal/commitments" })).json().items[0].breaches).toHaveLength(
      1,
    );
  });

  it("a replaced letter takes no new breach (409)", async () => {
    const [, replaced] = (
      await inspector.inject({ url: `/api/v1/commitments?store=${braisedMeat.storeId}` })
    ).json().items;
    expect((await breach(inspector, replaced.id, "obey_laws")).statusCode).toBe(409);
  });

  it("seed 004 Zhenhai: a signed letter scores on the commitment_signed indicator, no letter scores 0", async () => {
    await signed(zhenhaiOwner, zhenhaiSigned.storeId, "陈大文");
    const today = chinaDate(new Date());
    await t.database.db.transaction((tx) => regradeStore(tx, zhenhaiUnsigned.storeId, today));
    const indicator = async (storeId: string) => {
      const row = await currentHistory(storeId);
      const { indicators } = row.breakdown as { indicators: { code: string; score: number | null }[] };
      return indicators.find((entry) => entry.code === "commitment_signed")!.score;
    };
    expect(await indicator(zhenhaiSigned.storeId)).toBe(100);
    expect(await indicator(zhenhaiUnsigned.storeId)).toBe(0);
    expect((await currentHistory(zhenhaiSigned.storeId)).score).toBeGreaterThan(
      (await currentHistory(zhenhaiUnsigned.storeId)).score,
    );
  });
});

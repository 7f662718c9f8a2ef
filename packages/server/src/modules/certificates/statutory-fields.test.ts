// Step 11: the statutory field set of a food licence (《食品经营许可和备案管理办法》 art. 28: the licence states the
// operator, USCC, legal representative, 住所, premises, business form and items, number, validity, routine
// supervision agency and officer, complaint hotline, issuing authority, signer and issue date) on the certificate,
// its PDF, its OFD file (GB/T 33190-2016) and its verification page; and a licence missing one cannot be issued.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { canonicalPayload, type CertificatePayload } from "@shian/domain";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { businesses, certificates, licenses, stores } from "../../db/schema.js";
import {
  applyAndApprove,
  issueRestaurantLicence,
  RESTAURANT,
  type Officers,
} from "../../test/licensing-flow.js";
import { licensingCast } from "../../test/officers.js";
import { createTestApp, type Session, type TestApp } from "../../test/test-app.js";
import { localFileStore } from "../files/file-store.js";
import { loadSigner, verifyCertificateSignatures } from "../keys/service.js";
import { seedDemo } from "../demo/seed-demo.js";
import { certificateDocument } from "./documents.js";
import { OFD_NAMESPACE } from "./documents/certificate-ofd.js";
import { certificateFields, NOT_RECORDED } from "./documents/certificate-fields.js";
import { renderCertificatePdf } from "./documents/certificate-pdf.js";
import { renderVerificationPage } from "./pages.js";
import { findCurrentCertificate } from "./repository.js";
import { verifyTokenOnline } from "./service.js";
import { createTestDatabase } from "../../test/test-database.js";

const BASE = "https://shian.example.gov.cn";
const HOTLINE = "020-12315";
const KEYRING = { passphrase: "step11-statutory-passphrase" };
const SCREENSHOTS = fileURLToPath(new URL("../../../../../e2e/screenshots/", import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), "shian-statutory-"));

let t: TestApp;
let owner: Session;
let officers: Officers;
let licenseNo: string;
let token: string;

beforeAll(async () => {
  t = await createTestApp({
    PUBLIC_BASE_URL: BASE,
    COMPLAINT_HOTLINE: HOTLINE,
    SIGNING_KEY_PASSPHRASE: KEYRING.passphrase,
  });
  const cast = await licensingCast(t.app, t.database.db, "440106", "stat");
  ({ owner, officers } = cast);
  let certificate: { token: string };
  ({ licenseNo, certificate } = await issueRestaurantLicence(owner, officers, cast.store.id));
  token = certificate.token;
});
afterAll(() => t.close());

/** Every statutory label of a JY certificate, as printed (PDF and OFD). */
const PRINTED_LABELS = [
  "经营者名称",
  "统一社会信用代码",
  "法定代表人（负责人）",
  "住所",
  "经营场所",
  "主体业态",
  "经营项目",
  "许可证编号",
  "有效期",
  "日常监督管理机构/人员",
  "投诉举报电话",
  "签发机关",
  "签发人",
  "签发日期",
  "扫码核验",
];

interface Statutory {
  holderName: string;
  uscc: string;
  legalRepresentative: string;
  residence: string;
  storeAddress: string;
  supervisionAgency: string;
  supervisionOfficer: string;
  complaintHotline: string;
  signer: string;
  issuer: string;
  licenseNo: string;
  payloadVersion: number;
}

async function payloadOf(number: string): Promise<Statutory> {
  const row = await findCurrentCertificate(t.database.db, number);
  return JSON.parse(row!.certificate.payload) as Statutory;
}

function pdfText(pdf: Buffer, name: string): string {
  const file = path.join(work, name);
  fs.writeFileSync(file, pdf);
  // Long values wrap: compare without the line breaks and spaces pdftotext puts between them.
  return execFileSync("pdftotext", [file, "-"], { stdio: ["ignore", "pipe", "ignore"] }).toString("utf8");
}

const squash = (text: string) => text.replace(/\s/g, "");

function expectEveryField(text: string, p: Statutory) {
  const flat = squash(text);
  for (const label of PRINTED_LABELS) expect(flat, label).toContain(label);
  for (const value of [
    p.holderName,
    p.uscc,
    p.legalRepresentative,
    p.residence,
    p.storeAddress,
    p.supervisionAgency,
    p.supervisionOfficer,
    p.complaintHotline,
    p.issuer,
    p.signer,
    p.licenseNo,
  ]) {
    expect(flat, value).toContain(squash(value));
  }
}

// ---- a minimal XML reader for the OFD check: well-formedness, elements, attributes, text ----

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const root: XmlElement = { name: "#root", attributes: {}, children: [], text: "" };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  let consumed = 0;
  for (const m of body.matchAll(tag)) {
    expect(m.index, "no stray markup").toBe(consumed);
    consumed = m.index + m[0].length;
    if (m[5] !== undefined) {
      stack.at(-1)!.text += m[5]
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
      continue;
    }
    const [, closing, name, attrs, selfClosing] = m;
    if (closing) {
      expect(stack.pop()!.name, "balanced tags").toBe(name);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const a of attrs!.matchAll(/([\w:.-]+)="([^"]*)"/g)) attributes[a[1]!] = a[2]!;
    const element: XmlElement = { name: name!, attributes, children: [], text: "" };
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  expect(consumed).toBe(body.length);
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

function all(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(all)];
}

const child = (element: XmlElement, name: string) => {
  const found = element.children.find((c) => c.name === name);
  expect(found, `${element.name} has ${name}`).toBeDefined();
  return found!;
};

describe("statutory field set (食品经营许可和备案管理办法 art. 28)", () => {
  it("a licence whose holder has no 住所 is refused at approval: 400 naming the field; once recorded, it issues", async () => {
    const cast = await licensingCast(t.app, t.database.db, "440106", "stat-nores");
    const { businessId } = (
      await t.database.db.select().from(stores).where(eq(stores.id, cast.store.id))
    )[0]!;
    await t.database.db.update(businesses).set({ residence: null }).where(eq(businesses.id, businessId));
    const error = await applyAndApprove(cast.owner, cast.officers, {
      kind: "new",
      licenseType: "JY",
      storeId: cast.store.id,
      ...RESTAURANT,
    }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const [, status, body] = /decide: (\d+) (.*)$/s.exec((error as Error).message)!;
    expect(status).toBe("400");
    const problem = JSON.parse(body!) as { code?: string; detail: string };
    expect(problem.detail).toBe("缺少法定字段：住所 (residence)");
    // Nothing was issued: the decision's transaction rolled back.
    expect(
      await t.database.db.select().from(licenses).where(eq(licenses.storeId, cast.store.id)),
    ).toHaveLength(0);

    // The same application, once the 住所 is on record, is approved.
    await t.database.db
      .update(businesses)
      .set({ residence: "广州市天河区体育西路1号" })
      .where(eq(businesses.id, businessId));
    const queue = (await cast.officers.approver.inject({ url: "/api/v1/applications?queue=decision" })).json()
      .items as { id: string; storeId: string }[];
    const application = queue.find((a) => a.storeId === cast.store.id);
    const decided = await cast.officers.approver.inject({
      method: "POST",
      url: `/api/v1/applications/${application!.id}/decide`,
      payload: { decision: "approve", supervisionOfficer: "周监管" },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const [license] = await t.database.db.select().from(licenses).where(eq(licenses.storeId, cast.store.id));
    expect(license!.supervisionOfficer).toBe("周监管");
    const payload = await payloadOf(license!.number);
    expect(payload.residence).toBe("广州市天河区体育西路1号");
    expect(payload.supervisionOfficer).toBe("周监管");
  });

  it("the issued certificate signs every field (payload version 2) and the PDF prints them (pdftotext)", async () => {
    const p = await payloadOf(licenseNo);
    expect(p.payloadVersion).toBe(2);
    expect(p.complaintHotline).toBe(HOTLINE);
    expect(p.supervisionAgency).toBe(p.issuer);
    // The approver is the default routine-supervision officer and the signer.
    expect(p.supervisionOfficer).toBe(p.signer);
    const response = await owner.inject({ url: `/api/v1/certificates/${licenseNo}/certificate.pdf` });
    expect(response.statusCode).toBe(200);
    expectEveryField(pdfText(response.rawPayload, "issued.pdf"), p);
  });

  it("the verification page shows every field (screenshot in e2e/screenshots)", async () => {
    const p = await payloadOf(licenseNo);
    const page = await t.app.inject({ url: `/v/${token}?lang=zh-CN` });
    expect(page.statusCode).toBe(200);
    const text = squash(page.body.replace(/<[^>]+>/g, " "));
    for (const label of [
      "法定代表人（负责人）",
      "住所",
      "经营场所",
      "有效期",
      "日常监督管理机构/人员",
      "投诉举报电话",
      "签发人",
      "签发日期",
    ]) {
      expect(text, label).toContain(label);
    }
    for (const value of [
      p.legalRepresentative,
      p.residence,
      p.supervisionAgency,
      p.supervisionOfficer,
      HOTLINE,
      p.signer,
    ]) {
      expect(text, value).toContain(squash(value));
    }
    const api = (await t.app.inject({ url: `/api/v1/verify/${licenseNo}` })).json();
    expect(api).toMatchObject({
      residence: p.residence,
      supervisionOfficer: p.supervisionOfficer,
      complaintHotline: HOTLINE,
      signer: p.signer,
      legacyImport: false,
    });

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 420, height: 900 } });
      await tab.setContent(page.body);
      await tab.screenshot({ path: path.join(SCREENSHOTS, "step11-verification-page.png"), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it("GET certificate.ofd: a GB/T 33190 package whose XML has the standard's structure and the holder's name", async () => {
    const p = await payloadOf(licenseNo);
    const response = await owner.inject({ url: `/api/v1/certificates/${licenseNo}/certificate.ofd` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/ofd");
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const xml = (name: string) => {
      expect(files[name], name).toBeDefined();
      const root = parseXml(strFromU8(files[name]!));
      expect(root.attributes["xmlns:ofd"], `${name} namespace`).toBe(OFD_NAMESPACE);
      expect(
        all(root).every((e) => e.name.startsWith("ofd:")),
        `${name}: every element in ofd:`,
      ).toBe(true);
      return root;
    };

    // OFD.xml → DocBody → DocInfo (DocID) + DocRoot
    const ofd = xml("OFD.xml");
    expect(ofd.name).toBe("ofd:OFD");
    expect(ofd.attributes).toMatchObject({ Version: "1.0", DocType: "OFD" });
    const docBody = child(ofd, "ofd:DocBody");
    expect(child(child(docBody, "ofd:DocInfo"), "ofd:DocID").text).toMatch(/^[0-9a-f]{32}$/);
    const docRoot = child(docBody, "ofd:DocRoot").text;

    // Document.xml → CommonData (MaxUnitID, PageArea/PhysicalBox, PublicRes, DocumentRes) + Pages
    const document = xml(docRoot);
    expect(document.name).toBe("ofd:Document");
    const docDir = path.posix.dirname(docRoot);
    const common = child(document, "ofd:CommonData");
    const maxUnitId = Number(child(common, "ofd:MaxUnitID").text);
    expect(child(child(common, "ofd:PageArea"), "ofd:PhysicalBox").text).toBe("0 0 210 297");
    const resources = ["ofd:PublicRes", "ofd:DocumentRes"].map((name) => {
      const res = xml(path.posix.join(docDir, child(common, name).text));
      expect(res.name).toBe("ofd:Res");
      return res;
    });
    const pages = child(document, "ofd:Pages").children;
    expect(pages).toHaveLength(1);
    const content = xml(path.posix.join(docDir, pages[0]!.attributes.BaseLoc!));
    expect(content.name).toBe("ofd:Page");

    // IDs unique and ≤ MaxUnitID; Font and ResourceID references resolve; resource files are in the package.
    const elements = [document, ...resources, content].flatMap(all);
    const ids = elements.filter((e) => e.attributes.ID).map((e) => Number(e.attributes.ID));
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids)).toBe(maxUnitId);
    const byId = new Map(elements.filter((e) => e.attributes.ID).map((e) => [e.attributes.ID!, e]));
    const texts = all(content).filter((e) => e.name === "ofd:TextObject");
    for (const text of texts) expect(byId.get(text.attributes.Font!)?.name).toBe("ofd:Font");
    const images = all(content).filter((e) => e.name === "ofd:ImageObject");
    expect(images).toHaveLength(1);
    expect(byId.get(images[0]!.attributes.ResourceID!)?.name).toBe("ofd:MultiMedia");
    for (const res of resources) {
      for (const file of all(res).filter((e) => e.name === "ofd:FontFile" || e.name === "ofd:MediaFile")) {
        const stored = files[path.posix.join(docDir, res.attributes.BaseLoc!, file.text)];
        expect(stored, file.text).toBeDefined();
        expect(stored!.length).toBeGreaterThan(100);
      }
    }
    // The embedded font is a subset (the full Noto Sans Hans is ≈ 8.5 MB); the QR is a PNG.
    const font = Object.entries(files).find(([name]) => name.endsWith(".otf"))![1];
    expect(font.length).toBeLessThan(400_000);
    const png = Object.entries(files).find(([name]) => name.endsWith(".png"))![1];
    expect(Buffer.from(png.subarray(1, 4)).toString("latin1")).toBe("PNG");

    // Same content as the PDF: every label and value, the holder's Chinese name among them.
    const pageText = texts.map((e) => child(e, "ofd:TextCode").text).join("\n");
    expect(pageText).toContain(p.holderName);
    expectEveryField(pageText, p);
  });

  it("an imported legacy certificate (历史导入) prints what it has and marks the rest as not recorded", async () => {
    const row = await findCurrentCertificate(t.database.db, licenseNo);
    const doc = certificateDocument({ keyring: KEYRING, publicBaseUrl: BASE }, row!.certificate, "");
    const legacy = {
      ...doc,
      legacyImport: true,
      residence: undefined,
      supervisionOfficer: undefined,
      signer: "",
    };
    const fields = certificateFields(legacy);
    expect(fields[0]!.values[0]).toContain("历史导入");
    expect(fields.find((f) => f.label.zh === "住所")!.values).toEqual([NOT_RECORDED]);
    expect(fields.find((f) => f.label.zh === "签发人")!.values).toEqual([NOT_RECORDED]);
    // A version-1 certificate (not imported) simply leaves out what it never stated.
    const v1 = certificateFields({ ...legacy, legacyImport: false });
    expect(v1.some((f) => f.label.zh === "住所" || f.label.zh === "签发人")).toBe(false);
  });

  it("payload version 1 (certificates issued before step 11) keeps its bytes and still verifies", async () => {
    const row = await findCurrentCertificate(t.database.db, licenseNo);
    const v2 = JSON.parse(row!.certificate.payload) as CertificatePayload;
    const {
      payloadVersion: _pv,
      residence: _r,
      supervisionAgency: _a,
      supervisionOfficer: _o,
      complaintHotline: _h,
      signer: _s,
      ...v1
    } = v2;
    const json = canonicalPayload(v1);
    expect(json).not.toMatch(/payloadVersion|residence|supervision|complaintHotline|signer/);
    const signer = await loadSigner(t.database.db, KEYRING, v1.issuerRegion);
    const signed = signer.signCertificate(v1);
    expect(signed.payload).toBe(json);
    expect(await verifyCertificateSignatures(t.database.db, signed)).toEqual({ ed25519: true, sm2: true });
    expect(await verifyCertificateSignatures(t.database.db, row!.certificate)).toEqual({
      ed25519: true,
      sm2: true,
    });
  });

  it("the demo certificates carry every field: PDF (pdftotext, screenshot) and verification page", async () => {
    // Demo data needs an empty database (its licence numbers start at 1).
    const database = await createTestDatabase();
    try {
      await seedDemo(database.db, {
        stores: 6,
        seed: "step11",
        nodeEnv: "test",
        fileStore: localFileStore(path.join(work, "files")),
        certificates: { keyring: KEYRING, publicBaseUrl: BASE },
      });
      const demo = await database.db.select().from(certificates);
      expect(demo.length).toBeGreaterThan(2);
      for (const c of demo) {
        const p = JSON.parse(c.payload) as Statutory;
        expect(p.payloadVersion).toBe(2);
        for (const key of ["residence", "supervisionAgency", "supervisionOfficer", "signer"] as const)
          expect(p[key], key).toBeTruthy();
      }
      const first = demo[0]!;
      const p = JSON.parse(first.payload) as Statutory;
      expect(p.complaintHotline).toBe("12315");
      const pdf = await renderCertificatePdf(
        certificateDocument({ keyring: KEYRING, publicBaseUrl: BASE }, first, ""),
      );
      expectEveryField(pdfText(pdf, "demo.pdf"), p);
      fs.mkdirSync(SCREENSHOTS, { recursive: true });
      execFileSync(
        "pdftoppm",
        [
          "-png",
          "-r",
          "80",
          "-singlefile",
          path.join(work, "demo.pdf"),
          path.join(SCREENSHOTS, "step11-certificate-pdf"),
        ],
        { stdio: "ignore" },
      );
      expect(fs.existsSync(path.join(SCREENSHOTS, "step11-certificate-pdf.png"))).toBe(true);

      // The page /v/{token} renders for the demo certificate, from the same functions the route calls.
      const verdict = await verifyTokenOnline(database.db, first.token);
      expect(verdict.valid).toBe(true);
      const html = renderVerificationPage(verdict, "zh-CN", "/v/x?lang=en", new Date());
      const text = squash(html.replace(/<[^>]+>/g, " "));
      for (const value of [
        p.legalRepresentative,
        p.residence,
        p.supervisionOfficer,
        "12315",
        p.signer,
        p.holderName,
      ])
        expect(text, value).toContain(squash(value));
    } finally {
      await database.close();
    }
  });
});

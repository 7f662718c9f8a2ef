// Step 9 must-show: a sale on a (simulated) scale → the consumer scans its trace code on a phone → the batch, the
// raw materials with each supplier's licence status checked live, the rapid test and the commitment. A code with
// one character changed says it is not genuine.
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { assembleTraceCode, encodeTracePayload } from "@shian/domain";
import { request } from "playwright-core";
import { expect, test } from "vitest";
import { useDemoSession } from "./browser";

const SCREENSHOT = fileURLToPath(new URL("../docs/screenshot-trace.png", import.meta.url));
const PHONE = { width: 390, height: 844 };
const BATCH = "LR-20250501-01";

const demo = useDemoSession();

test("a sale on the scale → its trace code on a phone shows the batch, suppliers' live licence status, rapid test and commitment; a changed code is not genuine", async () => {
  const base = demo.baseUrl;
  const api = await request.newContext({ baseURL: base });
  const login = await api.post("/api/v1/auth/login", { data: { username: "owner", password: "shian-demo" } });
  expect(login.status()).toBe(200);
  const headers = { "x-csrf-token": ((await login.json()) as { csrfToken: string }).csrfToken };
  const stores = (await (await api.get("/api/v1/stores?limit=200")).json()) as {
    items: { id: string; name: string; regionCode: string }[];
  };
  const store = stores.items.find((s) => s.regionCode === "440106")!;
  expect(store, "the demo owner has a Tianhe store").toBeDefined();

  // Two licensed suppliers from the public store list (their licence numbers are public).
  const listed = (await (await fetch(`${base}/api/v1/public/stores?region=440106&limit=20`)).json()) as {
    items: { storeId: string; name: string; licenseNo: string | null }[];
  };
  const suppliers = listed.items.filter((s) => s.licenseNo && s.storeId !== store.id).slice(0, 2);
  expect(suppliers).toHaveLength(2);

  // The owner records a batch with its raw materials and a rapid test, and signs the commitment letter.
  const batch = await api.post("/api/v1/portal/batches", {
    headers,
    data: {
      storeId: store.id,
      batchNumber: BATCH,
      product: "卤水拼盘",
      producedAt: new Date().toISOString(),
      materials: [
        { name: "鲜猪耳", supplierName: suppliers[0]!.name, supplierLicenceNumber: suppliers[0]!.licenseNo },
        { name: "老抽", supplierName: suppliers[1]!.name, supplierLicenceNumber: suppliers[1]!.licenseNo },
      ],
      rapidTests: [{ item: "瘦肉精", result: "pass", value: "阴性", testedAt: new Date().toISOString() }],
    },
  });
  expect(batch.status(), await batch.text()).toBe(201);
  const signed = await api.post("/api/v1/portal/commitments", {
    headers,
    data: { storeId: store.id, template: "xiangshan-2023", signerName: "张老板" },
  });
  expect(signed.status(), await signed.text()).toBe(201);

  // The scale: its own Ed25519 key, registered to the store; it signs a sale and uploads it.
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const device = await api.post("/api/v1/portal/devices", {
    headers,
    data: {
      storeId: store.id,
      kind: "scale",
      name: "1号电子秤",
      publicKey: publicKey.export({ format: "jwk" }).x,
    },
  });
  expect(device.status(), await device.text()).toBe(201);
  const bytes = encodeTracePayload({
    d: ((await device.json()) as { id: string }).id,
    n: 1,
    s: store.id,
    b: BATCH,
    p: "卤水拼盘",
    w: 468,
    t: new Date().toISOString(),
  });
  const token = assembleTraceCode(bytes, sign(null, bytes, privateKey));
  const upload = await fetch(`${base}/api/v1/devices/trace-codes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ codes: [token] }),
  });
  expect(await upload.json()).toEqual({ received: 1, stored: 1, duplicates: 0 });

  // The consumer scans the code on a phone.
  const phone = await demo.browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  const page = await phone.newPage();
  const opened = await page.goto(`${base}/t/${token}`);
  expect(opened!.status()).toBe(200);
  const body = page.locator("body");
  await expect.poll(() => body.innerText()).toContain("正品溯源码");
  const text = await body.innerText();
  for (const expected of [
    store.name,
    "468 克",
    BATCH,
    "鲜猪耳",
    "老抽",
    suppliers[0]!.name,
    suppliers[0]!.licenseNo!,
    suppliers[1]!.licenseNo!,
    "瘦肉精",
    "合格",
  ]) {
    expect(text, expected).toContain(expected);
  }
  expect(text).toMatch(/有效|已过期|已暂停|已撤销|已注销/);
  expect(text).toContain("食品安全承诺书");
  await mkdir(fileURLToPath(new URL("../docs/", import.meta.url)), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: false });
  await expect.poll(() => page.locator("a.btn").getAttribute("href")).toMatch(/^\/s\/.+\/complaint$/);

  // One character changed: not genuine, nothing of the sale shown; the API refuses it too.
  const i = token.indexOf(".") - 3;
  const tampered = token.slice(0, i) + (token[i] === "A" ? "B" : "A") + token.slice(i + 1);
  const bad = await page.goto(`${base}/t/${tampered}`);
  expect(bad!.status()).toBe(404);
  const badText = await page.locator("body").innerText();
  expect(badText).toContain("非正品溯源码");
  expect(badText).not.toContain(BATCH);
  expect(badText).not.toContain(store.name);
  const refused = await fetch(`${base}/api/v1/devices/trace-codes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ codes: [tampered] }),
  });
  expect(refused.status).toBe(401);
  await phone.close();
  await api.dispose();
});

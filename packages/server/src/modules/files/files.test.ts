import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, type Session, type TestApp } from "../../test/test-app.js";
import { TEST_PASSWORD, makeStore, makeUser } from "../../test/factories.js";
import { TINY_PDF, multipart, upload } from "../../test/uploads.js";

// SECURITY.md #10 / ASVS 12.1.1, 12.2.1, 12.5.2: uploads are typed by content, limited, EXIF-stripped, served safely.
let t: TestApp;
let owner: Session;
let otherOwner: Session;
let inspector: Session;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const mine = await makeStore(db, "440106");
  const other = await makeStore(db, "440106");
  await makeUser(db, {
    role: "business_owner",
    regionCode: "440106",
    username: "file-owner",
    businessId: mine.businessId,
  });
  await makeUser(db, {
    role: "business_owner",
    regionCode: "440106",
    username: "other-owner",
    businessId: other.businessId,
  });
  await makeUser(db, { role: "inspector", regionCode: "440106", username: "file-inspector" });
  owner = await loginAs(t.app, "file-owner", TEST_PASSWORD);
  otherOwner = await loginAs(t.app, "other-owner", TEST_PASSWORD);
  inspector = await loginAs(t.app, "file-inspector", TEST_PASSWORD);
});
afterAll(() => t.close());

async function jpegWithExif() {
  return sharp({ create: { width: 8, height: 8, channels: 3, background: "#c00" } })
    .jpeg()
    .withExif({ IFD0: { Copyright: "secret-exif-marker" } })
    .toBuffer();
}

describe("uploads", () => {
  it("accepts a PDF by its bytes and serves it as a download with nosniff", async () => {
    const file = await upload(owner, TINY_PDF);
    expect(file.contentType).toBe("application/pdf");
    const response = await owner.inject({ url: `/api/v1/files/${file.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toMatch(/^attachment/);
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.rawPayload.equals(TINY_PDF)).toBe(true);
  });

  it("refuses HTML renamed .jpg, whatever the name and declared type say", async () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    const response = await owner.inject({
      method: "POST",
      url: "/api/v1/files",
      ...multipart(html, "photo.jpg", "image/jpeg"),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().type).toBe("urn:shian:problem:unsupported_file_type");
  });

  it("refuses files over 10 MiB with 413", async () => {
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(10 * 1024 * 1024 + 1)]);
    const response = await owner.inject({
      method: "POST",
      url: "/api/v1/files",
      ...multipart(big, "big.pdf", "application/pdf"),
    });
    expect(response.statusCode).toBe(413);
  });

  it("strips EXIF from the copy other parties see; officers get the original", async () => {
    const jpeg = await jpegWithExif();
    expect(jpeg.includes("secret-exif-marker")).toBe(true);
    const file = await upload(owner, jpeg, "shop.jpg", "image/jpeg");
    const ownCopy = await owner.inject({ url: `/api/v1/files/${file.id}` });
    expect(ownCopy.rawPayload.includes("secret-exif-marker")).toBe(false);
    const original = await inspector.inject({ url: `/api/v1/files/${file.id}` });
    expect(original.rawPayload.includes("secret-exif-marker")).toBe(true);
  });

  it("another business cannot read the file (404)", async () => {
    const file = await upload(owner, TINY_PDF);
    expect((await otherOwner.inject({ url: `/api/v1/files/${file.id}` })).statusCode).toBe(404);
  });
});

import { Type } from "@sinclair/typebox";
import { MAX_TRACE_CODE_CHARS } from "@shian/domain";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";
import { LicenseNo } from "../certificates/presenter.js";

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
// numeric(12, 3): 1e9 overflowed the column (500; found by http/fuzz-writes.test.ts).
const Quantity = Type.Number({ exclusiveMinimum: 0, maximum: 999_999_999.999 });
const Day = Type.String({ format: "date" });
const Instant = Type.String({ format: "date-time" });

export const DeviceBody = StrictObject({
  storeId: Uuid,
  kind: Type.Union([Type.Literal("scale"), Type.Literal("till")]),
  name: Text(100),
  /** Raw 32-byte Ed25519 public key, base64url without padding (43 characters). */
  publicKey: Type.String({ pattern: "^[A-Za-z0-9_-]{43}$" }),
});

export const DeviceView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  publicKey: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});
export const DeviceList = Type.Object({ items: Type.Array(DeviceView) });

export const StoreQuery = StrictObject({ storeId: Uuid });

export const RapidTestInput = StrictObject({
  item: Text(100),
  result: Type.Union([Type.Literal("pass"), Type.Literal("fail")]),
  value: Type.Optional(Text(100)),
  testedAt: Instant,
});

export const MaterialInput = StrictObject({
  name: Text(100),
  supplierName: Text(200),
  supplierLicenceNumber: Type.Optional(LicenseNo),
  /** The supplier's own batch number (step 11): links a recalled batch to the stores that received it. */
  supplierBatchNumber: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9._-]{1,64}$" })),
  quantity: Type.Optional(Quantity),
  unit: Type.Optional(Text(20)),
  purchasedOn: Type.Optional(Day),
  expiresOn: Type.Optional(Day),
  certificateFileId: Type.Optional(Uuid),
});

export const BatchBody = StrictObject({
  storeId: Uuid,
  batchNumber: Type.String({ pattern: "^[A-Za-z0-9._-]{1,64}$" }),
  product: Text(100),
  producedAt: Instant,
  quantity: Type.Optional(Quantity),
  unit: Type.Optional(Text(20)),
  materials: Type.Array(MaterialInput, { minItems: 1, maxItems: 100 }),
  rapidTests: Type.Optional(Type.Array(RapidTestInput, { maxItems: 50 })),
});

export const RapidTestsBody = StrictObject({
  storeId: Uuid,
  /** The batch the tests belong to, if any. */
  batchNumber: Type.Optional(Type.String({ pattern: "^[A-Za-z0-9._-]{1,64}$" })),
  tests: Type.Array(RapidTestInput, { minItems: 1, maxItems: 200 }),
});

export const RapidTestView = Type.Object({
  id: Type.String(),
  batchId: Type.Union([Type.String(), Type.Null()]),
  item: Type.String(),
  result: Type.String(),
  value: Type.Union([Type.String(), Type.Null()]),
  testedAt: Type.String(),
});
export const RapidTestList = Type.Object({ items: Type.Array(RapidTestView) });

export const MaterialView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  supplierName: Type.String(),
  supplierLicenceNumber: Type.Union([Type.String(), Type.Null()]),
  /** The licence status when entered: valid, expired, suspended, revoked, cancelled, superseded or unknown. */
  supplierLicenceStatus: Type.Union([Type.String(), Type.Null()]),
  supplierBatchNumber: Type.Union([Type.String(), Type.Null()]),
  quantity: Type.Union([Type.Number(), Type.Null()]),
  unit: Type.Union([Type.String(), Type.Null()]),
  purchasedOn: Type.Union([Type.String(), Type.Null()]),
  expiresOn: Type.Union([Type.String(), Type.Null()]),
  /** Expired before the batch's production day (raises the red alert 原料过期). */
  expired: Type.Boolean(),
  certificateFileId: Type.Union([Type.String(), Type.Null()]),
});

export const BatchView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  batchNumber: Type.String(),
  product: Type.String(),
  producedAt: Type.String(),
  quantity: Type.Union([Type.Number(), Type.Null()]),
  unit: Type.Union([Type.String(), Type.Null()]),
  materials: Type.Array(MaterialView),
  rapidTests: Type.Array(RapidTestView),
  createdAt: Type.String(),
});
export const BatchList = Type.Object({ items: Type.Array(BatchView) });

export const TraceCodesBody = StrictObject({
  codes: Type.Array(Type.String({ minLength: 1, maxLength: MAX_TRACE_CODE_CHARS }), {
    minItems: 1,
    maxItems: 500,
  }),
});

export const TraceCodesResult = Type.Object({
  received: Type.Integer(),
  /** Newly stored; the others were uploaded before (idempotent by device and serial). */
  stored: Type.Integer(),
  duplicates: Type.Integer(),
});

export const TokenParams = StrictObject({ token: Type.String({ minLength: 1, maxLength: 1000 }) });
export const LangQuery = StrictObject({
  lang: Type.Optional(Type.Union([Type.Literal("zh-CN"), Type.Literal("en")])),
});

export { IdParams } from "../../http/schema-helpers.js";

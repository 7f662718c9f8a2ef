import { Type } from "@sinclair/typebox";
import { COMMITMENT_TEMPLATE_CODES } from "@shian/domain";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const Item = Type.Object({ code: Type.String(), text: Bilingual });

export const SignBody = StrictObject({
  storeId: Uuid,
  template: Type.Union(COMMITMENT_TEMPLATE_CODES.map((code) => Type.Literal(code))),
  /** The typed name of the person who signs (签名). */
  signerName: Type.String({ minLength: 1, maxLength: 50, pattern: "\\S" }),
});

export const BreachSource = Type.Union([
  Type.Literal("inspection"),
  Type.Literal("alert"),
  Type.Literal("officer"),
]);

export const BreachBody = StrictObject({
  itemCode: Type.String({ minLength: 1, maxLength: 64 }),
  source: BreachSource,
  /** The inspection or alert the finding comes from. */
  sourceId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  note: Type.String({ minLength: 1, maxLength: 2000 }),
});

export const LetterQuery = StrictObject({
  store: Type.Optional(Uuid),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const BreachView = Type.Object({
  id: Type.String(),
  letterId: Type.String(),
  storeId: Type.String(),
  itemCode: Type.String(),
  item: Type.Union([Bilingual, Type.Null()]),
  source: BreachSource,
  sourceId: Type.Union([Type.String(), Type.Null()]),
  note: Type.Union([Type.String(), Type.Null()]),
  recordedAt: Type.String(),
});

export const LetterView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  regionCode: Type.String(),
  template: Type.String(),
  templateVersion: Type.String(),
  items: Type.Array(Item),
  signerName: Type.String(),
  signedAt: Type.String(),
  withdrawnAt: Type.Union([Type.String(), Type.Null()]),
  breaches: Type.Array(BreachView),
});
export const LetterList = Type.Object({ items: Type.Array(LetterView) });

/** What the public sees of a store's letter: no person but the masked signer's name. */
export const PublicLetter = Type.Object({
  template: Type.String(),
  templateVersion: Type.String(),
  items: Type.Array(Item),
  signerNameMasked: Type.String(),
  signedOn: Type.String(),
});

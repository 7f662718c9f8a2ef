import { Type } from "@sinclair/typebox";
import { StrictObject } from "../../http/schema-helpers.js";
import { Colour } from "../safety-code/schema.js";

export const ColourParams = StrictObject({ safetyCode: Type.String({ minLength: 1, maxLength: 64 }) });

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const PartnerColourView = Type.Object({
  safetyCode: Type.String(),
  storeName: Type.String(),
  colour: Colour,
  reason: Type.Union(
    (["no_valid_licence", "red_alert", "grade", "default"] as const).map((r) => Type.Literal(r)),
  ),
  grade: Nullable(Type.String()),
  model: Nullable(Type.String()),
  period: Nullable(Type.String()),
});

export const ColourFeedRunView = Type.Object({ changed: Type.Integer(), firstSeen: Type.Integer() });

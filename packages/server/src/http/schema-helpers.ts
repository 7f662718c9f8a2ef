import { Type, type TObject, type TProperties } from "@sinclair/typebox";

/** Objects refuse unknown fields (ASVS 5.1.3). */
export function StrictObject<T extends TProperties>(properties: T): TObject<T> {
  return Type.Object(properties, { additionalProperties: false });
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ pointer: Type.String(), message: Type.String() }))),
  },
  { $id: "Problem", description: "RFC 9457 problem details" },
);

/** Standard error replies for an authenticated route. */
export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
} as const;

export const RegionCode = Type.String({ pattern: "^[1-8][0-9]{5}$" });
export const Uuid = Type.String({ format: "uuid" });

/** Path parameter `:id` of a record. */
export const IdParams = StrictObject({ id: Uuid });

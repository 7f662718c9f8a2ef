import { Type, type Static } from "@sinclair/typebox";
import { RegionCode, StrictObject } from "../../http/schema-helpers.js";
import { API_SCOPES, ROLES } from "./roles.js";

export const LoginBody = StrictObject({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export const PasswordChangeBody = StrictObject({
  currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
  newPassword: Type.String({ minLength: 1, maxLength: 256 }),
});

const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)));

export const UserView = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: RoleSchema,
  regionCode: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()]),
});

export const SessionView = Type.Object({ user: UserView, csrfToken: Type.String() });

export const CreateUserBody = StrictObject({
  username: Type.String({ minLength: 3, maxLength: 64, pattern: "^[A-Za-z0-9._-]+$" }),
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
  role: RoleSchema,
  regionCode: Type.Union([RegionCode, Type.Null()]),
  password: Type.String({ minLength: 1, maxLength: 256 }),
});

export const CreateApiClientBody = StrictObject({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  scopes: Type.Array(Type.Union(API_SCOPES.map((scope) => Type.Literal(scope))), {
    minItems: 1,
    uniqueItems: true,
  }),
  regionCode: Type.Union([RegionCode, Type.Null()]),
});

export const ApiClientCreated = Type.Object({
  id: Type.String(),
  key: Type.String({ description: "Shown once; send it in the X-Api-Key header." }),
});

export type UserViewType = Static<typeof UserView>;

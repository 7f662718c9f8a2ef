import { Type } from "@sinclair/typebox";
import { StrictObject } from "../../http/schema-helpers.js";

export const ScreenParams = StrictObject({ safetyCode: Type.String({ maxLength: 64 }) });
export const ScreenQuery = StrictObject({
  lang: Type.Optional(Type.Union([Type.Literal("zh-CN"), Type.Literal("en")])),
});

import { Type } from "@sinclair/typebox";
import { StrictObject, Uuid } from "../../http/schema-helpers.js";

/** An HTTPS HLS playlist (…/index.m3u8, query string allowed); the service parses it again with URL. */
export const HlsUrl = Type.String({ maxLength: 2000, pattern: "^https://[^\\s]+\\.m3u8(\\?[^\\s]*)?$" });

export const FeedBody = StrictObject({
  storeId: Uuid,
  name: Type.String({ minLength: 1, maxLength: 100 }),
  hlsUrl: HlsUrl,
});

export const FeedView = Type.Object({
  id: Type.String(),
  storeId: Type.String(),
  storeName: Type.String(),
  name: Type.String(),
  hlsUrl: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  /** The store's 阳光电子屏 page, to open on the in-market display. */
  screenPath: Type.Union([Type.String(), Type.Null()]),
});
export const FeedList = Type.Object({ items: Type.Array(FeedView) });

export const FeedQuery = StrictObject({ storeId: Type.Optional(Uuid) });

export const ScreenParams = StrictObject({ safetyCode: Type.String({ maxLength: 64 }) });
export const ScreenQuery = StrictObject({
  lang: Type.Optional(Type.Union([Type.Literal("zh-CN"), Type.Literal("en")])),
});

import type { FastifyError } from "fastify";
import { AppError } from "./errors.js";

/**
 * Reads a multipart body through `read`. Malformed multipart (no boundary, truncated or unterminated parts, a
 * stream closed early) surfaces from busboy as a plain Error without a status: that is the client's mistake, a 400,
 * not a 500. Application errors and the plugin's own limit errors (413 …) pass through. Found by http/fuzz-*.test.ts.
 */
export async function readingMultipart<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError || typeof (error as FastifyError).statusCode === "number") throw error;
    throw new AppError("validation_failed", {
      "zh-CN": "multipart 请求体格式错误",
      en: "The multipart body is malformed",
    });
  }
}

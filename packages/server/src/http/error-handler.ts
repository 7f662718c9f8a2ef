import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, toProblem, type ErrorCode, type FieldError } from "./errors.js";
import { pickLanguage, type Language } from "./language.js";

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "invalid_json",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation_failed",
};

const STATUS_CODES: Record<number, ErrorCode> = {
  400: "validation_failed",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
};

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

function describeIssue(issue: AjvIssue, language: Language): string {
  const zh = language === "zh-CN";
  switch (issue.keyword) {
    case "required":
      return zh
        ? `缺少必填字段 ${String(issue.params.missingProperty)}`
        : `${String(issue.params.missingProperty)} is required`;
    case "additionalProperties":
      return zh
        ? `不允许的字段 ${String(issue.params.additionalProperty)}`
        : `unknown field ${String(issue.params.additionalProperty)}`;
    case "type":
      return zh ? `类型错误，应为 ${String(issue.params.type)}` : `must be ${String(issue.params.type)}`;
    case "maxLength":
      return zh
        ? `长度不能超过 ${String(issue.params.limit)}`
        : `must be at most ${String(issue.params.limit)} characters`;
    case "minLength":
      return zh
        ? `长度不能少于 ${String(issue.params.limit)}`
        : `must be at least ${String(issue.params.limit)} characters`;
    default:
      return zh ? "不符合要求" : (issue.message ?? "is not valid");
  }
}

function validationErrors(error: FastifyError, language: Language): FieldError[] {
  const part = error.validationContext ?? "body";
  return ((error.validation ?? []) as AjvIssue[]).map((issue) => {
    const field =
      issue.keyword === "required"
        ? `${issue.instancePath}/${String(issue.params.missingProperty)}`
        : issue.keyword === "additionalProperties"
          ? `${issue.instancePath}/${String(issue.params.additionalProperty)}`
          : issue.instancePath;
    return { pointer: `/${part}${field}`, message: describeIssue(issue, language) };
  });
}

/** Turns any error into an AppError; unknown errors become "internal" and keep their details out of replies. */
function toAppError(error: FastifyError | AppError, language: Language): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const fields = validationErrors(error, language);
    const first = fields[0];
    const detail = first ? `${first.pointer}: ${first.message}` : undefined;
    return new AppError("validation_failed", detail ? { [language]: detail } : undefined, fields);
  }
  const byCode = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (byCode) return new AppError(byCode);
  const status = error.statusCode ?? 500;
  const byStatus = STATUS_CODES[status];
  if (status < 500 && byStatus) return new AppError(byStatus);
  return new AppError("internal");
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  const language = pickLanguage(request.headers["accept-language"]);
  const problem = toProblem(error, language, request.url.split("?")[0] ?? request.url, request.id);
  return reply
    .code(problem.status)
    .header("content-language", language)
    .type("application/problem+json; charset=utf-8")
    .serializer(JSON.stringify)
    .send(problem);
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const appError = toAppError(error, pickLanguage(request.headers["accept-language"]));
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(request, reply, appError);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new AppError("not_found")));
}

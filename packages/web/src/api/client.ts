// The one place that talks HTTP to /api/v1: JSON in and out, the request language,
// the CSRF token on every mutating request, and RFC 9457 problem+json errors.

export type RequestLanguage = "zh-CN" | "en";
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "ApiError";
  }
}

let language: RequestLanguage = "zh-CN";
let csrfToken: string | null = null;

export function setRequestLanguage(next: RequestLanguage): void {
  language = next;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Sends `body` as JSON, or as multipart when it is a FormData (the browser then sets the boundary). */
export async function apiRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": language };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;

  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
    credentials: "same-origin",
  });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

/** The message a user should see for a failed request, or undefined when it is not an API error. */
export function problemMessage(error: unknown): string | undefined {
  return error instanceof ApiError ? error.message : undefined;
}

import { Ajv, type ErrorObject, type Options, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import type { FastifyInstance } from "fastify";

/**
 * Bodies are validated strictly: no type coercion and unknown fields refused (schemas say
 * additionalProperties: false). Query strings, params and headers are text, so they coerce.
 */
function createAjv(options: Options): Ajv {
  const ajv = new Ajv({ allErrors: false, removeAdditional: false, useDefaults: true, ...options });
  addFormats.default(ajv);
  return ajv;
}

/** NUL (which PostgreSQL text cannot hold) or a lone UTF-16 surrogate (not Unicode, cannot be UTF-8 encoded). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first value that passed the schema yet cannot be stored or used: text with NUL or a lone surrogate (keys
 * included, for free-form JSON fields), or a non-finite number (ajv coerces the query text "1e400" or "Infinity"
 * to an integer and lets it through minimum/maximum). Found by the fuzz tests (http/fuzz-*.test.ts).
 */
/** False for text PostgreSQL cannot store or that is not Unicode (NUL, lone surrogates). */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE_TEXT.test(value);
}

function unstorableValue(value: unknown, path: string, depth = 0): ErrorObject | null {
  const issue = (message: string): ErrorObject => ({
    instancePath: path,
    schemaPath: "",
    keyword: "unstorable",
    params: {},
    message,
  });
  if (typeof value === "string")
    return UNSTORABLE_TEXT.test(value) ? issue("must be Unicode text without NUL") : null;
  if (typeof value === "number") return Number.isFinite(value) ? null : issue("must be a finite number");
  if (value === null || typeof value !== "object" || depth > 32) return null;
  for (const [key, item] of Object.entries(value)) {
    if (UNSTORABLE_TEXT.test(key)) return issue("must have Unicode keys without NUL");
    const found = unstorableValue(item, `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, depth + 1);
    if (found) return found;
  }
  return null;
}

function withStorableValues(validate: ValidateFunction) {
  const wrapped = (data: unknown): boolean => {
    if (!validate(data)) {
      wrapped.errors = validate.errors;
      return false;
    }
    const issue = unstorableValue(data, "");
    wrapped.errors = issue ? [issue] : null;
    return issue === null;
  };
  wrapped.errors = null as ValidateFunction["errors"];
  return wrapped;
}

export function registerValidation(app: FastifyInstance) {
  const strict = createAjv({ coerceTypes: false });
  const coercing = createAjv({ coerceTypes: "array" });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    withStorableValues((httpPart === "body" ? strict : coercing).compile(schema)),
  );
}

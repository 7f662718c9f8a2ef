// The credit models as data for the console, and the what-if calculator: officers enter dimension scores and
// vetoes and see the grade, colour, breakdown and supervision a model gives (docs/credit-models.md).

import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Static } from "@sinclair/typebox";
import {
  CREDIT_MODELS,
  INDICATOR_SETS,
  UnknownDimensionError,
  UnknownVetoError,
  evaluate,
  findModel,
  listIndicators,
  type CreditModel,
  type Evaluation,
} from "@shian/domain";
import { AppError, type FieldError } from "../../http/errors.js";
import { allowRoles } from "../../http/route-policy.js";
import { problemResponses } from "../../http/schema-helpers.js";
import { OFFICER_ROLES } from "../accounts/roles.js";
import { EvaluateBody, EvaluationView, ModelList } from "./models-schema.js";

export function creditModelRoutes() {
  return async function routes(fastify: FastifyInstance) {
    const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

    app.get(
      "/api/v1/credit/models",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: { tags: ["credit"], response: { 200: ModelList, ...problemResponses } },
      },
      async () => ({ items: CREDIT_MODELS.map(presentModel) }),
    );

    app.post(
      "/api/v1/credit/evaluate",
      {
        config: { policy: allowRoles(...OFFICER_ROLES) },
        schema: {
          tags: ["credit"],
          body: EvaluateBody,
          response: { 200: EvaluationView, ...problemResponses },
        },
      },
      async (request) => evaluateWhatIf(request.body),
    );
  };
}

/** evaluate() with the domain's refusals turned into 400s that list what the model allows. */
function evaluateWhatIf(body: Static<typeof EvaluateBody>): Evaluation {
  const model = findModel(body.model);
  if (!model) {
    throw invalid([{ pointer: "/body/model", message: allowedText(`unknown model ${body.model}`, ids()) }]);
  }
  try {
    return evaluate(model, body.dimensions, body.vetoes ?? []);
  } catch (error) {
    if (error instanceof UnknownDimensionError) {
      throw invalid([
        ...error.unknown.map((name) => dimensionError(name, "unknown dimension", error.allowed)),
        ...error.missing.map((name) => dimensionError(name, "missing dimension", error.allowed)),
      ]);
    }
    if (error instanceof UnknownVetoError) {
      throw invalid([
        {
          pointer: "/body/vetoes",
          message: allowedText(`unknown veto ${error.unknown.join(", ")}`, error.allowed),
        },
      ]);
    }
    throw error;
  }
}

const ids = () => CREDIT_MODELS.map((m) => m.id);
const allowedText = (problem: string, allowed: readonly string[]) =>
  `${problem}; allowed: ${allowed.join(", ")}`;
const dimensionError = (name: string, problem: string, allowed: readonly string[]): FieldError => ({
  pointer: `/body/dimensions/${name}`,
  message: allowedText(`${problem} ${name}`, allowed),
});

function invalid(errors: FieldError[]): AppError {
  const detail = errors.map((e) => `${e.pointer}: ${e.message}`).join("; ");
  return new AppError(
    "validation_failed",
    { "zh-CN": `取值不在模型允许的范围内：${detail}`, en: detail },
    errors,
  );
}

function presentModel(model: CreditModel) {
  const set = INDICATOR_SETS[model.id];
  return {
    id: model.id,
    version: model.version,
    label: model.label,
    source: model.source,
    population: {
      licenceType: model.population.licenceType,
      ...(model.population.subtypes ? { subtypes: [...model.population.subtypes] } : {}),
    },
    dimensions: model.dimensions.map((d) => ({ name: d.name, label: d.label, weight: d.weight })),
    bands: model.bands.map((b) => ({
      grade: b.grade,
      colour: b.colour,
      minScore: b.minScore,
      label: b.label,
    })),
    vetoes: model.vetoes.map((v) => ({ code: v.code, grade: v.grade, label: v.label })),
    supervision: model.bands.map((b) => ({ grade: b.grade, ...model.supervision[b.grade]! })),
    codeColour: { ...model.codeColour },
    groups: (set.kind === "points" ? [set.group] : set.groups).map((g) => ({
      code: g.code,
      dimension: g.dimension,
      label: g.label,
      weight: g.weight,
    })),
    indicators: listIndicators(set),
  };
}

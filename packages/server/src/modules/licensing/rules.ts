import {
  RULESETS,
  SC_CHECKLIST,
  assessApplication,
  assessScApplication,
  checklistFor,
  isInRenewalWindow,
  judgeOnsiteInspection,
  scCategoryErrors,
  stageDeadline as workingDayDeadline,
  validateAssessmentInput,
  type AssessmentInput,
  type Bilingual,
  type ClockStage,
  type ItemRequest,
  type ReviewCategory,
} from "@shian/domain";
import { AppError } from "../../http/errors.js";
import type { ApplicationRow, LicenseRow } from "./repository.js";
import type { AssessmentBodyType, CreateApplicationBodyType } from "./schema.js";

export const DEFAULT_RULESET = "guangdong-2019";
/** Art. 13: the district inspects a commitment licence within this many working days (our default). */
export const FOLLOW_UP_WORKING_DAYS = 20;

function invalid(errors: { field: string; message: Bilingual }[]): AppError {
  return new AppError(
    "validation_failed",
    { "zh-CN": errors.map((e) => e.message.zh).join(" "), en: errors.map((e) => e.message.en).join(" ") },
    errors.map((e) => ({
      pointer: `/body/${e.field.replace(/\[(\d+)\]\.?/g, "/$1/").replace(/\./g, "/")}`,
      message: e.message.en,
    })),
  );
}

function rulesetOf(id: string | undefined) {
  const ruleset = RULESETS[id ?? DEFAULT_RULESET];
  if (!ruleset) {
    const allowed = Object.keys(RULESETS).join(", ");
    throw invalid([
      {
        field: "ruleset",
        message: { zh: `未知的规则集，可选：${allowed}`, en: `Unknown ruleset; allowed: ${allowed}` },
      },
    ]);
  }
  return ruleset;
}

/** Validates the request against the taxonomy (400 listing what is allowed) and runs the ruleset. */
function assessJy(raw: Record<string, unknown>, rulesetId: string | undefined) {
  const ruleset = rulesetOf(rulesetId);
  const validation = validateAssessmentInput(raw);
  if (!validation.ok) throw invalid(validation.errors);
  return { input: validation.input, assessment: assessApplication(validation.input, ruleset) };
}

/** The public self-assessment (POST /api/v1/licensing/assessments). */
export function assessPublic(body: AssessmentBodyType) {
  const { ruleset, ...input } = body;
  return assessJy(input, ruleset).assessment;
}

const FACT_FIELDS = [
  "hasPhysicalStore",
  "premisesChanged",
  "processingAreaM2",
  "diners",
  "fullTimeSafetyManagers",
  "contractedCanteen",
  "separateStorage",
] as const;

export interface ApplicationRequest {
  businessForm?: string;
  subtype?: string;
  items?: ItemRequest[];
  foodCategories?: string[];
  productionSites?: { address: string }[];
  reason?: string;
  [fact: string]: unknown;
}

/**
 * What an application asks for and the ruleset's assessment of it. A change, renewal or reissue that leaves
 * out the form, subtype or items keeps those of the licence's current version.
 */
export function assessRequest(
  body: CreateApplicationBodyType,
  context: {
    now: Date;
    license: LicenseRow | undefined;
    currentContent: Record<string, unknown> | undefined;
  },
) {
  if (
    body.kind === "renewal" &&
    context.license &&
    !isInRenewalWindow(context.license.validTo, context.now)
  ) {
    throw new AppError("rule_violation", {
      "zh-CN": "许可证有效期届满前 90 日内方可申请延续",
      en: "A renewal can be applied for in the 90 days before the licence expires",
    });
  }
  const current = context.currentContent ?? {};
  const reason = body.reason ? { reason: body.reason } : {};
  if (body.kind === "cancellation") {
    return {
      request: { ...reason },
      assessment: {
        ruleset: DEFAULT_RULESET,
        onsiteInspectionRequired: false,
        commitmentEligible: false,
        allowed: true,
        violations: [],
        requiredMaterials: [
          { code: "application_form", name: { zh: "注销申请书", en: "Cancellation application form" } },
        ],
      },
    };
  }
  if (body.licenseType === "SC") {
    const foodCategories = body.foodCategories ?? (current.foodCategories as string[] | undefined);
    const productionSites =
      body.productionSites ?? (current.productionSites as { address: string }[] | undefined);
    if (!foodCategories || !productionSites) {
      throw invalid([
        {
          field: "foodCategories",
          message: { zh: "须填写食品类别和生产场所", en: "foodCategories and productionSites are required" },
        },
      ]);
    }
    const errors = scCategoryErrors(foodCategories);
    if (errors.length > 0) throw invalid(errors.map((message) => ({ field: "foodCategories", message })));
    const request = { foodCategories, productionSites, ...reason };
    const kind = body.kind;
    return {
      request,
      assessment: assessScApplication({
        kind,
        foodCategories,
        productionSites,
        premisesChanged: body.premisesChanged ?? false,
      }),
    };
  }
  const facts = Object.fromEntries(
    FACT_FIELDS.filter((field) => body[field] !== undefined).map((field) => [field, body[field]]),
  );
  const raw = {
    kind: body.kind,
    businessForm: body.businessForm ?? current.businessForm,
    subtype: body.subtype ?? current.subtype,
    items: body.items ?? current.items,
    ...facts,
  };
  const { input, assessment } = assessJy(raw, body.ruleset);
  const { kind: _kind, ...request } = input satisfies AssessmentInput;
  return { request: { ...request, ...reason }, assessment };
}

/** The on-site checklist of an application: by review categories and items (art. 12), or the SC checklist. */
export function checklistOf(application: ApplicationRow) {
  if (application.licenseType === "SC") return SC_CHECKLIST;
  if (application.kind === "cancellation") return [];
  const categories = (application.assessment.reviewCategories ?? [
    application.assessment.category,
  ]) as ReviewCategory[];
  return checklistFor(categories, (application.request.items ?? []) as ItemRequest[]);
}

/** Art. 12: the filled checklist judged as a whole; results must cover exactly the checklist. */
export function judgeOnsite(
  application: ApplicationRow,
  results: { code: string; result: "pass" | "fail" | "na" }[],
) {
  try {
    return judgeOnsiteInspection(results, checklistOf(application)).outcome;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const codes = checklistOf(application)
      .map((item) => item.code)
      .join(", ");
    throw new AppError("validation_failed", {
      "zh-CN": `核查结果须逐项对应核查表：${codes}`,
      en: `The results must answer exactly the checklist items: ${codes}`,
    });
  }
}

export type DeadlineStage = ClockStage | "follow_up";

/** The statutory deadline of the stage starting now; the commitment path must finish the same day (art. 13). */
export function stageDeadline(
  stage: Exclude<DeadlineStage, "commitment">,
  now: Date,
  commitment: boolean,
): Date {
  if (stage === "follow_up")
    return workingDayDeadline("review", now, {
      acceptance: 0,
      review: FOLLOW_UP_WORKING_DAYS,
      decision: 0,
      commitment: 0,
    });
  return workingDayDeadline(commitment ? "commitment" : stage, now);
}

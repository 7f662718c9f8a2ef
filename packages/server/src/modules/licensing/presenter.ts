import type { Static } from "@sinclair/typebox";
import type { Language } from "../../http/language.js";
import type { ApplicationRow, LicenseRow, OnsiteRow } from "./repository.js";
import type { ApplicationDetail, ApplicationSummary, LicenseView } from "./schema.js";
import { checklistOf } from "./rules.js";

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const pick = (text: { zh: string; en: string }, language: Language) =>
  language === "en" ? text.en : text.zh;

export function presentApplicationSummary(
  row: { application: ApplicationRow; storeName: string; storeAddress: string; businessName: string },
  now = Date.now(),
): Static<typeof ApplicationSummary> {
  const { application } = row;
  return {
    id: application.id,
    kind: application.kind,
    licenseType: application.licenseType,
    status: application.status,
    storeId: application.storeId,
    storeName: row.storeName,
    storeAddress: row.storeAddress,
    businessName: row.businessName,
    regionCode: application.regionCode,
    commitment: application.commitment,
    submittedAt: iso(application.submittedAt),
    stageDeadline: iso(application.stageDeadline),
    overdue: application.stageDeadline !== null && application.stageDeadline.getTime() < now,
    licenseId: application.licenseId,
  };
}

function presentOnsite(onsite: OnsiteRow | undefined) {
  if (!onsite) return null;
  return {
    scheduledAt: onsite.scheduledAt.toISOString(),
    inspectedAt: iso(onsite.inspectedAt),
    outcome: onsite.outcome,
    results: onsite.results ?? [],
    photoFileIds: onsite.photoFileIds ?? [],
    applicantSigned: onsite.applicantSigned,
    notes: onsite.notes,
  };
}

type BilingualFinding = { rule: string; article: string; message: { zh: string; en: string } };

interface AssessmentMessages {
  violations: BilingualFinding[];
  notices?: BilingualFinding[];
  requiredMaterials: { code: string; name: { zh: string; en: string } }[];
}

/** The assessment as stored (bilingual) rendered in one language, as the assessment API shows it. */
export function presentAssessment<T extends AssessmentMessages>(assessment: T, language: Language) {
  return {
    ...assessment,
    violations: assessment.violations.map((v) => ({
      rule: v.rule,
      article: v.article,
      message: pick(v.message, language),
    })),
    requiredMaterials: assessment.requiredMaterials.map((m) => ({
      code: m.code,
      name: pick(m.name, language),
    })),
  };
}

export function presentApplicationDetail(
  detail: {
    application: ApplicationRow;
    storeName: string;
    storeAddress: string;
    businessName: string;
    materials: { code: string; fileId: string }[];
    missing: string[];
    onsite: OnsiteRow | undefined;
    events: { at: Date; action: string; actorLabel: string; actorName: string | null }[];
  },
  language: Language,
): Static<typeof ApplicationDetail> {
  const { application } = detail;
  return {
    ...presentApplicationSummary(detail),
    request: application.request,
    assessment: presentAssessment(
      application.assessment as unknown as AssessmentMessages,
      language,
    ) as unknown as Record<string, unknown>,
    materials: detail.materials,
    missingMaterials: detail.missing,
    onsite: presentOnsite(detail.onsite),
    checklist: checklistOf(application).map((item) => ({
      code: item.code,
      level: item.level,
      text: pick(item.text, language),
    })),
    review:
      application.reviewOutcome && application.reviewedAt
        ? {
            outcome: application.reviewOutcome,
            opinion: application.reviewOpinion ?? "",
            at: application.reviewedAt.toISOString(),
          }
        : null,
    decision:
      application.decision && application.decidedAt
        ? { decision: application.decision, at: application.decidedAt.toISOString() }
        : null,
    reasons: application.reasons,
    timeline: detail.events.map((event) => ({
      at: event.at.toISOString(),
      action: event.action.replace(/^application\./, ""),
      actor: event.actorName ?? event.actorLabel,
    })),
  };
}

export function presentLicense(row: {
  license: LicenseRow;
  storeName: string;
  businessName: string;
  content: Record<string, unknown>;
}): Static<typeof LicenseView> {
  const { license } = row;
  return {
    id: license.id,
    number: license.number,
    type: license.type,
    status: license.status,
    storeId: license.storeId,
    storeName: row.storeName,
    businessName: row.businessName,
    regionCode: license.regionCode,
    version: license.currentVersion,
    validFrom: license.validFrom,
    validTo: license.validTo,
    content: row.content,
  };
}

import { applyForRepair, type CreditRepair, type Penalty } from "../../api/penalties";
import { useI18n } from "../../i18n/language";
import { EvidenceForm } from "../evidence-form";

/** 即申即办: the business states what it did and uploads the evidence (fine receipt, photos) in one go. */
export function RepairApplyForm({
  penalty,
  onApplied,
}: {
  penalty: Penalty;
  onApplied: (r: CreditRepair) => void;
}) {
  const { t } = useI18n();
  return (
    <EvidenceForm
      placeholder={t("repairs.statementHint")}
      evidenceLabel={t("repairs.evidence")}
      submitLabel={t("repairs.apply")}
      accept="image/*,application/pdf"
      evidenceRequired
      textTestId="repair-statement"
      submitTestId="repair-apply"
      send={(statement, ids) => applyForRepair(penalty.id, statement, ids)}
      onDone={onApplied}
    />
  );
}

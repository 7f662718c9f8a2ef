import { respondToAlert, type Alert } from "../../api/alerts";
import { useI18n } from "../../i18n/language";
import { EvidenceForm } from "../evidence-form";

/** The business says what it did about an open alert, with optional photos; the officer then closes it. */
export function RespondForm({ alert, onDone }: { alert: Alert; onDone: (alert: Alert) => void }) {
  const { t } = useI18n();
  return (
    <EvidenceForm
      placeholder={t("alerts.responsePlaceholder")}
      evidenceLabel={t("alerts.evidence")}
      submitLabel={t("alerts.respond")}
      evidenceRequired={false}
      textTestId="alert-response"
      submitTestId="alert-respond"
      send={(text, ids) => respondToAlert(alert.id, text.trim(), ids)}
      onDone={onDone}
    />
  );
}

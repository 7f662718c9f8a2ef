import { Alert } from "antd";
import { problemMessage } from "../api/client";
import { useI18n } from "../i18n/language";

/** A failed request as the user should read it: the problem's `detail`, or a generic apology. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <Alert
      data-testid="error-alert"
      type="error"
      showIcon
      title={problemMessage(error) ?? t("error.unexpected")}
      style={{ marginBottom: 16 }}
    />
  );
}

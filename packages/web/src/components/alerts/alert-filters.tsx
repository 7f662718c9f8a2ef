import { Select, Space } from "antd";
import type { AlertFilter, AlertSeverity, AlertStatus } from "../../api/alerts";
import { useI18n } from "../../i18n/language";

/** Severity and status filters of an alert list; "all" is an empty value. */
export function AlertFilters({
  value,
  onChange,
}: {
  value: AlertFilter;
  onChange: (next: AlertFilter) => void;
}) {
  const { t, label } = useI18n();
  return (
    <Space style={{ marginBottom: 16 }}>
      <Select<AlertSeverity | "">
        data-testid="alerts-severity"
        style={{ width: 140 }}
        value={value.severity ?? ""}
        onChange={(severity) => onChange({ ...value, severity: severity || undefined })}
        options={[
          { value: "", label: t("alerts.allSeverities") },
          ...(["red", "yellow"] as const).map((code) => ({
            value: code,
            label: label("alerts.severity", code),
          })),
        ]}
      />
      <Select<AlertStatus | "">
        data-testid="alerts-status"
        style={{ width: 140 }}
        value={value.status ?? ""}
        onChange={(status) => onChange({ ...value, status: status || undefined })}
        options={[
          { value: "", label: t("alerts.allStatuses") },
          ...(["open", "closed"] as const).map((code) => ({
            value: code,
            label: label("alerts.status", code),
          })),
        ]}
      />
    </Space>
  );
}

import { Typography } from "antd";
import { useState } from "react";
import { listMyAlerts, type Alert, type AlertFilter } from "../api/alerts";
import { AlertFilters } from "../components/alerts/alert-filters";
import { AlertTable } from "../components/alerts/alert-table";
import { RespondForm } from "../components/alerts/respond-form";
import { ErrorAlert } from "../components/error-alert";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** 预警提醒: the alerts of my stores; say what was done, the bureau closes them. */
export function MyAlertsPage() {
  const { t } = useI18n();
  const [filter, setFilter] = useState<AlertFilter>({});
  const { data, error, loading, setData } = useLoad(() => listMyAlerts(filter), [filter]);
  const replace = (updated: Alert) =>
    setData((data ?? []).map((alert) => (alert.id === updated.id ? updated : alert)));
  return (
    <>
      <Typography.Title level={3}>{t("alerts.mine")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("alerts.mineHint")}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <AlertFilters value={filter} onChange={setFilter} />
      <AlertTable
        items={data}
        loading={loading}
        action={(alert) => (alert.status === "open" ? <RespondForm alert={alert} onDone={replace} /> : null)}
      />
    </>
  );
}

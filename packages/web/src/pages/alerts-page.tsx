import { App, Button, Flex, Typography } from "antd";
import { useState } from "react";
import { listAlerts, runAlerts, type Alert, type AlertFilter } from "../api/alerts";
import { useUser } from "../auth/auth-context";
import { AlertFilters } from "../components/alerts/alert-filters";
import { AlertTable } from "../components/alerts/alert-table";
import { CloseAlertForm } from "../components/alerts/close-alert-form";
import { ErrorAlert } from "../components/error-alert";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

const CLOSERS = ["inspector", "admin", "leader"];

/** 预警: the jurisdiction's alerts, red first; officers close them with a note within 24 hours. */
export function AlertsPage() {
  const { t } = useI18n();
  const { role } = useUser();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AlertFilter>({ status: "open" });
  const [reload, setReload] = useState(0);
  const { data, error, loading, setData } = useLoad(() => listAlerts(filter), [filter, reload]);
  const replace = (updated: Alert) =>
    setData((data ?? []).map((alert) => (alert.id === updated.id ? updated : alert)));
  const run = useAction((summary: { opened: number }[]) => {
    void message.success(t("alerts.ran", { count: summary.reduce((sum, entry) => sum + entry.opened, 0) }));
    setReload((n) => n + 1);
  });
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3}>{t("alerts.title")}</Typography.Title>
        {role === "admin" && (
          <Button
            data-testid="alerts-run"
            loading={run.pending === "run"}
            onClick={() => void run.run("run", runAlerts)}
          >
            {t("alerts.run")}
          </Button>
        )}
      </Flex>
      <ErrorAlert error={error ?? run.error} />
      <AlertFilters value={filter} onChange={setFilter} />
      <AlertTable
        items={data}
        loading={loading}
        action={(alert) =>
          alert.status === "open" && CLOSERS.includes(role) ? (
            <CloseAlertForm alert={alert} onDone={replace} />
          ) : null
        }
      />
    </>
  );
}

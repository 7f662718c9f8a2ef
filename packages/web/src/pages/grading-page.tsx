import { Typography } from "antd";
import { useEffect, useState } from "react";
import { gradeDistribution, listRuns } from "../api/credit";
import { useUser } from "../auth/auth-context";
import { ErrorAlert } from "../components/error-alert";
import { GradeDistribution } from "../components/credit/grade-distribution";
import { RunsTable } from "../components/credit/runs-table";
import { StartRunForm } from "../components/credit/start-run-form";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** How often the page looks again while a run is under way. */
const REFRESH_MS = 2000;

/** 信用评级: the monthly runs with their progress, starting one, and the grades of the jurisdiction. */
export function GradingPage() {
  const { t } = useI18n();
  const user = useUser();
  const [refresh, setRefresh] = useState(0);
  const runs = useLoad(listRuns, [refresh]);
  const distribution = useLoad(() => gradeDistribution(), [refresh]);
  const running = runs.data?.some((run) => run.status === "running") ?? false;
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setRefresh((n) => n + 1), REFRESH_MS);
    return () => clearTimeout(timer);
  }, [running, runs.data]);
  return (
    <>
      <Typography.Title level={3}>{t("nav.grading")}</Typography.Title>
      <ErrorAlert error={runs.error ?? distribution.error} />
      {(user.role === "admin" || user.role === "leader") && (
        <StartRunForm onStarted={() => setRefresh((n) => n + 1)} />
      )}
      <RunsTable runs={runs.data} loading={runs.loading} />
      <GradeDistribution distribution={distribution.data} />
    </>
  );
}

import { Progress, Tag } from "antd";
import { DataTable } from "../data-table";
import type { GradingRun } from "../../api/credit";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useModelNames } from "./grade-tags";

const STATUS_COLOURS = { running: "processing", done: "success", failed: "error" } as const;

/** Grading runs with their progress (stores graded of the model's population). */
export function RunsTable({ runs, loading }: { runs: GradingRun[] | undefined; loading: boolean }) {
  const { t, lang } = useI18n();
  const names = useModelNames();
  return (
    <DataTable
      exportName={t("nav.grading")}
      data-testid="grading-runs"
      rowKey="id"
      loading={loading && !runs}
      dataSource={runs}
      locale={{ emptyText: t("grading.noRuns") }}
      pagination={{ pageSize: 12, hideOnSinglePage: true }}
      columns={[
        { key: "period", title: t("grading.period"), dataIndex: "period" },
        { key: "model", title: t("grading.model"), render: (_, run) => names.model(run.model) },
        {
          key: "status",
          title: t("grading.status"),
          render: (_, run) => (
            <Tag color={STATUS_COLOURS[run.status]}>{t(`grading.status.${run.status}`)}</Tag>
          ),
        },
        {
          key: "progress",
          title: t("grading.progress"),
          render: (_, run) => (
            <div style={{ minWidth: 200 }}>
              <Progress
                percent={run.total > 0 ? Math.floor((100 * run.processed) / run.total) : 100}
                status={
                  run.status === "failed" ? "exception" : run.status === "running" ? "active" : "success"
                }
                size="small"
              />
              {run.processed} / {run.total}
            </div>
          ),
        },
        {
          key: "startedAt",
          title: t("grading.startedAt"),
          render: (_, run) => formatDateTime(run.startedAt, lang),
        },
        {
          key: "finishedAt",
          title: t("grading.finishedAt"),
          render: (_, run) => formatDateTime(run.finishedAt, lang),
        },
      ]}
    />
  );
}

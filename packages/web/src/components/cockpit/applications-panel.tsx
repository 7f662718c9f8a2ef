import { Table, Tag } from "antd";
import { useMemo } from "react";
import type { ApplicationClock, Cockpit } from "../../api/cockpit";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { EChart } from "./echart";
import { baseOption, COLOURS } from "./chart-theme";
import { Panel } from "./panel";

/** 办件时限: applications in progress per stage (bar: in time and overdue), and the clocks, overdue first. */
export function ApplicationsPanel({
  applications,
  wall,
}: {
  applications: Cockpit["applications"];
  wall: boolean;
}) {
  const { t, label, lang } = useI18n();
  const option = useMemo(
    () => ({
      ...baseOption(wall),
      tooltip: { ...baseOption(wall).tooltip, axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: applications.byStage.map((row) => label("status", row.status)) },
      yAxis: { type: "value", minInterval: 1 },
      series: [
        {
          type: "bar",
          name: t("cockpit.inTime"),
          stack: "stage",
          itemStyle: { color: COLOURS.blue },
          data: applications.byStage.map((row) => row.count - row.overdue),
        },
        {
          type: "bar",
          name: t("cockpit.overdue"),
          stack: "stage",
          itemStyle: { color: COLOURS.red },
          data: applications.byStage.map((row) => row.overdue),
        },
      ],
    }),
    [applications, wall, t, label],
  );
  const columns = [
    { title: t("cockpit.store"), dataIndex: "storeName", key: "store", ellipsis: true },
    {
      title: t("cockpit.stage"),
      dataIndex: "status",
      key: "status",
      render: (status: string) => label("status", status),
    },
    {
      title: t("cockpit.deadline"),
      dataIndex: "stageDeadline",
      key: "deadline",
      render: (deadline: string | null) => formatDateTime(deadline, lang),
    },
    {
      title: t("cockpit.daysLeft"),
      key: "daysLeft",
      render: (_: unknown, clock: ApplicationClock) =>
        clock.overdue ? (
          <Tag color="red">{t("cockpit.overdueDays", { days: Math.max(1, -(clock.daysLeft ?? 0)) })}</Tag>
        ) : clock.daysLeft === null ? (
          "—"
        ) : (
          <Tag color={clock.daysLeft <= 2 ? "orange" : "blue"}>
            {t("cockpit.daysLeftValue", { days: clock.daysLeft })}
          </Tag>
        ),
    },
  ];
  return (
    <Panel
      title={t("cockpit.applications", { count: applications.inProgress })}
      extra={
        applications.overdue > 0 && (
          <Tag color="red">{t("cockpit.overdueCount", { count: applications.overdue })}</Tag>
        )
      }
    >
      <EChart name="applications" option={option} height={wall ? 200 : 160} dark={wall} />
      <Table
        data-testid="cockpit-applications-table"
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ y: wall ? 320 : 220 }}
        columns={columns}
        dataSource={applications.clocks}
        rowClassName={(clock) => (clock.overdue ? "cockpit-overdue" : "")}
      />
    </Panel>
  );
}

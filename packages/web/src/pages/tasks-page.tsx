import { Tag, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { Link } from "react-router";
import { listTasks } from "../api/tasks";
import { ErrorAlert } from "../components/error-alert";
import { Deadline } from "../components/licensing/deadline";
import { useLoad } from "../hooks/use-load";
import { useI18n } from "../i18n/language";

/** 检查: the officers' follow-up tasks (e.g. inspecting a store licensed on commitment), soonest due first. */
export function TasksPage() {
  const { t, label } = useI18n();
  const { data, error, loading } = useLoad(listTasks, []);
  return (
    <>
      <Typography.Title level={3}>{t("nav.inspections")}</Typography.Title>
      <ErrorAlert error={error} />
      <DataTable
        exportName={t("nav.inspections")}
        data-testid="tasks"
        rowKey="id"
        loading={loading}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: "kind", title: t("tasks.kind"), render: (_, row) => label("taskKind", row.kind) },
          { key: "store", title: t("tasks.store"), dataIndex: "storeName" },
          {
            key: "due",
            title: t("tasks.dueAt"),
            render: (_, row) => <Deadline at={row.dueAt} overdue={row.overdue} />,
          },
          {
            key: "status",
            title: t("tasks.status"),
            render: (_, row) => <Tag>{label("taskStatus", row.status)}</Tag>,
          },
          {
            key: "application",
            title: t("tasks.application"),
            render: (_, row) => row.applicationId && <Link to={row.applicationId}>{t("tasks.open")}</Link>,
          },
        ]}
      />
    </>
  );
}

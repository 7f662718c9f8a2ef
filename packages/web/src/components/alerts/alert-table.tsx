import { Space, Tag, Typography } from "antd";
import { DataTable } from "../data-table";
import type { ReactNode } from "react";
import type { Alert } from "../../api/alerts";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

/** Fields of an alert's details worth showing, in this order (ids are left out). */
const DETAIL_FIELDS = [
  "staffName",
  "position",
  "number",
  "reportNumber",
  "product",
  "item",
  "itemCode",
  "on",
  "sampledOn",
  "validTo",
  "dueAt",
  "count",
  "note",
];

function AlertDetails({ alert }: { alert: Alert }) {
  const { label } = useI18n();
  const shown = DETAIL_FIELDS.filter((field) => {
    const value = alert.details[field];
    return value !== null && value !== undefined && value !== "";
  });
  return (
    <Typography.Text type="secondary">
      {shown.map((field) => `${label("alerts.detail", field)}: ${String(alert.details[field])}`).join("；")}
    </Typography.Text>
  );
}

interface AlertTableProps {
  items: Alert[] | undefined;
  loading: boolean;
  /** Whether to show the store column (officers see many stores; a business few). */
  showStore?: boolean;
  /** The action cell of a row: close for officers, respond for the business. */
  action: (alert: Alert) => ReactNode;
}

/** Alerts, red first: rule, details, the 24-hour deadline, the business's responses and the closing note. */
export function AlertTable({ items, loading, showStore = true, action }: AlertTableProps) {
  const { t, label, pick, lang } = useI18n();
  return (
    <DataTable
      exportName={t("nav.alerts")}
      data-testid="alerts"
      rowKey="id"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t("alerts.none") }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          key: "severity",
          title: t("alerts.severity"),
          render: (_, row) => (
            <Tag color={row.severity === "red" ? "red" : "gold"}>
              {label("alerts.severity", row.severity)}
            </Tag>
          ),
        },
        ...(showStore ? [{ key: "store", title: t("alerts.store"), dataIndex: "storeName" }] : []),
        {
          key: "rule",
          title: t("alerts.rule"),
          render: (_, row) => (
            <Space orientation="vertical" size={0}>
              <span>{pick(row.ruleLabel)}</span>
              <AlertDetails alert={row} />
            </Space>
          ),
        },
        {
          key: "opened",
          title: t("alerts.openedAt"),
          render: (_, row) => formatDateTime(row.openedAt, lang),
        },
        {
          key: "due",
          title: t("alerts.dueAt"),
          render: (_, row) => (
            <Space>
              {row.dueAt ? formatDateTime(row.dueAt, lang) : "—"}
              {row.overdue && <Tag color="red">{t("alerts.overdue")}</Tag>}
            </Space>
          ),
        },
        {
          key: "status",
          title: t("alerts.status"),
          render: (_, row) => <Tag>{label("alerts.status", row.status)}</Tag>,
        },
        {
          key: "responses",
          title: t("alerts.responses"),
          render: (_, row) => (
            <Space orientation="vertical" size={2}>
              {row.responses.map((response) => (
                <span key={response.at}>
                  {response.text}{" "}
                  <Typography.Text type="secondary">({formatDateTime(response.at, lang)})</Typography.Text>
                </span>
              ))}
              {row.closingNote && (
                <Typography.Text strong>
                  {t("alerts.closingNote")}: {row.closingNote}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        { key: "action", title: "", render: (_, row) => action(row) },
      ]}
    />
  );
}

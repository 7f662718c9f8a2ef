import { Space, Tag } from "antd";
import { DataTable } from "../data-table";
import type { ReactNode } from "react";
import { fileHref } from "../../api/files";
import type { CreditRepair } from "../../api/penalties";
import { formatDate, formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

const STATUS_COLOURS = { pending: "processing", approved: "green", rejected: "red" } as const;

interface RepairsTableProps {
  items: CreditRepair[] | undefined;
  loading: boolean;
  /** The officers' decision cell of a pending application. */
  decide?: (repair: CreditRepair) => ReactNode;
}

/** Credit-repair applications, oldest first, with the day each decision is due (当日结). */
export function RepairsTable({ items, loading, decide }: RepairsTableProps) {
  const { t, label, lang } = useI18n();
  return (
    <DataTable
      exportName={t("nav.creditRepairs")}
      data-testid="credit-repairs"
      rowKey="id"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t("repairs.none") }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { key: "number", title: t("penalties.decisionNumber"), dataIndex: "decisionNumber" },
        {
          key: "business",
          title: t("supervision.store"),
          render: (_, r) => `${r.businessName} · ${r.storeName}`,
        },
        {
          key: "applied",
          title: t("repairs.appliedAt"),
          render: (_, r) => formatDateTime(r.createdAt, lang),
        },
        {
          key: "status",
          title: t("repairs.status"),
          render: (_, r) => (
            <Space wrap>
              <Tag color={STATUS_COLOURS[r.status]}>{label("repairs.status", r.status)}</Tag>
              {r.dueToday && <Tag color="orange">{t("repairs.dueToday")}</Tag>}
              {r.overdue && <Tag color="red">{t("repairs.overdue", { day: formatDate(r.dueOn, lang) })}</Tag>}
            </Space>
          ),
        },
        { key: "statement", title: t("repairs.statement"), dataIndex: "statement" },
        {
          key: "evidence",
          title: t("repairs.evidence"),
          render: (_, r) => (
            <Space wrap>
              {r.evidenceFileIds.map((id, i) => (
                <a key={id} href={fileHref(id)} target="_blank" rel="noreferrer">
                  {i + 1}
                </a>
              ))}
            </Space>
          ),
        },
        {
          key: "decision",
          title: t("repairs.decision"),
          render: (_, r) => (r.status === "pending" && decide ? decide(r) : r.decisionNote),
        },
      ]}
    />
  );
}

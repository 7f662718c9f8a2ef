import { Space, Tag } from "antd";
import { DataTable } from "../data-table";
import type { ReactNode } from "react";
import type { Penalty } from "../../api/penalties";
import { formatDate } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

const SEVERITY_COLOURS = { minor: "default", general: "orange", serious: "red" } as const;

interface PenaltiesTableProps {
  items: Penalty[] | undefined;
  loading: boolean;
  /** An extra cell per row, e.g. the portal's repair application. */
  action?: (penalty: Penalty) => ReactNode;
}

/** Penalties with both documents (双书同达) and their publication and repair dates. */
export function PenaltiesTable({ items, loading, action }: PenaltiesTableProps) {
  const { t, label, lang } = useI18n();
  return (
    <DataTable
      exportName={t("nav.penalties")}
      data-testid="penalties"
      rowKey="id"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t("penalties.none") }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { key: "number", title: t("penalties.decisionNumber"), dataIndex: "decisionNumber" },
        {
          key: "store",
          title: t("supervision.store"),
          render: (_, p) => `${p.businessName} · ${p.storeName}`,
        },
        {
          key: "decidedOn",
          title: t("penalties.decidedOn"),
          render: (_, p) => formatDate(p.decidedOn, lang),
        },
        {
          key: "severity",
          title: t("penalties.severity"),
          render: (_, p) => (
            <Tag color={SEVERITY_COLOURS[p.severity]}>{label("penalties.severity", p.severity)}</Tag>
          ),
        },
        { key: "violation", title: t("penalties.violation"), dataIndex: "violation" },
        {
          key: "publicUntil",
          title: t("penalties.publicUntil"),
          render: (_, p) => formatDate(p.publicUntil, lang),
        },
        {
          key: "repairableFrom",
          title: t("penalties.repairableFrom"),
          render: (_, p) =>
            p.repairedAt ? (
              <Tag color="green">{t("penalties.repaired")}</Tag>
            ) : (
              formatDate(p.repairableFrom, lang)
            ),
        },
        {
          key: "documents",
          title: t("penalties.documents"),
          render: (_, p) => (
            <Space orientation="vertical" size={0}>
              <a
                href={p.documents.decision}
                target="_blank"
                rel="noreferrer"
                data-testid="penalty-decision-pdf"
              >
                {t("penalties.decisionPdf")}
              </a>
              <a
                href={p.documents.repairNotice}
                target="_blank"
                rel="noreferrer"
                data-testid="penalty-notice-pdf"
              >
                {t("penalties.noticePdf")}
              </a>
            </Space>
          ),
        },
        ...(action ? [{ key: "action", render: (_: unknown, p: Penalty) => action(p) }] : []),
      ]}
    />
  );
}

import { Button, Popconfirm, Tag } from "antd";
import { DataTable } from "../data-table";
import type { ListEntry } from "../../api/lists";
import { formatDate, formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

interface ListEntriesTableProps {
  items: ListEntry[] | undefined;
  loading: boolean;
  onWithdraw: (id: string) => void;
  /** The entry being withdrawn. */
  withdrawing: string | null;
}

/** The red and black list entries of the jurisdiction; one in force can be withdrawn. */
export function ListEntriesTable({ items, loading, onWithdraw, withdrawing }: ListEntriesTableProps) {
  const { t, label, lang } = useI18n();
  return (
    <DataTable
      exportName={t("nav.lists")}
      data-testid="list-entries"
      rowKey="id"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t("lists.none") }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          key: "list",
          title: t("lists.list"),
          render: (_, row) => (
            <Tag color={row.list === "red" ? "red" : "default"}>{label("lists.list", row.list)}</Tag>
          ),
        },
        { key: "store", title: t("supervision.store"), dataIndex: "storeName" },
        { key: "reason", title: t("lists.reason"), dataIndex: "reason" },
        { key: "legalBasis", title: t("lists.legalBasis"), dataIndex: "legalBasis" },
        {
          key: "publishedOn",
          title: t("lists.publishedOn"),
          render: (_, row) => formatDate(row.publishedOn, lang),
        },
        {
          key: "expiresOn",
          title: t("lists.expiresOn"),
          render: (_, row) => formatDate(row.expiresOn, lang),
        },
        {
          key: "withdraw",
          render: (_, row) =>
            row.withdrawnAt ? (
              <Tag data-testid="list-withdrawn">
                {t("lists.withdrawnAt", { at: formatDateTime(row.withdrawnAt, lang) })}
              </Tag>
            ) : (
              <Popconfirm title={t("lists.withdrawConfirm")} onConfirm={() => onWithdraw(row.id)}>
                <Button data-testid="list-withdraw" size="small" danger loading={withdrawing === row.id}>
                  {t("lists.withdraw")}
                </Button>
              </Popconfirm>
            ),
        },
      ]}
    />
  );
}

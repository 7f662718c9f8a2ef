import { Button, Input, Popconfirm, Tag } from "antd";
import { DataTable } from "../data-table";
import { useState } from "react";
import type { DishonestyEntry } from "../../api/dishonesty";
import { formatDate, formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";

interface DishonestyTableProps {
  items: DishonestyEntry[] | undefined;
  loading: boolean;
  /** Leaders and administrators take an entry off the list with a reason. */
  onRemove?: (id: string, reason: string) => void;
  removing: string | null;
}

/** 严重违法失信名单 entries: the business, why and on what basis, and the period. */
export function DishonestyTable({ items, loading, onRemove, removing }: DishonestyTableProps) {
  const { t, lang } = useI18n();
  const [reason, setReason] = useState("");
  return (
    <DataTable
      exportName={t("nav.dishonesty")}
      data-testid="dishonesty-entries"
      rowKey="id"
      loading={loading}
      dataSource={items}
      locale={{ emptyText: t("dishonesty.none") }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          key: "business",
          title: t("dishonesty.business"),
          render: (_, e) => `${e.businessName}（${e.uscc}）`,
        },
        { key: "reason", title: t("lists.reason"), dataIndex: "reason" },
        { key: "legalBasis", title: t("lists.legalBasis"), dataIndex: "legalBasis" },
        { key: "listedOn", title: t("dishonesty.listedOn"), render: (_, e) => formatDate(e.listedOn, lang) },
        { key: "until", title: t("dishonesty.until"), render: (_, e) => formatDate(e.until, lang) },
        {
          key: "remove",
          render: (_, e) =>
            e.removedAt ? (
              <Tag>
                {t("dishonesty.removedAt", {
                  at: formatDateTime(e.removedAt, lang),
                  reason: e.removedReason ?? "",
                })}
              </Tag>
            ) : (
              onRemove && (
                <Popconfirm
                  title={t("dishonesty.removeReason")}
                  description={<Input value={reason} onChange={(event) => setReason(event.target.value)} />}
                  okButtonProps={{ disabled: !reason.trim() }}
                  onConfirm={() => onRemove(e.id, reason)}
                >
                  <Button size="small" danger loading={removing === e.id}>
                    {t("dishonesty.remove")}
                  </Button>
                </Popconfirm>
              )
            ),
        },
      ]}
    />
  );
}

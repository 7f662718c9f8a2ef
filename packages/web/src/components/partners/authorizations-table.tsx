import { Button, Popconfirm, Space, Tag } from "antd";
import { DataTable } from "../data-table";
import type { License } from "../../api/licensing";
import type { Authorization } from "../../api/partners";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { authorizationState } from "./authorization-state";
import { AuthorizationStatusTag } from "./authorization-status-tag";

interface AuthorizationsTableProps {
  items: Authorization[] | undefined;
  loading: boolean;
  /** The business's licences, to name the ones an authorisation covers. */
  licenses: License[];
  /** Given to the owner, who may revoke an active authorisation. */
  onRevoke?: (id: string) => void;
  /** The authorisation being revoked. */
  revoking?: string | null;
}

/** The platforms the business has authorised, what each may fetch and until when. */
export function AuthorizationsTable({
  items,
  loading,
  licenses,
  onRevoke,
  revoking,
}: AuthorizationsTableProps) {
  const { t, lang } = useI18n();
  const numbers = new Map(licenses.map((license) => [license.id, license.number]));
  return (
    <DataTable
      exportName={t("nav.authorizations")}
      data-testid="authorizations"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { key: "platform", title: t("authorizations.platform"), dataIndex: "clientName" },
        {
          key: "scope",
          title: t("authorizations.scope"),
          render: (_, row) =>
            row.licenseIds ? (
              <Space size={4} wrap>
                {row.licenseIds.map((id) => (
                  <Tag key={id}>{numbers.get(id) ?? id}</Tag>
                ))}
              </Space>
            ) : (
              t("authorizations.all")
            ),
        },
        {
          key: "validUntil",
          title: t("authorizations.validUntil"),
          render: (_, row) => formatDateTime(row.validUntil, lang),
        },
        {
          key: "createdAt",
          title: t("authorizations.createdAt"),
          render: (_, row) => formatDateTime(row.createdAt, lang),
        },
        {
          key: "status",
          title: t("authorizations.status"),
          render: (_, row) => <AuthorizationStatusTag state={authorizationState(row)} />,
        },
        ...(onRevoke
          ? [
              {
                key: "revoke",
                render: (_: unknown, row: Authorization) =>
                  authorizationState(row) === "active" && (
                    <Popconfirm title={t("authorizations.revokeConfirm")} onConfirm={() => onRevoke(row.id)}>
                      <Button
                        data-testid="authorization-revoke"
                        size="small"
                        danger
                        loading={revoking === row.id}
                      >
                        {t("authorizations.revoke")}
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

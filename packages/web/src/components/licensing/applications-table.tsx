import { DataTable } from "../data-table";
import { Link } from "react-router";
import type { ApplicationSummary } from "../../api/licensing";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { ApplicationStatusTag } from "./application-status-tag";
import { Deadline } from "./deadline";

interface ApplicationsTableProps {
  items: ApplicationSummary[] | undefined;
  loading: boolean;
  /** Officers see whose application it is. */
  showBusiness?: boolean;
}

/** Applications in the order the server gives (a work queue: overdue first); each row opens its detail. */
export function ApplicationsTable({ items, loading, showBusiness = false }: ApplicationsTableProps) {
  const { t, label, lang } = useI18n();
  return (
    <DataTable
      exportName={t("nav.applications")}
      data-testid="applications"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        {
          key: "store",
          title: t("applications.store"),
          render: (_, row) => (
            <Link data-testid="application-link" to={row.id}>
              {row.storeName}
            </Link>
          ),
        },
        ...(showBusiness
          ? [{ key: "business", title: t("applications.business"), dataIndex: "businessName" }]
          : []),
        { key: "kind", title: t("applications.kind"), render: (_, row) => label("kind", row.kind) },
        {
          key: "status",
          title: t("applications.status"),
          render: (_, row) => <ApplicationStatusTag status={row.status} />,
        },
        {
          key: "submitted",
          title: t("applications.submittedAt"),
          render: (_, row) => formatDateTime(row.submittedAt, lang),
        },
        {
          key: "deadline",
          title: t("applications.deadline"),
          render: (_, row) => <Deadline at={row.stageDeadline} overdue={row.overdue} />,
        },
      ]}
    />
  );
}

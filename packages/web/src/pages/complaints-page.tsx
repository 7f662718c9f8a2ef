import { Segmented, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { useState } from "react";
import { Link } from "react-router";
import { listComplaints, type ComplaintStatus } from "../api/complaints";
import { ComplaintSla, ComplaintStatusTag } from "../components/complaints/complaint-sla";
import { ErrorAlert } from "../components/error-alert";
import { useLoad } from "../hooks/use-load";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

type Filter = "open" | ComplaintStatus;

/** 投诉: the district's complaint queue, overdue first, with the SLA of each. */
export function ComplaintsPage() {
  const { t, label, lang } = useI18n();
  const [filter, setFilter] = useState<Filter>("open");
  const { data, error, loading } = useLoad(async () => {
    const items = await listComplaints(filter === "open" ? {} : { status: filter });
    return filter === "open" ? items.filter((item) => item.status !== "closed") : items;
  }, [filter]);
  return (
    <>
      <Typography.Title level={3}>{t("nav.complaints")}</Typography.Title>
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 16 }}
        options={(["open", "received", "acknowledged", "assigned", "closed"] as const).map((value) => ({
          value,
          label: value === "open" ? t("complaints.filter.open") : label("complaints.status", value),
        }))}
      />
      <ErrorAlert error={error} />
      <DataTable
        exportName={t("nav.complaints")}
        data-testid="complaints"
        rowKey="id"
        loading={loading}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: "created",
            title: t("complaints.createdAt"),
            render: (_, row) => (
              <Link data-testid="complaint-link" to={row.id}>
                {formatDateTime(row.createdAt, lang)}
              </Link>
            ),
          },
          { key: "store", title: t("complaints.store"), render: (_, row) => row.storeName ?? "—" },
          {
            key: "category",
            title: t("complaints.category"),
            render: (_, row) => label("complaints.category", row.category),
          },
          { key: "excerpt", title: t("complaints.description"), dataIndex: "descriptionExcerpt" },
          {
            key: "status",
            title: t("complaints.statusLabel"),
            render: (_, row) => <ComplaintStatusTag status={row.status} />,
          },
          { key: "sla", title: t("complaints.sla"), render: (_, row) => <ComplaintSla complaint={row} /> },
        ]}
      />
    </>
  );
}

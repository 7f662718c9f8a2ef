import { Space, Tag, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { listStaff } from "../api/staff";
import { ErrorAlert } from "../components/error-alert";
import { StaffForm } from "../components/staff/staff-form";
import { StoreSelect } from "../components/store-select";
import { useLoad } from "../hooks/use-load";
import { useStoreChoice } from "../hooks/use-store-choice";
import { formatDate } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** 从业人员与健康证: a store's staff, an expired health certificate flagged; and a form to add one. */
export function StaffPage() {
  const { t, lang } = useI18n();
  const choice = useStoreChoice();
  const { storeId } = choice;
  const staff = useLoad(async () => (storeId ? listStaff(storeId) : []), [storeId]);
  return (
    <>
      <Typography.Title level={3}>{t("nav.staff")}</Typography.Title>
      <ErrorAlert error={choice.error ?? staff.error} />
      <Space style={{ marginBottom: 16 }}>
        <StoreSelect stores={choice.stores} value={storeId} onChange={choice.choose} />
      </Space>
      {storeId && (
        <StaffForm storeId={storeId} onAdded={(member) => staff.setData([...(staff.data ?? []), member])} />
      )}
      <DataTable
        exportName={t("nav.staff")}
        data-testid="staff"
        rowKey="id"
        loading={staff.loading}
        dataSource={staff.data}
        locale={{ emptyText: t("staff.none") }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: "name", title: t("staff.name"), dataIndex: "name" },
          { key: "position", title: t("staff.position"), render: (_, row) => row.position ?? "—" },
          {
            key: "no",
            title: t("staff.certificateNo"),
            render: (_, row) => row.healthCertificateNoMasked ?? "—",
          },
          { key: "issuer", title: t("staff.issuer"), dataIndex: "healthCertificateIssuer" },
          {
            key: "validTo",
            title: t("staff.validTo"),
            render: (_, row) => (
              <Space>
                {formatDate(row.healthCertificateValidTo, lang)}
                {row.healthCertificateExpired && (
                  <Tag data-testid="staff-expired" color="red">
                    {t("staff.expired")}
                  </Tag>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

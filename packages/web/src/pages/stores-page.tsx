import { Typography } from "antd";
import { DataTable } from "../components/data-table";
import { listLicenses, type License } from "../api/licensing";
import { listStores } from "../api/stores";
import { ErrorAlert } from "../components/error-alert";
import { LicenseStatusTag } from "../components/licensing/license-status-tag";
import { useLoad } from "../hooks/use-load";
import { useDomainNames } from "../i18n/domain-names";
import { formatDate } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** The licence a store trades under: its valid one, else its latest. */
function licenseOf(licenses: License[], storeId: string): License | undefined {
  const own = licenses.filter((license) => license.storeId === storeId);
  return own.find((license) => license.status === "valid") ?? own[0];
}

/** 我的门店: the business's stores, each with its licence. */
export function StoresPage() {
  const { t, lang } = useI18n();
  const names = useDomainNames();
  const { data, error, loading } = useLoad(() => Promise.all([listStores(), listLicenses()]), []);
  const [stores, licenses] = data ?? [[], []];
  const rows = stores.map((store) => ({ ...store, license: licenseOf(licenses, store.id) }));

  return (
    <>
      <Typography.Title level={3}>{t("nav.stores")}</Typography.Title>
      <ErrorAlert error={error} />
      <DataTable
        exportName={t("nav.stores")}
        data-testid="stores"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { key: "name", title: t("stores.name"), dataIndex: "name" },
          { key: "address", title: t("stores.address"), dataIndex: "address" },
          {
            key: "form",
            title: t("stores.form"),
            render: (_, row) => `${names.form(row.businessForm)} · ${names.subtype(row.subtype)}`,
          },
          {
            key: "license",
            title: t("stores.license"),
            render: (_, row) =>
              row.license ? (
                <span data-testid="store-license">{row.license.number}</span>
              ) : (
                <Typography.Text type="secondary">{t("stores.noLicense")}</Typography.Text>
              ),
          },
          {
            key: "status",
            title: t("stores.licenseStatus"),
            render: (_, row) => row.license && <LicenseStatusTag status={row.license.status} />,
          },
          {
            key: "validTo",
            title: t("stores.validTo"),
            render: (_, row) => row.license && formatDate(row.license.validTo, lang),
          },
        ]}
      />
    </>
  );
}

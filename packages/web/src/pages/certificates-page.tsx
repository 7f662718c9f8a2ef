import { Table, Typography } from "antd";
import { listLicenses } from "../api/licensing";
import { ErrorAlert } from "../components/error-alert";
import { LicenseStatusTag } from "../components/licensing/license-status-tag";
import { useLoad } from "../hooks/use-load";
import { useDomainNames } from "../i18n/domain-names";
import { formatDate } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** 电子证照: the business's licences with what each permits. */
export function CertificatesPage() {
  const { t, label, lang } = useI18n();
  const names = useDomainNames();
  const { data, error, loading } = useLoad(listLicenses, []);
  return (
    <>
      <Typography.Title level={3}>{t("nav.certificates")}</Typography.Title>
      <ErrorAlert error={error} />
      <Table
        data-testid="licenses"
        rowKey="id"
        loading={loading}
        dataSource={data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: "number",
            title: t("certificates.number"),
            render: (_, row) => <span data-testid="license-number">{row.number}</span>,
          },
          { key: "type", title: t("certificates.type"), render: (_, row) => label("licenseType", row.type) },
          {
            key: "status",
            title: t("certificates.status"),
            render: (_, row) => <LicenseStatusTag status={row.status} />,
          },
          { key: "store", title: t("certificates.store"), dataIndex: "storeName" },
          {
            key: "validity",
            title: t("certificates.validity"),
            render: (_, row) => `${formatDate(row.validFrom, lang)} – ${formatDate(row.validTo, lang)}`,
          },
          {
            key: "items",
            title: t("certificates.items"),
            render: (_, row) => (
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {row.content.items?.map((item) => (
                  <li key={item.code}>{names.item(item)}</li>
                ))}
              </ul>
            ),
          },
          { key: "version", title: t("certificates.version"), dataIndex: "version", width: 80 },
        ]}
      />
    </>
  );
}

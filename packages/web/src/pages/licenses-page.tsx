import { useState } from "react";
import { Input, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { SearchOutlined } from "@ant-design/icons";
import { listLicenses, type License } from "../api/licensing";
import { useUser } from "../auth/auth-context";
import { ErrorAlert } from "../components/error-alert";
import { LicenseStatusActions } from "../components/licensing/license-status-actions";
import { LicenseStatusTag } from "../components/licensing/license-status-tag";
import { useLoad } from "../hooks/use-load";
import { formatDate } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** 许可证: the licences of the officer's jurisdiction, found by number; an approver suspends, revokes, reinstates. */
export function LicensesPage() {
  const { t, label, lang } = useI18n();
  const approver = useUser().role === "approver";
  const { data, error, loading, setData } = useLoad(listLicenses, []);
  const [search, setSearch] = useState("");
  const wanted = search.trim().toUpperCase();
  const shown = data?.filter((license) => license.number.includes(wanted));
  const replace = (updated: License) =>
    setData((data ?? []).map((license) => (license.id === updated.id ? updated : license)));

  return (
    <>
      <Typography.Title level={3}>{t("nav.licenses")}</Typography.Title>
      <ErrorAlert error={error} />
      <Input
        data-testid="license-search"
        prefix={<SearchOutlined />}
        placeholder={t("licenses.search")}
        aria-label={t("licenses.search")}
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 320, marginBottom: 16 }}
      />
      <DataTable
        exportName={t("nav.licenses")}
        data-testid="licenses"
        rowKey="id"
        loading={loading}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: "number",
            title: t("certificates.number"),
            render: (_, row) => <span data-testid="license-number">{row.number}</span>,
          },
          { key: "business", title: t("applications.business"), dataIndex: "businessName" },
          { key: "store", title: t("certificates.store"), dataIndex: "storeName" },
          { key: "type", title: t("certificates.type"), render: (_, row) => label("licenseType", row.type) },
          {
            key: "status",
            title: t("certificates.status"),
            filters: [...new Set((data ?? []).map((row) => row.status))].map((status) => ({
              text: label("licenseStatus", status),
              value: status,
            })),
            onFilter: (status, row) => row.status === status,
            render: (_, row) => <LicenseStatusTag status={row.status} />,
          },
          {
            key: "validity",
            title: t("certificates.validity"),
            // By the year the licence expires (换证): which licences fall due when.
            filters: [...new Set((data ?? []).map((row) => row.validTo.slice(0, 4)))]
              .sort()
              .map((year) => ({ text: year, value: year })),
            onFilter: (year, row) => row.validTo.startsWith(String(year)),
            sorter: (a, b) => a.validTo.localeCompare(b.validTo),
            render: (_, row) => `${formatDate(row.validFrom, lang)} – ${formatDate(row.validTo, lang)}`,
          },
          ...(approver
            ? [
                {
                  key: "actions",
                  title: t("licenses.actions"),
                  render: (_: unknown, row: License) => (
                    <LicenseStatusActions license={row} onChanged={replace} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </>
  );
}

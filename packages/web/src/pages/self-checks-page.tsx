import { Space, Tag, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { listTemplates } from "../api/inspections";
import { listSelfChecks } from "../api/self-checks";
import { ErrorAlert } from "../components/error-alert";
import { SelfCheckForm } from "../components/self-checks/self-check-form";
import { StoreSelect } from "../components/store-select";
import { useLoad } from "../hooks/use-load";
import { useStoreChoice } from "../hooks/use-store-choice";
import { formatDate, formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** 自查: a store's self-checks against the patrol checklist, and the form to file one. */
export function SelfChecksPage() {
  const { t, lang, pick } = useI18n();
  const choice = useStoreChoice();
  const { storeId } = choice;
  const template = useLoad(
    async () => (await listTemplates()).find((candidate) => candidate.code === "patrol"),
    [],
  );
  const checks = useLoad(async () => (storeId ? listSelfChecks(storeId) : []), [storeId]);
  const itemText = (code: string) => {
    const item = template.data?.items.find((candidate) => candidate.code === code);
    return item ? pick(item.text) : code;
  };
  return (
    <>
      <Typography.Title level={3}>{t("nav.selfChecks")}</Typography.Title>
      <ErrorAlert error={choice.error ?? template.error ?? checks.error} />
      <Space style={{ marginBottom: 16 }}>
        <StoreSelect stores={choice.stores} value={storeId} onChange={choice.choose} />
      </Space>
      {storeId && template.data && (
        <SelfCheckForm
          key={storeId}
          storeId={storeId}
          template={template.data}
          onFiled={(check) => checks.setData([check, ...(checks.data ?? [])])}
        />
      )}
      <DataTable
        exportName={t("nav.selfChecks")}
        data-testid="self-checks"
        rowKey="id"
        loading={checks.loading}
        dataSource={checks.data}
        locale={{ emptyText: t("selfCheck.none") }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: "checkedOn",
            title: t("selfCheck.checkedOn"),
            render: (_, row) => formatDate(row.checkedOn, lang),
          },
          {
            key: "failed",
            title: t("selfCheck.failedItems"),
            render: (_, row) =>
              row.failedItems.length === 0 ? (
                <Tag color="green">{t("selfCheck.allPassed")}</Tag>
              ) : (
                <Space size={4} wrap>
                  {row.failedItems.map((code) => (
                    <Tag key={code} color="red">
                      {itemText(code)}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          {
            key: "createdAt",
            title: t("selfCheck.filedAt"),
            render: (_, row) => formatDateTime(row.createdAt, lang),
          },
        ]}
      />
    </>
  );
}

import { Space, Tag, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { listBatches, type Batch } from "../api/trace";
import { ErrorAlert } from "../components/error-alert";
import { StoreSelect } from "../components/store-select";
import { BatchForm } from "../components/trace/batch-form";
import { DeviceCard } from "../components/trace/device-card";
import { LicenceStatus } from "../components/trace/licence-status-tag";
import { useLoad } from "../hooks/use-load";
import { useStoreChoice } from "../hooks/use-store-choice";
import { formatDate, formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

/** The raw materials and rapid tests of one batch (the expanded row). */
function BatchDetail({ batch }: { batch: Batch }) {
  const { t, lang } = useI18n();
  return (
    <>
      <DataTable
        exportName={t("batch.materials")}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={batch.materials}
        columns={[
          { key: "name", title: t("material.name"), dataIndex: "name" },
          { key: "supplier", title: t("material.supplier"), dataIndex: "supplierName" },
          {
            key: "licence",
            title: t("material.licence"),
            render: (_, m) =>
              m.supplierLicenceNumber && (
                <Space>
                  {m.supplierLicenceNumber}
                  {m.supplierLicenceStatus && <LicenceStatus status={m.supplierLicenceStatus} />}
                </Space>
              ),
          },
          {
            key: "expiresOn",
            title: t("material.expiresOn"),
            render: (_, m) => (
              <Space>
                {formatDate(m.expiresOn, lang)}
                {m.expired && <Tag color="red">{t("material.expired")}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      {batch.rapidTests.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          {t("batch.rapidTests")}:
          {batch.rapidTests.map((r) => (
            <Tag key={r.id} color={r.result === "pass" ? "green" : "red"}>
              {r.item} {t(`rapidTest.${r.result}`)}
              {r.value ? ` (${r.value})` : ""}
            </Tag>
          ))}
        </Space>
      )}
    </>
  );
}

/** 生产批次与溯源: record batches with raw materials and rapid tests; register the devices that print trace codes. */
export function BatchesPage() {
  const { t, lang } = useI18n();
  const choice = useStoreChoice();
  const { storeId } = choice;
  const batches = useLoad(async () => (storeId ? listBatches(storeId) : []), [storeId]);
  return (
    <>
      <Typography.Title level={3}>{t("nav.batches")}</Typography.Title>
      <ErrorAlert error={choice.error ?? batches.error} />
      <Space style={{ marginBottom: 16 }}>
        <StoreSelect stores={choice.stores} value={storeId} onChange={choice.choose} />
      </Space>
      {storeId && (
        <BatchForm
          key={`batch-${storeId}`}
          storeId={storeId}
          onRecorded={(batch) => batches.setData([batch, ...(batches.data ?? [])])}
        />
      )}
      <DataTable
        exportName={t("nav.batches")}
        data-testid="batches"
        rowKey="id"
        loading={batches.loading}
        dataSource={batches.data}
        locale={{ emptyText: t("batch.none") }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{ expandedRowRender: (batch) => <BatchDetail batch={batch} /> }}
        columns={[
          { key: "batchNumber", title: t("batch.number"), dataIndex: "batchNumber" },
          { key: "product", title: t("batch.product"), dataIndex: "product" },
          {
            key: "producedAt",
            title: t("batch.producedAt"),
            render: (_, row) => formatDateTime(row.producedAt, lang),
          },
          {
            key: "materials",
            title: t("batch.materials"),
            render: (_, row) => (
              <Space size={4} wrap>
                {row.materials.map((m) => (
                  <Tag key={m.id} color={m.expired ? "red" : undefined}>
                    {m.name}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {storeId && <DeviceCard key={`devices-${storeId}`} storeId={storeId} />}
    </>
  );
}

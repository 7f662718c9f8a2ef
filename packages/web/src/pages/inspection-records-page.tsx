import { Space, Tag, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { listInspections } from "../api/inspections";
import { ErrorAlert } from "../components/error-alert";
import { StoreSelect } from "../components/store-select";
import { useLoad } from "../hooks/use-load";
import { useStoreChoice } from "../hooks/use-store-choice";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

const OUTCOME_COLORS: Record<string, string> = { pass: "green", rectify: "orange", fail: "red" };

/** 检查记录: the inspections and patrols of one store, with their score and how far from the store they were filed. */
export function InspectionRecordsPage() {
  const { t, label, lang } = useI18n();
  const choice = useStoreChoice();
  const { storeId } = choice;
  const inspections = useLoad(async () => (storeId ? listInspections(storeId) : []), [storeId]);
  return (
    <>
      <Typography.Title level={3}>{t("nav.inspectionRecords")}</Typography.Title>
      <ErrorAlert error={choice.error ?? inspections.error} />
      <Space style={{ marginBottom: 16 }}>
        <StoreSelect stores={choice.stores} value={storeId} onChange={choice.choose} />
      </Space>
      <DataTable
        exportName={t("nav.inspectionRecords")}
        data-testid="inspection-records"
        rowKey="id"
        loading={inspections.loading}
        dataSource={inspections.data}
        locale={{ emptyText: t("inspectionRecords.none") }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            key: "date",
            title: t("inspectionRecords.date"),
            render: (_, row) =>
              row.inspectedAt
                ? formatDateTime(row.inspectedAt, lang)
                : `${t("inspectionRecords.planned")} ${row.plannedFor ?? ""}`,
          },
          {
            key: "kind",
            title: t("inspectionRecords.kind"),
            render: (_, row) => label("inspectionKind", row.kind),
          },
          {
            key: "outcome",
            title: t("inspectionRecords.outcome"),
            render: (_, row) =>
              row.outcome && (
                <Tag color={OUTCOME_COLORS[row.outcome]}>{label("onsite.outcome", row.outcome)}</Tag>
              ),
          },
          { key: "score", title: t("inspectionRecords.score"), render: (_, row) => row.score ?? "—" },
          {
            key: "distance",
            title: t("inspectionRecords.distance"),
            render: (_, row) => (
              <Space>
                {row.distanceM === null ? "—" : t("inspectionRecords.metres", { distance: row.distanceM })}
                {row.farFromStore && (
                  <Tag data-testid="inspection-far" color="red">
                    {t("inspectionRecords.far")}
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

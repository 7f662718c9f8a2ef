import { Button, Segmented, Tag } from "antd";
import { DataTable } from "../data-table";
import { useState } from "react";
import { listPlanItems, type PlanItem, type PlanMode } from "../../api/supervision";
import { useLoad } from "../../hooks/use-load";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/**
 * A plan's items of one mode, 50 at a time: the offline visits first (the work to do, with their two drawn
 * inspectors), the online patrols on the switch.
 */
export function PlanItemsTable({
  planId,
  gradeLabel,
}: {
  planId: string;
  gradeLabel: (grade: string) => string;
}) {
  const { t, label } = useI18n();
  const [mode, setMode] = useState<PlanMode>("offline");
  const first = useLoad(() => listPlanItems(planId, { mode }), [planId, mode]);
  const [more, setMore] = useState<{ items: PlanItem[]; nextCursor: string | null } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const next = more ? more.nextCursor : (first.data?.nextCursor ?? null);
  const loadMore = async (cursor: string) => {
    try {
      const page = await listPlanItems(planId, { mode, cursor });
      setMore({ items: [...(more?.items ?? []), ...page.items], nextCursor: page.nextCursor });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <ErrorAlert error={first.error ?? error} />
      <Segmented<PlanMode>
        data-testid="plan-items-mode"
        style={{ marginBottom: 8 }}
        value={mode}
        onChange={(value) => {
          setMode(value);
          setMore(null);
        }}
        options={(["offline", "online"] as const).map((value) => ({
          value,
          label: label("plans.mode", value),
        }))}
      />
      <DataTable<PlanItem>
        exportName={t("plans.items")}
        data-testid="plan-items"
        size="small"
        rowKey="id"
        loading={first.loading}
        dataSource={[...(first.data?.items ?? []), ...(more?.items ?? [])]}
        pagination={false}
        locale={{ emptyText: t("plans.noItems") }}
        columns={[
          { key: "store", title: t("supervision.store"), dataIndex: "storeName" },
          { key: "grade", title: t("plans.grade"), render: (_, item) => gradeLabel(item.grade) },
          { key: "mode", title: t("plans.mode"), render: (_, item) => label("plans.mode", item.mode) },
          {
            key: "inspectors",
            title: t("plans.inspectors"),
            render: (_, item) => item.inspectors.map((i) => i.displayName).join("、"),
          },
          {
            key: "visits",
            title: t("plans.visits"),
            render: (_, item) => (
              <Tag color={item.done ? "green" : "default"}>
                {item.visitsDone} / {item.visitsRequired}
              </Tag>
            ),
          },
        ]}
      />
      {next && (
        <Button data-testid="plan-items-more" style={{ marginTop: 8 }} onClick={() => void loadMore(next)}>
          {t("plans.more")}
        </Button>
      )}
    </>
  );
}

import { Card, Empty } from "antd";
import { DataTable } from "../data-table";
import type { Distribution } from "../../api/credit";
import { useI18n } from "../../i18n/language";
import { GradeTag, useModelNames } from "./grade-tags";

/** Stores per grade of each model in the month, within the officer's jurisdiction. */
export function GradeDistribution({ distribution }: { distribution: Distribution | undefined }) {
  const { t } = useI18n();
  const names = useModelNames();
  const models = [...new Set(distribution?.items.map((item) => item.model))];
  return (
    <Card
      data-testid="grade-distribution"
      title={`${t("grading.distribution")}${distribution?.period ? ` · ${distribution.period}` : ""}`}
      style={{ marginTop: 16 }}
    >
      {models.length === 0 && <Empty description={t("grading.none")} />}
      {models.map((model) => {
        const items = distribution!.items.filter((item) => item.model === model);
        const total = items.reduce((sum, item) => sum + item.count, 0);
        return (
          <DataTable
            exportName={t("grading.distribution")}
            key={model}
            size="small"
            rowKey="grade"
            title={() => names.model(model)}
            pagination={false}
            dataSource={items}
            style={{ marginBottom: 16 }}
            columns={[
              {
                key: "grade",
                title: t("grading.grade"),
                render: (_, item) => (
                  <GradeTag model={model} grade={item.grade} riskColour={item.riskColour} />
                ),
              },
              { key: "count", title: t("grading.count"), dataIndex: "count" },
              {
                key: "share",
                title: t("grading.share"),
                render: (_, item) => `${Math.round((100 * item.count) / total)} %`,
              },
            ]}
          />
        );
      })}
    </Card>
  );
}

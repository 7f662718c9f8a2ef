import { findModel } from "@shian/domain";
import { Card, Col, Collapse, Progress, Row, Typography } from "antd";
import { publicDrawUrl, type Completion, type Plan } from "../../api/supervision";
import { useI18n } from "../../i18n/language";
import { DrawRecord } from "./draw-record";
import { PlanItemsTable } from "./plan-items-table";

const percent = (done: number, total: number) => (total === 0 ? 100 : Math.round((done / total) * 100));

function CompletionBar({ title, completion }: { title: string; completion: Completion }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Text>{title}</Typography.Text>
      <Progress
        percent={percent(completion.visitsDone, completion.visitsRequired)}
        format={() => `${completion.visitsDone} / ${completion.visitsRequired}`}
      />
      <Typography.Text type="secondary">
        {t("plans.itemsDone", { done: completion.itemsDone, total: completion.items })}
      </Typography.Text>
    </div>
  );
}

/** One plan: overall and per-grade completion, the public draw record, the items. */
export function PlanCard({ plan }: { plan: Plan }) {
  const { t, label, pick } = useI18n();
  const model = findModel(plan.model);
  const gradeLabel = (grade: string) => {
    const band = model?.bands.find((b) => b.grade === grade);
    return band ? pick(band.label) : grade;
  };
  return (
    <Card
      data-testid="plan-card"
      size="small"
      style={{ marginBottom: 16 }}
      title={`${plan.period} · ${plan.regionCode} · ${model ? pick(model.label) : plan.model} v${plan.modelVersion}`}
      extra={
        plan.drawId && (
          <a data-testid="plan-draw-link" href={publicDrawUrl(plan.drawId)} target="_blank" rel="noreferrer">
            {t("plans.publicDraw")}
          </a>
        )
      }
    >
      <CompletionBar title={t("plans.total")} completion={plan.completion} />
      <Row gutter={[24, 12]} style={{ marginTop: 12 }}>
        {plan.grades.map((row) => (
          <Col key={`${row.grade}-${row.mode}`} xs={24} md={12} lg={8}>
            <CompletionBar
              title={`${gradeLabel(row.grade)} · ${label("plans.mode", row.mode)}`}
              completion={row}
            />
          </Col>
        ))}
      </Row>
      <Collapse
        style={{ marginTop: 12 }}
        items={[
          ...(plan.drawId
            ? [{ key: "draw", label: t("draws.record"), children: <DrawRecord drawId={plan.drawId} /> }]
            : []),
          {
            key: "items",
            label: t("plans.items"),
            children: <PlanItemsTable planId={plan.id} gradeLabel={gradeLabel} />,
          },
        ]}
      />
    </Card>
  );
}

import { Descriptions, List, Progress, Typography } from "antd";
import { DataTable } from "../data-table";
import type { Grade } from "../../api/credit";
import { formatDate } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { CodeColourTag, GradeTag, useModelNames } from "./grade-tags";

/**
 * One month's grade explained: score, colours, each dimension, what to improve, and the indicators below 100 or
 * without data yet.
 */
export function GradeBreakdown({ grade }: { grade: Grade }) {
  const { t, lang, pick } = useI18n();
  const names = useModelNames();
  const below = grade.indicators.filter((indicator) => indicator.score === null || indicator.score < 100);
  return (
    <div data-testid="grade-breakdown">
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("grading.model")}>{names.model(grade.model)}</Descriptions.Item>
        <Descriptions.Item label={t("grading.period")}>{grade.period}</Descriptions.Item>
        <Descriptions.Item label={t("grading.score")}>{grade.score}</Descriptions.Item>
        <Descriptions.Item label={t("grading.grade")}>
          <GradeTag model={grade.model} grade={grade.grade} riskColour={grade.riskColour} />
        </Descriptions.Item>
        <Descriptions.Item label={t("grading.gradeCodeColour")}>
          <CodeColourTag colour={grade.codeColour} />
        </Descriptions.Item>
        <Descriptions.Item label={t("grading.gradedOn")}>
          {formatDate(grade.gradedAt, lang)}
        </Descriptions.Item>
        {grade.vetoed.length > 0 && (
          <Descriptions.Item label={t("grading.vetoed")} span={3}>
            {grade.vetoed.map((code) => names.veto(grade.model, code)).join("；")}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Typography.Title level={5}>{t("grading.dimensions")}</Typography.Title>
      {grade.dimensions.map((d) => (
        <div key={d.dimension} data-testid="grade-dimension">
          {names.dimension(grade.model, d.dimension)} · {Math.round(d.weight * 100)} %
          <Progress percent={d.score} format={(percent) => percent} />
        </div>
      ))}

      <Typography.Title level={5}>{t("grading.improve")}</Typography.Title>
      <List
        data-testid="grade-improvements"
        size="small"
        dataSource={grade.improvements}
        locale={{ emptyText: t("grading.allFull") }}
        renderItem={(item) => <List.Item>{pick(item.advice)}</List.Item>}
      />

      <Typography.Title level={5}>{t("grading.indicators")}</Typography.Title>
      <DataTable
        exportName={t("grading.indicators")}
        data-testid="grade-indicators"
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={below}
        locale={{ emptyText: t("grading.allFull") }}
        columns={[
          { key: "label", title: t("grading.indicator"), render: (_, i) => pick(i.label) },
          {
            key: "dimension",
            title: t("grading.dimension"),
            render: (_, i) => names.dimension(grade.model, i.dimension),
          },
          {
            key: "score",
            title: t("grading.score"),
            render: (_, i) => i.score ?? t("grading.noData"),
          },
          { key: "advice", title: t("grading.advice"), render: (_, i) => (i.advice ? pick(i.advice) : "—") },
        ]}
      />
    </div>
  );
}

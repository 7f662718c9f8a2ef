import { DataTable } from "../data-table";
import type { Grade } from "../../api/credit";
import { useI18n } from "../../i18n/language";
import { CodeColourTag, GradeTag, useModelNames } from "./grade-tags";

/** A store's past grades, newest first; a row opens its breakdown. */
export function GradeHistoryTable({ history, onOpen }: { history: Grade[]; onOpen: (grade: Grade) => void }) {
  const { t } = useI18n();
  const names = useModelNames();
  return (
    <DataTable
      exportName={t("grading.history")}
      data-testid="grade-history"
      size="small"
      rowKey={(grade) => `${grade.model}-${grade.period}`}
      pagination={{ pageSize: 12, hideOnSinglePage: true }}
      dataSource={history}
      onRow={(grade) => ({ onClick: () => onOpen(grade), style: { cursor: "pointer" } })}
      columns={[
        { key: "period", title: t("grading.period"), dataIndex: "period" },
        { key: "model", title: t("grading.model"), render: (_, grade) => names.model(grade.model) },
        { key: "score", title: t("grading.score"), dataIndex: "score" },
        {
          key: "grade",
          title: t("grading.grade"),
          render: (_, grade) => (
            <GradeTag model={grade.model} grade={grade.grade} riskColour={grade.riskColour} />
          ),
        },
        {
          key: "code",
          title: t("grading.gradeCodeColour"),
          render: (_, grade) => <CodeColourTag colour={grade.codeColour} />,
        },
      ]}
    />
  );
}

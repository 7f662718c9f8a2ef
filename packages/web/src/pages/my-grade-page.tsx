import { Alert, Card, Empty, Space, Typography } from "antd";
import { useState } from "react";
import { liveCodeColour, storeGrades, type Grade } from "../api/credit";
import { BadgeSnippet } from "../components/credit/badge-snippet";
import { ErrorAlert } from "../components/error-alert";
import { GradeBreakdown } from "../components/credit/grade-breakdown";
import { GradeHistoryTable } from "../components/credit/grade-history-table";
import { StoreSelect } from "../components/store-select";
import { useLoad } from "../hooks/use-load";
import { useStoreChoice } from "../hooks/use-store-choice";
import { useI18n } from "../i18n/language";

/** 我的信用: a store's grade and 食安码 colour, what the score is made of, what to improve, and its history. */
export function MyGradePage() {
  const { t } = useI18n();
  const choice = useStoreChoice();
  const { storeId } = choice;
  const grades = useLoad(async () => (storeId ? storeGrades(storeId) : undefined), [storeId]);
  const live = useLoad(async () => (storeId ? liveCodeColour(storeId) : undefined), [storeId]);
  const liveColour = live.data?.colour;
  const [opened, open] = useState<Grade>();
  const shown = opened && grades.data?.history.includes(opened) ? opened : grades.data?.history[0];
  return (
    <>
      <Typography.Title level={3}>{t("nav.myGrade")}</Typography.Title>
      <ErrorAlert error={choice.error ?? grades.error} />
      <Space style={{ marginBottom: 16 }}>
        <StoreSelect stores={choice.stores} value={storeId} onChange={choice.choose} />
      </Space>
      {liveColour && grades.data?.current && liveColour !== grades.data.current.colour && (
        <Alert
          data-testid="live-code-colour"
          type="warning"
          showIcon
          title={t("grading.liveCode", { colour: t(`grading.code.${liveColour}`) })}
          style={{ marginBottom: 16 }}
        />
      )}
      {grades.data && !shown && <Empty description={t("grading.notGraded")} />}
      {shown && (
        <Card data-testid="my-grade" loading={grades.loading} style={{ marginBottom: 16 }}>
          <GradeBreakdown grade={shown} />
        </Card>
      )}
      {live.data?.safetyCode && <BadgeSnippet safetyCode={live.data.safetyCode} />}
      {grades.data && grades.data.history.length > 0 && (
        <Card title={t("grading.history")}>
          <GradeHistoryTable history={grades.data.history} onOpen={open} />
        </Card>
      )}
    </>
  );
}

import { Alert, Button, Flex, Typography } from "antd";
import type { CheckResult } from "../../api/inspections";
import { recordOnlinePatrol, type PatrolStore, type RecordedPatrol } from "../../api/online-patrols";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ChecklistItems, useChecklistAnswers } from "../checklist-items";
import { ErrorAlert } from "../error-alert";

/**
 * The right half of the patrol: the online checklist with pass / fail / n.a. and a note per failed item. The
 * chosen snapshots go with each failed item as its evidence; with none failed, with each passed item.
 */
export function PatrolChecklist({
  store,
  period,
  snapshotIds,
  onRecorded,
}: {
  store: PatrolStore;
  period: string;
  snapshotIds: readonly string[];
  onRecorded: (patrol: RecordedPatrol) => void;
}) {
  const { t, pick } = useI18n();
  const { run, pending, error } = useAction<RecordedPatrol>(onRecorded);
  const items = store.checklist.items;
  const answers = useChecklistAnswers(items);
  const anyFailed = items.some((item) => answers.results[item.code] === "fail");
  const evidenceFor = (result: CheckResult) =>
    snapshotIds.length > 0 && result === (anyFailed ? "fail" : "pass") ? [...snapshotIds] : [];

  const submit = () =>
    run("record", () =>
      recordOnlinePatrol({
        storeId: store.storeId,
        period,
        results: items.map(({ code }) => {
          const result = answers.results[code]!;
          const note = answers.noteOf(code);
          const evidence = evidenceFor(result);
          return {
            code,
            result,
            ...(note ? { note } : {}),
            ...(evidence.length ? { snapshotIds: evidence } : {}),
          };
        }),
      }),
    );

  return (
    <Flex vertical gap={12} data-testid="online-patrol-checklist">
      <Typography.Text strong>{pick(store.checklist.title)}</Typography.Text>
      <Alert type="info" showIcon title={t("onlinePatrol.checklistHint")} />
      <ErrorAlert error={error} />
      <ChecklistItems items={items} answers={answers} testIdPrefix="online-patrol" />
      <Typography.Text type="secondary" data-testid="online-patrol-evidence-count">
        {t("onlinePatrol.evidenceChosen", { count: snapshotIds.length })}
      </Typography.Text>
      <Button
        data-testid="online-patrol-submit"
        type="primary"
        disabled={!answers.complete}
        loading={pending === "record"}
        onClick={() => void submit()}
        style={{ alignSelf: "flex-start" }}
      >
        {t("onlinePatrol.submit")}
      </Button>
    </Flex>
  );
}

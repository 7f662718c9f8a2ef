import { Alert, Button, Flex, Input, Radio, Tag, Typography } from "antd";
import { useState } from "react";
import type { CheckResult } from "../../api/inspections";
import { recordOnlinePatrol, type PatrolStore, type RecordedPatrol } from "../../api/online-patrols";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

const RESULTS: CheckResult[] = ["pass", "fail", "na"];

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
  const [results, setResults] = useState<Record<string, CheckResult>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const { run, pending, error } = useAction<RecordedPatrol>(onRecorded);
  const items = store.checklist.items;
  const complete = items.every((item) => results[item.code]);
  const anyFailed = items.some((item) => results[item.code] === "fail");
  const evidenceFor = (result: CheckResult) =>
    snapshotIds.length > 0 && result === (anyFailed ? "fail" : "pass") ? [...snapshotIds] : [];

  const submit = () =>
    run("record", () =>
      recordOnlinePatrol({
        storeId: store.storeId,
        period,
        results: items.map(({ code }) => {
          const result = results[code]!;
          const note = result === "fail" ? notes[code]?.trim() : undefined;
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
      {items.map((item) => (
        <Flex key={item.code} vertical gap={4} data-testid={`online-patrol-item-${item.code}`}>
          <Typography.Text>
            {pick(item.text)}
            {item.critical && <Tag color="red">!</Tag>}
          </Typography.Text>
          <Radio.Group
            value={results[item.code]}
            onChange={(event) => setResults({ ...results, [item.code]: event.target.value as CheckResult })}
          >
            {RESULTS.map((result) => (
              <Radio key={result} value={result}>
                <span data-testid={`online-patrol-${item.code}-${result}`}>{t(`patrol.${result}`)}</span>
              </Radio>
            ))}
          </Radio.Group>
          {results[item.code] === "fail" && (
            <Input
              data-testid={`online-patrol-note-${item.code}`}
              placeholder={t("patrol.note")}
              maxLength={1000}
              value={notes[item.code] ?? ""}
              onChange={(event) => setNotes({ ...notes, [item.code]: event.target.value })}
            />
          )}
        </Flex>
      ))}
      <Typography.Text type="secondary" data-testid="online-patrol-evidence-count">
        {t("onlinePatrol.evidenceChosen", { count: snapshotIds.length })}
      </Typography.Text>
      <Button
        data-testid="online-patrol-submit"
        type="primary"
        disabled={!complete}
        loading={pending === "record"}
        onClick={() => void submit()}
        style={{ alignSelf: "flex-start" }}
      >
        {t("onlinePatrol.submit")}
      </Button>
    </Flex>
  );
}

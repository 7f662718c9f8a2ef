// A checklist answered item by item (pass / fail / n.a., with a note for a failure): the owner's self-check and
// the inspector's online patrol answer the same patrol checklist the same way.
import { Flex, Input, Radio, Tag, Typography } from "antd";
import { useState } from "react";
import type { CheckResult, TemplateItem } from "../api/inspections";
import { useI18n } from "../i18n/language";

const RESULTS: CheckResult[] = ["pass", "fail", "na"];

export interface ChecklistAnswers {
  results: Readonly<Record<string, CheckResult>>;
  notes: Readonly<Record<string, string>>;
  setResult: (code: string, result: CheckResult) => void;
  setNote: (code: string, note: string) => void;
  /** Every item has an answer. */
  complete: boolean;
  /** The trimmed note of a failed item (a note typed before the answer changed from fail is dropped). */
  noteOf: (code: string) => string | undefined;
  reset: () => void;
}

/** The answers to `items`, none at first. */
export function useChecklistAnswers(items: readonly TemplateItem[]): ChecklistAnswers {
  const [results, setResults] = useState<Record<string, CheckResult>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  return {
    results,
    notes,
    setResult: (code, result) => setResults((current) => ({ ...current, [code]: result })),
    setNote: (code, note) => setNotes((current) => ({ ...current, [code]: note })),
    complete: items.every((item) => results[item.code]),
    noteOf: (code) => (results[code] === "fail" ? notes[code]?.trim() : undefined),
    reset: () => {
      setResults({});
      setNotes({});
    },
  };
}

/**
 * The items with their radio buttons and, for a failed item, its note. Test ids: `<testIdPrefix>-item-<code>`,
 * `<testIdPrefix>-<code>-<result>` and `<testIdPrefix>-note-<code>`.
 */
export function ChecklistItems({
  items,
  answers,
  testIdPrefix,
}: {
  items: readonly TemplateItem[];
  answers: ChecklistAnswers;
  testIdPrefix: string;
}) {
  const { t, pick } = useI18n();
  const { results, notes, setResult, setNote } = answers;
  return items.map((item) => (
    <Flex key={item.code} vertical gap={4} data-testid={`${testIdPrefix}-item-${item.code}`}>
      <Typography.Text>
        {pick(item.text)}
        {item.critical && <Tag color="red">!</Tag>}
      </Typography.Text>
      <Radio.Group
        value={results[item.code]}
        onChange={(event) => setResult(item.code, event.target.value as CheckResult)}
      >
        {RESULTS.map((result) => (
          <Radio key={result} value={result}>
            <span data-testid={`${testIdPrefix}-${item.code}-${result}`}>{t(`patrol.${result}`)}</span>
          </Radio>
        ))}
      </Radio.Group>
      {results[item.code] === "fail" && (
        <Input
          data-testid={`${testIdPrefix}-note-${item.code}`}
          placeholder={t("patrol.note")}
          maxLength={1000}
          value={notes[item.code] ?? ""}
          onChange={(event) => setNote(item.code, event.target.value)}
        />
      )}
    </Flex>
  ));
}

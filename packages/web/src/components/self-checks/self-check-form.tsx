import { App, Button, Card, DatePicker, Flex, Input, Radio, Tag, Typography } from "antd";
// antd's date type: a type-only import of antd's own dependency.
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { CheckResult, InspectionTemplate } from "../../api/inspections";
import { fileSelfCheck, type SelfCheck } from "../../api/self-checks";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

const RESULTS: CheckResult[] = ["pass", "fail", "na"];

interface SelfCheckFormProps {
  storeId: string;
  /** The patrol checklist a self-check answers. */
  template: InspectionTemplate;
  onFiled: (check: SelfCheck) => void;
}

/** Files a self-check: a date (not in the future) and an answer, with a note for a failure, to every item. */
export function SelfCheckForm({ storeId, template, onFiled }: SelfCheckFormProps) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const [checkedOn, setCheckedOn] = useState<Dayjs | null>(null);
  const [results, setResults] = useState<Record<string, CheckResult>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const { run, pending, error } = useAction<SelfCheck>((check) => {
    void message.success(t("selfCheck.filed"));
    setResults({});
    setNotes({});
    onFiled(check);
  });
  const complete = checkedOn && template.items.every((item) => results[item.code]);

  const file = (day: Dayjs) =>
    run("file", () =>
      fileSelfCheck(
        storeId,
        day.format("YYYY-MM-DD"),
        template.items.map(({ code }) => {
          const note = results[code] === "fail" ? notes[code]?.trim() : undefined;
          return { code, result: results[code]!, ...(note ? { note } : {}) };
        }),
      ),
    );

  return (
    <Card size="small" title={t("selfCheck.new")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Flex vertical gap={12} style={{ maxWidth: 720 }}>
        <label>
          {t("selfCheck.checkedOn")}{" "}
          <DatePicker
            data-testid="self-check-date"
            format="YYYY-MM-DD"
            value={checkedOn}
            onChange={setCheckedOn}
            disabledDate={(date) => date.isAfter(new Date(), "day")}
          />
        </label>
        {template.items.map((item) => (
          <Flex key={item.code} vertical gap={4} data-testid={`self-check-item-${item.code}`}>
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
                  <span data-testid={`self-check-${item.code}-${result}`}>{t(`patrol.${result}`)}</span>
                </Radio>
              ))}
            </Radio.Group>
            {results[item.code] === "fail" && (
              <Input
                data-testid={`self-check-note-${item.code}`}
                placeholder={t("patrol.note")}
                maxLength={1000}
                value={notes[item.code] ?? ""}
                onChange={(event) => setNotes({ ...notes, [item.code]: event.target.value })}
              />
            )}
          </Flex>
        ))}
        <Button
          data-testid="self-check-submit"
          type="primary"
          disabled={!complete}
          loading={pending === "file"}
          onClick={() => checkedOn && void file(checkedOn)}
          style={{ alignSelf: "flex-start" }}
        >
          {t("selfCheck.submit")}
        </Button>
      </Flex>
    </Card>
  );
}

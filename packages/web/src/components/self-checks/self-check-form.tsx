import { App, Button, Card, DatePicker, Flex } from "antd";
// antd's date type: a type-only import of antd's own dependency.
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { InspectionTemplate } from "../../api/inspections";
import { fileSelfCheck, type SelfCheck } from "../../api/self-checks";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ChecklistItems, useChecklistAnswers } from "../checklist-items";
import { ErrorAlert } from "../error-alert";

interface SelfCheckFormProps {
  storeId: string;
  /** The patrol checklist a self-check answers. */
  template: InspectionTemplate;
  onFiled: (check: SelfCheck) => void;
}

/** Files a self-check: a date (not in the future) and an answer, with a note for a failure, to every item. */
export function SelfCheckForm({ storeId, template, onFiled }: SelfCheckFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [checkedOn, setCheckedOn] = useState<Dayjs | null>(null);
  const answers = useChecklistAnswers(template.items);
  const { run, pending, error } = useAction<SelfCheck>((check) => {
    void message.success(t("selfCheck.filed"));
    answers.reset();
    onFiled(check);
  });
  const complete = checkedOn && answers.complete;

  const file = (day: Dayjs) =>
    run("file", () =>
      fileSelfCheck(
        storeId,
        day.format("YYYY-MM-DD"),
        template.items.map(({ code }) => {
          const note = answers.noteOf(code);
          return { code, result: answers.results[code]!, ...(note ? { note } : {}) };
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
        <ChecklistItems items={template.items} answers={answers} testIdPrefix="self-check" />
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

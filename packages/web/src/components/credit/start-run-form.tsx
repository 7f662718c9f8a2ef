import { CREDIT_MODELS, chinaDate, type CreditModelId } from "@shian/domain";
import { Button, Form, Input, Select } from "antd";
import { startRun, type GradingRun } from "../../api/credit";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";
import { useModelNames } from "./grade-tags";

interface Values {
  model: CreditModelId;
  period: string;
}

/** Starts the grading of a month with a model (an admin or a leader); the run then shows in the table. */
export function StartRunForm({ onStarted }: { onStarted: (run: GradingRun) => void }) {
  const { t } = useI18n();
  const names = useModelNames();
  const action = useAction(onStarted);
  const thisMonth = chinaDate(new Date()).slice(0, 7);
  return (
    <>
      <ErrorAlert error={action.error} />
      <Form<Values>
        layout="inline"
        style={{ marginBottom: 16 }}
        initialValues={{ model: CREDIT_MODELS[0]!.id, period: thisMonth }}
        onFinish={(values) => void action.run("start", () => startRun(values))}
      >
        <Form.Item name="model" label={t("grading.model")} rules={[{ required: true }]}>
          <Select
            data-testid="grading-model"
            style={{ minWidth: 280 }}
            options={CREDIT_MODELS.map((model) => ({ value: model.id, label: names.model(model.id) }))}
          />
        </Form.Item>
        <Form.Item name="period" label={t("grading.period")} rules={[{ required: true }]}>
          <Input data-testid="grading-period" type="month" max={thisMonth} />
        </Form.Item>
        <Button
          data-testid="grading-start"
          type="primary"
          htmlType="submit"
          loading={action.pending === "start"}
        >
          {t("grading.start")}
        </Button>
      </Form>
    </>
  );
}

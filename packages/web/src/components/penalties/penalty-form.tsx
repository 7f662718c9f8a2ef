import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio } from "antd";
// antd's date type: a type-only import of antd's own dependency.
import type { Dayjs } from "dayjs";
import { recordPenalty, type Penalty, type Severity } from "../../api/penalties";
import type { Store } from "../../api/stores";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";
import { StoreSelect } from "../store-select";

interface PenaltyFields {
  storeId: string;
  decisionNumber: string;
  decidedOn: Dayjs;
  violation: string;
  legalBasis: string;
  fineYuan?: number;
  severity: Severity;
}

const SEVERITIES: Severity[] = ["minor", "general", "serious"];

/** Records a penalty; the server serves the decision and the credit-repair notice together (双书同达). */
export function PenaltyForm({
  stores,
  onRecorded,
}: {
  stores: Store[] | undefined;
  onRecorded: (p: Penalty) => void;
}) {
  const { t, label } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PenaltyFields>();
  const { run, pending, error } = useAction<Penalty>((penalty) => {
    void message.success(t("penalties.recorded"));
    form.resetFields();
    onRecorded(penalty);
  });
  const required = { required: true, whitespace: true, message: t("supervision.required") };
  const record = ({ decidedOn, fineYuan, ...fields }: PenaltyFields) =>
    run("record", () =>
      recordPenalty({
        ...fields,
        decidedOn: decidedOn.format("YYYY-MM-DD"),
        ...(fineYuan ? { fineYuan } : {}),
      }),
    );
  return (
    <Card size="small" title={t("penalties.new")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Form<PenaltyFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ severity: "general" }}
        onFinish={record}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="storeId"
          label={t("supervision.store")}
          rules={[{ required: true, message: t("supervision.required") }]}
        >
          <StoreSelect stores={stores} testId="penalty-store" />
        </Form.Item>
        <Form.Item name="decisionNumber" label={t("penalties.decisionNumber")} rules={[required]}>
          <Input data-testid="penalty-number" maxLength={100} placeholder="甬镇市监处罚〔2026〕1号" />
        </Form.Item>
        <Form.Item
          name="decidedOn"
          label={t("penalties.decidedOn")}
          rules={[{ required: true, message: t("supervision.required") }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="violation" label={t("penalties.violation")} rules={[required]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t("lists.legalBasis")} rules={[required]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="fineYuan" label={t("penalties.fineYuan")}>
          <InputNumber min={0.01} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="severity" label={t("penalties.severity")} extra={t("penalties.severityHint")}>
          <Radio.Group
            options={SEVERITIES.map((value) => ({ value, label: label("penalties.severity", value) }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending === "record"} data-testid="penalty-record">
          {t("penalties.record")}
        </Button>
      </Form>
    </Card>
  );
}

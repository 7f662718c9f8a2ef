import { App, Button, Card, DatePicker, Form, Input, Radio } from "antd";
// antd's date type: a type-only import of antd's own dependency.
import type { Dayjs } from "dayjs";
import { publishEntry, type ListEntry, type ListKind } from "../../api/lists";
import type { Store } from "../../api/stores";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";
import { StoreSelect } from "../store-select";

interface PublishFields {
  list: ListKind;
  storeId: string;
  reason: string;
  legalBasis: string;
  expiresOn: Dayjs;
}

interface PublishFormProps {
  stores: Store[] | undefined;
  onPublished: (entry: ListEntry) => void;
}

/** Puts a store on the red or the black list, with the reason, the legal basis and the last day it shows. */
export function PublishForm({ stores, onPublished }: PublishFormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishFields>();
  const { run, pending, error } = useAction<ListEntry>((entry) => {
    void message.success(t("lists.published"));
    form.resetFields();
    onPublished(entry);
  });
  const required = { required: true, whitespace: true, message: t("supervision.required") };

  const publish = ({ expiresOn, ...fields }: PublishFields) =>
    run("publish", () => publishEntry({ ...fields, expiresOn: expiresOn.format("YYYY-MM-DD") }));

  return (
    <Card size="small" title={t("lists.new")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Form<PublishFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ list: "red" }}
        onFinish={publish}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="list" label={t("lists.list")}>
          <Radio.Group>
            <Radio value="red">
              <span data-testid="list-red">{t("lists.list.red")}</span>
            </Radio>
            <Radio value="black">
              <span data-testid="list-black">{t("lists.list.black")}</span>
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="storeId"
          label={t("supervision.store")}
          rules={[{ required: true, message: t("supervision.required") }]}
        >
          <StoreSelect stores={stores} testId="list-store" />
        </Form.Item>
        <Form.Item name="reason" label={t("lists.reason")} rules={[required]}>
          <Input.TextArea data-testid="list-reason" rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t("lists.legalBasis")} rules={[required]}>
          <Input data-testid="list-legal-basis" maxLength={500} />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t("lists.expiresOn")}
          rules={[{ required: true, message: t("supervision.required") }]}
        >
          <DatePicker
            data-testid="list-expires-on"
            format="YYYY-MM-DD"
            disabledDate={(date) => date.isBefore(new Date(), "day")}
          />
        </Form.Item>
        <Button data-testid="list-submit" type="primary" htmlType="submit" loading={pending === "publish"}>
          {t("lists.publish")}
        </Button>
      </Form>
    </Card>
  );
}

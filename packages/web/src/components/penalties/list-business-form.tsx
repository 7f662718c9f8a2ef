import { Button, Card, DatePicker, Form, Input } from "antd";
// antd's date type: a type-only import of antd's own dependency.
import type { Dayjs } from "dayjs";
import { listBusiness, type DishonestyEntry, type StoreOfBusiness } from "../../api/dishonesty";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";
import { StoreSelect } from "../store-select";

interface ListFields {
  storeId: string;
  reason: string;
  legalBasis: string;
  listedOn: Dayjs;
  until: Dayjs;
}

/** A leader lists the business of a store by hand (e.g. on the court's feedback). */
export function ListBusinessForm({
  stores,
  onListed,
}: {
  stores: StoreOfBusiness[] | undefined;
  onListed: (entry: DishonestyEntry) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ListFields>();
  const { run, pending, error } = useAction<DishonestyEntry>((entry) => {
    form.resetFields();
    onListed(entry);
  });
  const required = { required: true, whitespace: true, message: t("supervision.required") };
  const list = ({ storeId, listedOn, until, ...fields }: ListFields) =>
    run("list", () =>
      listBusiness({
        ...fields,
        businessId: stores!.find((store) => store.id === storeId)!.businessId,
        listedOn: listedOn.format("YYYY-MM-DD"),
        until: until.format("YYYY-MM-DD"),
      }),
    );
  return (
    <Card size="small" title={t("dishonesty.new")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Form<ListFields>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={list}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="storeId"
          label={t("supervision.store")}
          rules={[{ required: true, message: t("supervision.required") }]}
        >
          <StoreSelect stores={stores} testId="dishonesty-store" />
        </Form.Item>
        <Form.Item name="reason" label={t("lists.reason")} rules={[required]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t("lists.legalBasis")} rules={[required]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item
          name="listedOn"
          label={t("dishonesty.listedOn")}
          rules={[{ required: true, message: t("supervision.required") }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item
          name="until"
          label={t("dishonesty.until")}
          rules={[{ required: true, message: t("supervision.required") }]}
        >
          <DatePicker format="YYYY-MM-DD" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={pending === "list"}>
          {t("dishonesty.list")}
        </Button>
      </Form>
    </Card>
  );
}

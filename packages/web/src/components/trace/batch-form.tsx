import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from "antd";
// antd's date type: a type-only import of antd's own dependency.
import type { Dayjs } from "dayjs";
import { recordBatch, type Batch } from "../../api/trace";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";
import { LiveLicenceStatus } from "./licence-status-tag";

interface MaterialValues {
  name: string;
  supplierName: string;
  supplierLicenceNumber?: string;
  quantity?: number;
  unit?: string;
  purchasedOn?: Dayjs;
  expiresOn?: Dayjs;
}

interface BatchValues {
  batchNumber: string;
  product: string;
  producedAt: Dayjs;
  quantity?: number;
  unit?: string;
  materials: MaterialValues[];
  rapidTests?: { item: string; result: "pass" | "fail"; value?: string }[];
}

/** An optional field as a one-member object, or nothing when it is empty. */
function optional<K extends string, V>(key: K, value: V | undefined | null | ""): Partial<Record<K, V>> {
  return value === undefined || value === null || value === "" ? {} : ({ [key]: value } as Record<K, V>);
}

/** The request body: empty optional fields left out. */
function toInput(storeId: string, values: BatchValues) {
  return {
    storeId,
    batchNumber: values.batchNumber.trim(),
    product: values.product.trim(),
    producedAt: values.producedAt.toISOString(),
    ...optional("quantity", values.quantity),
    ...optional("unit", values.unit?.trim()),
    materials: values.materials.map((m) => ({
      name: m.name.trim(),
      supplierName: m.supplierName.trim(),
      ...optional("supplierLicenceNumber", m.supplierLicenceNumber?.trim()),
      ...optional("quantity", m.quantity),
      ...optional("unit", m.unit?.trim()),
      ...optional("purchasedOn", m.purchasedOn?.format("YYYY-MM-DD")),
      ...optional("expiresOn", m.expiresOn?.format("YYYY-MM-DD")),
    })),
    rapidTests: (values.rapidTests ?? []).map((r) => ({
      item: r.item.trim(),
      result: r.result,
      ...optional("value", r.value?.trim()),
      testedAt: new Date().toISOString(),
    })),
  };
}

/** 生产批次: batch number, product and time, its raw materials (supplier licences checked live) and rapid tests. */
export function BatchForm({ storeId, onRecorded }: { storeId: string; onRecorded: (batch: Batch) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<BatchValues>();
  const { run, pending, error } = useAction<Batch>((batch) => {
    void message.success(
      t(batch.materials.some((m) => m.expired) ? "batch.expiredRecorded" : "batch.recorded"),
    );
    form.resetFields();
    onRecorded(batch);
  });
  return (
    <Card size="small" title={t("batch.new")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ materials: [{}], rapidTests: [] }}
        onFinish={(values) => run("record", () => recordBatch(toInput(storeId, values)))}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="batchNumber"
            label={t("batch.number")}
            rules={[{ required: true, pattern: /^[A-Za-z0-9._-]{1,64}$/ }]}
          >
            <Input data-testid="batch-number" />
          </Form.Item>
          <Form.Item name="product" label={t("batch.product")} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="batch-product" />
          </Form.Item>
          <Form.Item name="producedAt" label={t("batch.producedAt")} rules={[{ required: true }]}>
            <DatePicker
              showTime
              data-testid="batch-produced-at"
              disabledDate={(d) => d.isAfter(new Date(), "day")}
            />
          </Form.Item>
          <Form.Item name="quantity" label={t("batch.quantity")}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="unit" label={t("batch.unit")}>
            <Input style={{ width: 80 }} />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t("batch.materials")}</Typography.Text>
        <Form.List name="materials">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start" data-testid="material-row">
                  <Form.Item name={[field.name, "name"]} rules={[{ required: true, max: 100 }]}>
                    <Input placeholder={t("material.name")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "supplierName"]} rules={[{ required: true, max: 200 }]}>
                    <Input placeholder={t("material.supplier")} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "supplierLicenceNumber"]}
                    rules={[{ pattern: /^(JY|SC)[0-9]{14}$/ }]}
                  >
                    <Input placeholder={t("material.licence")} style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[["materials", field.name, "supplierLicenceNumber"]]}>
                    {() => (
                      <div style={{ paddingTop: 4 }}>
                        <LiveLicenceStatus
                          licenceNumber={form.getFieldValue([
                            "materials",
                            field.name,
                            "supplierLicenceNumber",
                          ])}
                        />
                      </div>
                    )}
                  </Form.Item>
                  <Form.Item name={[field.name, "purchasedOn"]}>
                    <DatePicker placeholder={t("material.purchasedOn")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "expiresOn"]}>
                    <DatePicker placeholder={t("material.expiresOn")} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                      {t("batch.remove")}
                    </Button>
                  )}
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
                {t("batch.addMaterial")}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph strong>{t("batch.rapidTests")}</Typography.Paragraph>
        <Form.List name="rapidTests">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap align="start">
                  <Form.Item name={[field.name, "item"]} rules={[{ required: true, max: 100 }]}>
                    <Input placeholder={t("rapidTest.item")} />
                  </Form.Item>
                  <Form.Item name={[field.name, "result"]} rules={[{ required: true }]}>
                    <Select
                      placeholder={t("rapidTest.result")}
                      style={{ width: 110 }}
                      options={(["pass", "fail"] as const).map((r) => ({
                        value: r,
                        label: t(`rapidTest.${r}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "value"]}>
                    <Input placeholder={t("rapidTest.value")} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                    {t("batch.remove")}
                  </Button>
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ result: "pass" })}
                style={{ marginBottom: 16 }}
              >
                {t("batch.addRapidTest")}
              </Button>
            </>
          )}
        </Form.List>
        <div>
          <Button type="primary" htmlType="submit" loading={pending === "record"} data-testid="batch-submit">
            {t("batch.record")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

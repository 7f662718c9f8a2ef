import { App, Button, Card, Form, Input, Select, Tag, Typography } from "antd";
import { DataTable } from "../components/data-table";
import {
  listLetters,
  recordBreach,
  type Breach,
  type BreachSource,
  type CommitmentLetter,
} from "../api/commitments";
import { ErrorAlert } from "../components/error-alert";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

interface BreachFields {
  letterId: string;
  itemCode: string;
  source: BreachSource;
  sourceId?: string;
  note: string;
}

const SOURCES: BreachSource[] = ["inspection", "alert", "officer"];

/** 违诺: officers record a broken commitment against one item of a store's letter; the store is re-graded. */
export function CommitmentBreachesPage() {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const letters = useLoad(() => listLetters(), []);
  const [form] = Form.useForm<BreachFields>();
  const letterId = Form.useWatch("letterId", form);
  const chosen = letters.data?.find((letter) => letter.id === letterId);
  const record = useAction<Breach>((breach) => {
    void message.success(t("commitments.breachRecorded"));
    form.resetFields();
    letters.setData(
      (letters.data ?? []).map((letter) =>
        letter.id === breach.letterId ? { ...letter, breaches: [breach, ...letter.breaches] } : letter,
      ),
    );
  });
  const submit = ({ letterId, sourceId, ...fields }: BreachFields) =>
    void record.run("record", () =>
      recordBreach(letterId, { ...fields, ...(sourceId?.trim() ? { sourceId: sourceId.trim() } : {}) }),
    );
  const required = { required: true, whitespace: true, message: t("supervision.required") };

  return (
    <>
      <Typography.Title level={3}>{t("nav.commitmentBreaches")}</Typography.Title>
      <ErrorAlert error={letters.error} />
      <Card size="small" title={t("commitments.recordBreach")} style={{ marginBottom: 16 }}>
        <ErrorAlert error={record.error} />
        <Form<BreachFields>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ source: "inspection" }}
          onFinish={submit}
          style={{ maxWidth: 640 }}
        >
          <Form.Item name="letterId" label={t("commitments.letter")} rules={[required]}>
            <Select
              data-testid="breach-letter"
              showSearch={{ optionFilterProp: "label" }}
              onChange={() => form.setFieldValue("itemCode", undefined)}
              options={letters.data
                ?.filter((letter) => !letter.withdrawnAt)
                .map((letter) => ({ value: letter.id, label: `${letter.storeName} · ${letter.signerName}` }))}
            />
          </Form.Item>
          <Form.Item name="itemCode" label={t("commitments.item")} rules={[required]}>
            <Select
              data-testid="breach-item"
              disabled={!chosen}
              options={chosen?.items.map((item) => ({ value: item.code, label: pick(item.text) }))}
            />
          </Form.Item>
          <Form.Item name="source" label={t("commitments.source")}>
            <Select
              options={SOURCES.map((source) => ({ value: source, label: t(`commitments.source.${source}`) }))}
            />
          </Form.Item>
          <Form.Item name="sourceId" label={t("commitments.sourceId")}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="note" label={t("commitments.note")} rules={[required]}>
            <Input.TextArea data-testid="breach-note" rows={3} maxLength={2000} />
          </Form.Item>
          <Button
            data-testid="breach-submit"
            type="primary"
            htmlType="submit"
            loading={record.pending === "record"}
          >
            {t("commitments.recordBreach")}
          </Button>
        </Form>
      </Card>
      <DataTable<CommitmentLetter>
        exportName={t("nav.commitmentBreaches")}
        data-testid="commitment-letters"
        rowKey="id"
        loading={letters.loading}
        dataSource={letters.data}
        locale={{ emptyText: t("commitments.none") }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        expandable={{
          rowExpandable: (letter) => letter.breaches.length > 0,
          expandedRowRender: (letter) => (
            <ul>
              {letter.breaches.map((breach) => (
                <li key={breach.id}>
                  {formatDateTime(breach.recordedAt, lang)} ·{" "}
                  {breach.item ? pick(breach.item) : breach.itemCode} ·{" "}
                  {t(`commitments.source.${breach.source}`)} · {breach.note}
                </li>
              ))}
            </ul>
          ),
        }}
        columns={[
          { key: "store", title: t("supervision.store"), dataIndex: "storeName" },
          { key: "signer", title: t("commitments.signer"), dataIndex: "signerName" },
          {
            key: "signedAt",
            title: t("commitments.signedAt"),
            render: (_, row) => formatDateTime(row.signedAt, lang),
          },
          {
            key: "status",
            title: t("commitments.status"),
            render: (_, row) =>
              row.withdrawnAt ? (
                <Tag>{t("commitments.replaced")}</Tag>
              ) : (
                <Tag color="green">{t("commitments.inForce")}</Tag>
              ),
          },
          {
            key: "breaches",
            title: t("commitments.breaches"),
            render: (_, row) => (row.breaches.length ? <Tag color="red">{row.breaches.length}</Tag> : 0),
          },
        ]}
      />
    </>
  );
}

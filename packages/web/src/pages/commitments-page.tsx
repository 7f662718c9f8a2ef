import { COMMITMENT_TEMPLATES, XIANGSHAN_2023 } from "@shian/domain";
import { App, Button, Card, Checkbox, Descriptions, Form, Input, Select, Space, Typography } from "antd";
import { DataTable } from "../components/data-table";
import { listMyLetters, signLetter, type CommitmentLetter } from "../api/commitments";
import { ErrorAlert } from "../components/error-alert";
import { StoreSelect } from "../components/store-select";
import { useAction } from "../hooks/use-action";
import { useLoad } from "../hooks/use-load";
import { useStoreChoice } from "../hooks/use-store-choice";
import { formatDateTime } from "../i18n/format";
import { useI18n } from "../i18n/language";

interface SignFields {
  template: string;
  signerName: string;
  agreed: boolean;
}

/** 承诺书: the business signs a letter per store (published on its scan page) and sees the breaches recorded. */
export function CommitmentsPage() {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const choice = useStoreChoice();
  const { storeId } = choice;
  const letters = useLoad(listMyLetters, []);
  const [form] = Form.useForm<SignFields>();
  const template =
    COMMITMENT_TEMPLATES[Form.useWatch("template", form) ?? XIANGSHAN_2023.code] ?? XIANGSHAN_2023;
  const current = letters.data?.find((letter) => letter.storeId === storeId && !letter.withdrawnAt);
  const sign = useAction<CommitmentLetter>((letter) => {
    void message.success(t("commitments.signed"));
    form.resetFields();
    letters.setData([
      letter,
      ...(letters.data ?? []).map((other) =>
        other.storeId === letter.storeId && !other.withdrawnAt
          ? { ...other, withdrawnAt: letter.signedAt }
          : other,
      ),
    ]);
  });
  const submit = ({ template: code, signerName }: SignFields) =>
    storeId &&
    void sign.run("sign", () => signLetter({ storeId, template: code, signerName: signerName.trim() }));

  return (
    <>
      <Typography.Title level={3}>{t("nav.commitments")}</Typography.Title>
      <ErrorAlert error={choice.error ?? letters.error} />
      <Space style={{ marginBottom: 16 }}>
        <StoreSelect stores={choice.stores} value={storeId} onChange={choice.choose} />
      </Space>
      {current && (
        <Card
          size="small"
          title={t("commitments.current")}
          style={{ marginBottom: 16 }}
          data-testid="commitment-current"
        >
          <ol>
            {current.items.map((item) => (
              <li key={item.code}>{pick(item.text)}</li>
            ))}
          </ol>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={t("commitments.signer")}>{current.signerName}</Descriptions.Item>
            <Descriptions.Item label={t("commitments.signedAt")}>
              {formatDateTime(current.signedAt, lang)}
            </Descriptions.Item>
          </Descriptions>
          <DataTable
            exportName={t("commitments.breaches")}
            data-testid="commitment-breaches"
            size="small"
            rowKey="id"
            dataSource={current.breaches}
            locale={{ emptyText: t("commitments.noBreaches") }}
            pagination={false}
            columns={[
              {
                key: "at",
                title: t("commitments.recordedAt"),
                render: (_, row) => formatDateTime(row.recordedAt, lang),
              },
              {
                key: "item",
                title: t("commitments.item"),
                render: (_, row) => (row.item ? pick(row.item) : row.itemCode),
              },
              { key: "note", title: t("commitments.note"), dataIndex: "note" },
            ]}
          />
        </Card>
      )}
      {storeId && (
        <Card size="small" title={current ? t("commitments.resign") : t("commitments.sign")}>
          <ErrorAlert error={sign.error} />
          <Form<SignFields>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{ template: XIANGSHAN_2023.code }}
            onFinish={submit}
            style={{ maxWidth: 640 }}
          >
            <Form.Item name="template" label={t("commitments.template")}>
              <Select
                options={Object.values(COMMITMENT_TEMPLATES).map((option) => ({
                  value: option.code,
                  label: `${pick(option.title)} (${option.code} · ${option.version})`,
                }))}
              />
            </Form.Item>
            <ol data-testid="commitment-items">
              {template.items.map((item) => (
                <li key={item.code}>{pick(item.text)}</li>
              ))}
            </ol>
            <Form.Item
              name="signerName"
              label={t("commitments.signerName")}
              rules={[{ required: true, whitespace: true, message: t("supervision.required") }]}
            >
              <Input data-testid="commitment-signer" maxLength={50} />
            </Form.Item>
            <Form.Item
              name="agreed"
              valuePropName="checked"
              rules={[
                {
                  validator: (_, value) =>
                    value ? Promise.resolve() : Promise.reject(new Error(t("commitments.mustAgree"))),
                },
              ]}
            >
              <Checkbox data-testid="commitment-agree">{t("commitments.agree")}</Checkbox>
            </Form.Item>
            <Button
              data-testid="commitment-submit"
              type="primary"
              htmlType="submit"
              loading={sign.pending === "sign"}
            >
              {t("commitments.signButton")}
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}

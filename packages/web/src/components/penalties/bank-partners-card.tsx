import { Button, Card, Form, Input, Space } from "antd";
import { DataTable } from "../data-table";
import { listBankPartners, referralsHref, registerBankPartner, type BankPartner } from "../../api/dishonesty";
import { useUser } from "../../auth/auth-context";
import { useAction } from "../../hooks/use-action";
import { useLoad } from "../../hooks/use-load";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** Bank partners (码上金融, seed 001) and the export of consenting best-graded businesses to each. */
export function BankPartnersCard() {
  const { t } = useI18n();
  const { role, regionCode } = useUser();
  const partners = useLoad(listBankPartners, []);
  const [form] = Form.useForm<{ name: string; regionCode: string }>();
  const register = useAction<BankPartner>((partner) => {
    form.resetFields();
    partners.setData([...(partners.data ?? []), partner]);
  });
  return (
    <Card size="small" title={t("referrals.title")} style={{ marginTop: 16 }}>
      <ErrorAlert error={partners.error ?? register.error} />
      {role === "admin" && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ regionCode: regionCode ?? "" }}
          onFinish={(fields) =>
            void register.run("register", () => registerBankPartner(fields.name, fields.regionCode))
          }
          style={{ marginBottom: 12 }}
        >
          <Form.Item
            name="name"
            rules={[{ required: true, whitespace: true, message: t("supervision.required") }]}
          >
            <Input placeholder={t("referrals.bankName")} maxLength={200} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            rules={[{ required: true, pattern: /^[1-8][0-9]{5}$/, message: t("supervision.required") }]}
          >
            <Input placeholder={t("referrals.regionCode")} maxLength={6} style={{ width: 120 }} />
          </Form.Item>
          <Button htmlType="submit" loading={register.pending === "register"}>
            {t("referrals.register")}
          </Button>
        </Form>
      )}
      <DataTable
        exportName={t("referrals.title")}
        rowKey="id"
        size="small"
        loading={partners.loading}
        dataSource={partners.data}
        pagination={false}
        locale={{ emptyText: t("referrals.none") }}
        columns={[
          { key: "name", title: t("referrals.bankName"), dataIndex: "name" },
          { key: "region", title: t("referrals.regionCode"), dataIndex: "regionCode" },
          {
            key: "export",
            title: t("referrals.export"),
            render: (_, partner) => (
              <Space>
                <a href={referralsHref(partner.id, "xlsx")}>xlsx</a>
                <a href={referralsHref(partner.id, "csv")}>CSV</a>
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

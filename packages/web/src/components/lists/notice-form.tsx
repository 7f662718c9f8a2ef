import { App, Button, Card, Form, Input } from "antd";
import { postPolicyNotice, type NewPolicyNotice, type PolicyNotice } from "../../api/lists";
import { useUser } from "../../auth/auth-context";
import { useAction } from "../../hooks/use-action";
import { useI18n } from "../../i18n/language";
import { ErrorAlert } from "../error-alert";

/** Posts a policy notice to the businesses of a region of the officer's jurisdiction (their own by default). */
export function NoticeForm({ onPosted }: { onPosted: (notice: PolicyNotice) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { regionCode } = useUser();
  const [form] = Form.useForm<NewPolicyNotice>();
  const { run, pending, error } = useAction<PolicyNotice>((notice) => {
    void message.success(t("notices.posted"));
    form.resetFields();
    onPosted(notice);
  });
  const required = { required: true, whitespace: true, message: t("supervision.required") };
  return (
    <Card size="small" title={t("notices.new")} style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Form<NewPolicyNotice>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ regionCode: regionCode ?? "" }}
        onFinish={(notice) => run("post", () => postPolicyNotice(notice))}
        style={{ maxWidth: 640 }}
      >
        <Form.Item
          name="regionCode"
          label={t("notices.regionCode")}
          rules={[{ required: true, pattern: /^\d{6}$/, message: t("notices.regionCodeInvalid") }]}
        >
          <Input data-testid="notice-region" maxLength={6} style={{ maxWidth: 160 }} />
        </Form.Item>
        <Form.Item name="title" label={t("notices.title")} rules={[required]}>
          <Input data-testid="notice-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="body" label={t("notices.body")} rules={[required]}>
          <Input.TextArea data-testid="notice-body" rows={5} maxLength={10_000} />
        </Form.Item>
        <Button data-testid="notice-submit" type="primary" htmlType="submit" loading={pending === "post"}>
          {t("notices.post")}
        </Button>
      </Form>
    </Card>
  );
}

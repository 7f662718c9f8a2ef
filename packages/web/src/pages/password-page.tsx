import { useState } from "react";
import { Alert, App, Button, Form, Input, Typography } from "antd";
import { changePassword } from "../api/auth";
import { problemMessage } from "../api/client";
import { useI18n } from "../i18n/language";

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function PasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit({ currentPassword, newPassword }: PasswordForm) {
    setError(null);
    setSaving(true);
    try {
      await changePassword(currentPassword, newPassword);
      form.resetFields();
      void message.success(t("password.changed"));
    } catch (e) {
      setError(problemMessage(e) ?? t("error.unexpected"));
    } finally {
      setSaving(false);
    }
  }

  const required = { required: true, message: t("password.required") };
  return (
    <div style={{ maxWidth: 420 }}>
      <Typography.Title level={3}>{t("user.changePassword")}</Typography.Title>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="currentPassword" label={t("password.current")} rules={[required]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t("password.new")} rules={[required]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          rules={[
            required,
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue("newPassword")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("password.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t("password.submit")}
        </Button>
      </Form>
    </div>
  );
}

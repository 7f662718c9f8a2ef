import { useState } from "react";
import { Alert, Button, Card, Flex, Form, Input, Typography } from "antd";
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Navigate } from "react-router";
import { problemMessage } from "../api/client";
import { useAuth } from "../auth/auth-context";
import { homePath } from "../auth/roles";
import { FullPageSpin } from "../components/full-page-spin";
import { LangSwitch } from "../components/lang-switch";
import { useI18n } from "../i18n/language";

interface LoginForm {
  username: string;
  password: string;
}

/** Sign-in for every kind of user; once signed in, each goes to the shell of their role. */
export function LoginPage() {
  const { t } = useI18n();
  const { state, login } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (state.status === "loading") return <FullPageSpin />;
  if (state.status === "signed-in") return <Navigate to={homePath(state.user.role)} replace />;

  async function submit({ username, password }: LoginForm) {
    setError(null);
    setSubmitting(true);
    try {
      await login(username, password);
    } catch (e) {
      setError(problemMessage(e) ?? t("error.unexpected"));
      setSubmitting(false);
    }
  }

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: "100vh", padding: 16 }}>
      <div style={{ position: "absolute", top: 16, right: 16 }}>
        <LangSwitch />
      </div>
      <Card style={{ width: "100%", maxWidth: 380 }}>
        <Flex vertical align="center" style={{ marginBottom: 24 }}>
          <Typography.Title level={2} style={{ marginBottom: 4 }}>
            {t("app.login")}
          </Typography.Title>
          <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
        </Flex>
        {error && (
          <Alert data-testid="login-error" type="error" showIcon title={error} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="username"
            label={t("login.username")}
            rules={[{ required: true, message: t("login.usernameRequired") }]}
          >
            <Input data-testid="login-username" prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t("login.password")}
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              data-testid="login-password"
              prefix={<LockOutlined />}
              autoComplete="current-password"
            />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={submitting}>
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}

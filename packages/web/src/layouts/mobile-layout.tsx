import type { ReactNode } from "react";
import { Flex, Layout, theme } from "antd";
import { Link } from "react-router";
import { LangSwitch } from "../components/lang-switch";
import { UserMenu } from "../components/user-menu";
import { useI18n } from "../i18n/language";

/** The phone shell: a compact header and one narrow column. */
export function MobileLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: 12,
        }}
      >
        <Flex align="center" gap={8} style={{ height: "100%" }}>
          <Link to="/m" style={{ flex: 1, fontSize: 16, fontWeight: 600 }}>
            {t("app.mobile")}
          </Link>
          <LangSwitch />
          <UserMenu base="/m" />
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, width: "100%", maxWidth: 640, marginInline: "auto" }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}

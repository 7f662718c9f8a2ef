import type { ReactNode } from "react";
import { Flex, Layout, Menu, Typography, theme } from "antd";
import { useLocation, useNavigate } from "react-router";
import { useUser } from "../auth/auth-context";
import { LangSwitch } from "../components/lang-switch";
import { UserMenu } from "../components/user-menu";
import { useI18n } from "../i18n/language";
import type { MessageKey } from "../i18n/messages";
import { navHref, navTestId, type NavItem } from "./nav";

interface SiderLayoutProps {
  title: MessageKey;
  base: string;
  nav: readonly NavItem[];
  children: ReactNode;
}

/** The desktop shell of the console and the portal: header on top, menu on the left, page on the right. */
export function SiderLayout({ title, base, nav, children }: SiderLayoutProps) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { token } = theme.useToken();

  const section = pathname.slice(base.length).split("/")[1] ?? "";
  const items = nav.map((item) => ({
    key: navHref(base, item.path),
    icon: item.icon,
    label: t(item.label),
    "data-testid": navTestId(item),
  }));

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: 24,
        }}
      >
        <Flex align="center" gap={12} style={{ height: "100%" }}>
          <Typography.Text strong style={{ fontSize: 18, flex: 1 }}>
            {t(title)}
          </Typography.Text>
          {user.regionName && <Typography.Text type="secondary">{user.regionName}</Typography.Text>}
          <LangSwitch />
          <UserMenu base={base} />
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu
            mode="inline"
            selectedKeys={[navHref(base, section)]}
            items={items}
            onClick={({ key }) => navigate(key)}
            style={{ height: "100%" }}
          />
        </Layout.Sider>
        <Layout.Content
          style={{
            margin: 24,
            padding: 24,
            background: token.colorBgContainer,
            borderRadius: token.borderRadiusLG,
          }}
        >
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

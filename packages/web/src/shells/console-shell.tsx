import {
  AuditOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FundOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { useUser } from "../auth/auth-context";
import { visibleNav, type NavItem } from "../layouts/nav";
import { SiderLayout } from "../layouts/sider-layout";
import { ShellRoutes } from "./shell-routes";

const NAV: NavItem[] = [
  { path: "", label: "nav.dashboard", icon: <DashboardOutlined /> },
  { path: "acceptance", label: "nav.acceptance", icon: <InboxOutlined />, roles: ["acceptor", "admin"] },
  { path: "review", label: "nav.review", icon: <AuditOutlined />, roles: ["reviewer", "admin"] },
  { path: "decisions", label: "nav.decisions", icon: <FileDoneOutlined />, roles: ["approver", "admin"] },
  {
    path: "inspections",
    label: "nav.inspections",
    icon: <SafetyCertificateOutlined />,
    roles: ["inspector", "admin"],
  },
  { path: "cockpit", label: "nav.cockpit", icon: <FundOutlined />, roles: ["leader", "admin"] },
  { path: "users", label: "nav.users", icon: <TeamOutlined />, roles: ["admin"] },
];

/** The regulator console at /console. */
export default function ConsoleShell() {
  const nav = visibleNav(NAV, useUser().role);
  return (
    <SiderLayout title="app.console" base="/console" nav={nav}>
      <ShellRoutes base="/console" nav={nav} />
    </SiderLayout>
  );
}

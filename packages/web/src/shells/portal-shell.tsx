import {
  DashboardOutlined,
  FileTextOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
} from "@ant-design/icons";
import type { NavItem } from "../layouts/nav";
import { SiderLayout } from "../layouts/sider-layout";
import { ShellRoutes } from "./shell-routes";

const NAV: NavItem[] = [
  { path: "", label: "nav.dashboard", icon: <DashboardOutlined /> },
  { path: "stores", label: "nav.stores", icon: <ShopOutlined /> },
  { path: "applications", label: "nav.applications", icon: <FileTextOutlined /> },
  { path: "certificates", label: "nav.certificates", icon: <SafetyCertificateOutlined /> },
];

/** The business portal at /portal. */
export default function PortalShell() {
  return (
    <SiderLayout title="app.portal" base="/portal" nav={NAV}>
      <ShellRoutes base="/portal" nav={NAV} />
    </SiderLayout>
  );
}

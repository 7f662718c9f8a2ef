import { CarryOutOutlined, EnvironmentOutlined } from "@ant-design/icons";
import type { NavItem } from "../layouts/nav";
import { MobileLayout } from "../layouts/mobile-layout";
import { MobileHomePage } from "../pages/mobile-home-page";
import { ShellRoutes } from "./shell-routes";

const NAV: NavItem[] = [
  { path: "tasks", label: "nav.tasks", icon: <CarryOutOutlined /> },
  { path: "patrol", label: "nav.patrols", icon: <EnvironmentOutlined /> },
];

/** The mobile pages at /m for inspectors and volunteers. */
export default function MobileShell() {
  return (
    <MobileLayout>
      <ShellRoutes base="/m" nav={NAV} home={<MobileHomePage base="/m" nav={NAV} />} />
    </MobileLayout>
  );
}

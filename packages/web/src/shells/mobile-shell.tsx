import { CarryOutOutlined, EnvironmentOutlined } from "@ant-design/icons";
import { Route } from "react-router";
import type { NavItem } from "../layouts/nav";
import { MobileLayout } from "../layouts/mobile-layout";
import { MobileHomePage } from "../pages/mobile-home-page";
import { OnsitePage } from "../pages/onsite-page";
import { ShellRoutes } from "./shell-routes";

const NAV: NavItem[] = [
  { path: "tasks", label: "nav.tasks", icon: <CarryOutOutlined /> },
  { path: "patrol", label: "nav.patrols", icon: <EnvironmentOutlined /> },
];

/** The mobile pages at /m for inspectors, reviewers on site and volunteers. */
export default function MobileShell() {
  return (
    <MobileLayout>
      <ShellRoutes base="/m" nav={NAV} home={<MobileHomePage base="/m" nav={NAV} />}>
        <Route path="applications/:id/onsite" element={<OnsitePage />} />
      </ShellRoutes>
    </MobileLayout>
  );
}

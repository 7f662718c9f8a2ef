import { CarryOutOutlined, EnvironmentOutlined, MessageOutlined } from "@ant-design/icons";
import { Route } from "react-router";
import { useUser } from "../auth/auth-context";
import { visibleNav, type NavItem } from "../layouts/nav";
import { MobileLayout } from "../layouts/mobile-layout";
import { ComplaintPage } from "../pages/complaint-page";
import { MobileComplaintsPage } from "../pages/mobile-complaints-page";
import { MobileHomePage } from "../pages/mobile-home-page";
import { OnsitePage } from "../pages/onsite-page";
import { PatrolPage } from "../pages/patrol-page";
import { ShellRoutes } from "./shell-routes";

const NAV: NavItem[] = [
  { path: "tasks", label: "nav.tasks", icon: <CarryOutOutlined /> },
  { path: "patrol", label: "nav.patrols", icon: <EnvironmentOutlined />, page: <PatrolPage /> },
  {
    path: "complaints",
    label: "nav.complaints",
    icon: <MessageOutlined />,
    roles: ["inspector"],
    page: <MobileComplaintsPage />,
  },
];

/** The mobile pages at /m for inspectors, reviewers on site and volunteers. */
export default function MobileShell() {
  const nav = visibleNav(NAV, useUser().role);
  return (
    <MobileLayout>
      <ShellRoutes base="/m" nav={nav} home={<MobileHomePage base="/m" nav={nav} />}>
        <Route path="applications/:id/onsite" element={<OnsitePage />} />
        <Route path="complaints/:id" element={<ComplaintPage />} />
      </ShellRoutes>
    </MobileLayout>
  );
}

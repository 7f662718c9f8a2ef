import {
  ApiOutlined,
  AuditOutlined,
  BellOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FileTextOutlined,
  IdcardOutlined,
  MailOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  StarOutlined,
  ToolOutlined,
  VideoCameraOutlined,
} from "@ant-design/icons";
import { Route } from "react-router";
import type { NavItem } from "../layouts/nav";
import { SiderLayout } from "../layouts/sider-layout";
import { ApplicationPage } from "../pages/application-page";
import { ApplicationWizardPage } from "../pages/application-wizard-page";
import { ApplicationsPage } from "../pages/applications-page";
import { AuthorizationsPage } from "../pages/authorizations-page";
import { BatchesPage } from "../pages/batches-page";
import { CertificatesPage } from "../pages/certificates-page";
import { CommitmentsPage } from "../pages/commitments-page";
import { InboxPage } from "../pages/inbox-page";
import { MyPenaltiesPage } from "../pages/my-penalties-page";
import { MyAlertsPage } from "../pages/my-alerts-page";
import { MyGradePage } from "../pages/my-grade-page";
import { PolicyNoticesPage } from "../pages/policy-notices-page";
import { RectificationsPage } from "../pages/rectifications-page";
import { SelfChecksPage } from "../pages/self-checks-page";
import { StaffPage } from "../pages/staff-page";
import { StoresPage } from "../pages/stores-page";
import { SunshinePage } from "../pages/sunshine-page";
import { SmartKitchenPage } from "../pages/smart-kitchen-page"; // step 10
import { ShellRoutes } from "./shell-routes";

const NAV: NavItem[] = [
  { path: "", label: "nav.dashboard", icon: <DashboardOutlined /> },
  { path: "stores", label: "nav.stores", icon: <ShopOutlined />, page: <StoresPage /> },
  { path: "applications", label: "nav.applications", icon: <FileTextOutlined />, page: <ApplicationsPage /> },
  {
    path: "certificates",
    label: "nav.certificates",
    icon: <SafetyCertificateOutlined />,
    page: <CertificatesPage />,
  },
  {
    path: "authorizations",
    label: "nav.authorizations",
    icon: <ApiOutlined />,
    page: <AuthorizationsPage />,
  },
  { path: "inbox", label: "nav.inbox", icon: <MailOutlined />, page: <InboxPage /> },
  {
    path: "rectifications",
    label: "nav.rectifications",
    icon: <ToolOutlined />,
    page: <RectificationsPage />,
  },
  { path: "staff", label: "nav.staff", icon: <IdcardOutlined />, page: <StaffPage /> },
  { path: "self-checks", label: "nav.selfChecks", icon: <CheckSquareOutlined />, page: <SelfChecksPage /> },
  { path: "notices", label: "nav.notices", icon: <NotificationOutlined />, page: <PolicyNoticesPage /> },
  // — step 5: grade —
  { path: "grade", label: "nav.myGrade", icon: <StarOutlined />, page: <MyGradePage /> },
  // — step 5: alerts —
  { path: "alerts", label: "nav.myAlerts", icon: <BellOutlined />, page: <MyAlertsPage /> },
  // — step 5: penalties and credit repair —
  {
    path: "penalties",
    label: "nav.myPenalties",
    icon: <AuditOutlined />,
    page: <MyPenaltiesPage />,
  },
  // — step 9: commitments —
  {
    path: "commitments",
    label: "nav.commitments",
    icon: <SafetyCertificateOutlined />,
    page: <CommitmentsPage />,
  },
  // — step 9: sunshine screen —
  { path: "sunshine", label: "nav.sunshine", icon: <VideoCameraOutlined />, page: <SunshinePage /> },
  // — step 9: devices, batches, trace codes —
  { path: "batches", label: "nav.batches", icon: <ExperimentOutlined />, page: <BatchesPage /> },
  // — step 10: smart kitchen —
  { path: "kitchen", label: "nav.smartKitchen", icon: <VideoCameraOutlined />, page: <SmartKitchenPage /> },
];

/** The business portal at /portal. */
export default function PortalShell() {
  return (
    <SiderLayout title="app.portal" base="/portal" nav={NAV}>
      <ShellRoutes base="/portal" nav={NAV}>
        <Route path="applications/new" element={<ApplicationWizardPage />} />
        <Route path="applications/:id" element={<ApplicationPage />} />
      </ShellRoutes>
    </SiderLayout>
  );
}

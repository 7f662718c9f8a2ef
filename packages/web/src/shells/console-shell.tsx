import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  FileDoneOutlined,
  FundOutlined,
  IdcardOutlined,
  ImportOutlined,
  InboxOutlined,
  LikeOutlined,
  MessageOutlined,
  NotificationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserAddOutlined,
  VideoCameraOutlined,
} from "@ant-design/icons";
import { Route } from "react-router";
import type { Queue } from "../api/licensing";
import { useUser } from "../auth/auth-context";
import { visibleNav, type NavItem } from "../layouts/nav";
import { SiderLayout } from "../layouts/sider-layout";
import { AlertsPage } from "../pages/alerts-page";
import { CasePage } from "../pages/case-page";
import { CockpitPage } from "../pages/cockpit-page";
import { ReportsPage } from "../pages/reports-page";
import { CommitmentBreachesPage } from "../pages/commitment-breaches-page";
import { EvaluationsPage } from "../pages/evaluations-page";
import { ComplaintPage } from "../pages/complaint-page";
import { ComplaintsPage } from "../pages/complaints-page";
import { GradingPage } from "../pages/grading-page";
import { ImportPage } from "../pages/import-page";
import { InspectionRecordsPage } from "../pages/inspection-records-page";
import { LicensesPage } from "../pages/licenses-page";
import { ListsPage } from "../pages/lists-page";
import { PenaltiesPage } from "../pages/penalties-page";
import { CreditRepairsPage } from "../pages/credit-repairs-page";
import { DishonestyPage } from "../pages/dishonesty-page";
import { PolicyNoticesPage } from "../pages/policy-notices-page";
import { QueuePage } from "../pages/queue-page";
import { RatingsPage } from "../pages/ratings-page";
import { PlansPage } from "../pages/plans-page";
// — step 10: online patrol —
import { OnlinePatrolPage } from "../pages/online-patrol-page";
// — step 11: misuse detection —
import { MisuseFlagsPage } from "../pages/misuse-flags-page";
import { RectificationsPage } from "../pages/rectifications-page";
import { TasksPage } from "../pages/tasks-page";
import { VolunteersPage } from "../pages/volunteers-page";
import { ShellRoutes } from "./shell-routes";

/** The nav path of each stage's work queue; an application opens under it. */
const QUEUE_PATHS: Record<Queue, string> = {
  acceptance: "acceptance",
  review: "review",
  decision: "decisions",
};

const NAV: NavItem[] = [
  { path: "", label: "nav.dashboard", icon: <DashboardOutlined /> },
  {
    path: QUEUE_PATHS.acceptance,
    label: "nav.acceptance",
    icon: <InboxOutlined />,
    roles: ["acceptor", "admin"],
    page: <QueuePage queue="acceptance" />,
  },
  {
    path: QUEUE_PATHS.review,
    label: "nav.review",
    icon: <AuditOutlined />,
    roles: ["reviewer", "admin"],
    page: <QueuePage queue="review" />,
  },
  {
    path: QUEUE_PATHS.decision,
    label: "nav.decisions",
    icon: <FileDoneOutlined />,
    roles: ["approver", "admin"],
    page: <QueuePage queue="decision" />,
  },
  {
    path: "inspections",
    label: "nav.inspections",
    icon: <SafetyCertificateOutlined />,
    roles: ["inspector", "admin"],
    page: <TasksPage />,
  },
  {
    path: "complaints",
    label: "nav.complaints",
    icon: <MessageOutlined />,
    roles: ["inspector", "admin"],
    page: <ComplaintsPage />,
  },
  {
    path: "rectifications",
    label: "nav.rectifications",
    icon: <ToolOutlined />,
    roles: ["inspector", "admin", "leader"],
    page: <RectificationsPage />,
  },
  {
    path: "inspection-records",
    label: "nav.inspectionRecords",
    icon: <FileSearchOutlined />,
    roles: ["inspector", "admin", "leader"],
    page: <InspectionRecordsPage />,
  },
  {
    path: "volunteers",
    label: "nav.volunteers",
    icon: <UserAddOutlined />,
    roles: ["inspector", "admin"],
    page: <VolunteersPage />,
  },
  {
    path: "lists",
    label: "nav.lists",
    icon: <TrophyOutlined />,
    roles: ["inspector", "admin", "leader"],
    page: <ListsPage />,
  },
  {
    path: "notices",
    label: "nav.notices",
    icon: <NotificationOutlined />,
    roles: ["inspector", "admin", "leader"],
    page: <PolicyNoticesPage publish />,
  },
  {
    path: "ratings",
    label: "nav.ratings",
    icon: <LikeOutlined />,
    roles: ["inspector", "admin"],
    page: <RatingsPage />,
  },
  { path: "licenses", label: "nav.licenses", icon: <IdcardOutlined />, page: <LicensesPage /> },
  {
    path: "imports",
    label: "nav.imports",
    icon: <ImportOutlined />,
    roles: ["admin", "approver"],
    page: <ImportPage />,
  },
  // — step 5: grading —
  {
    path: "grading",
    label: "nav.grading",
    icon: <BarChartOutlined />,
    roles: ["leader", "admin", "inspector"],
    page: <GradingPage />,
  },
  // — step 5: plans and draws —
  {
    path: "plans",
    label: "nav.plans",
    icon: <ScheduleOutlined />,
    roles: ["leader", "admin", "inspector"],
    page: <PlansPage />,
  },
  // — step 10: online patrol —
  {
    path: "online-patrol",
    label: "nav.onlinePatrol",
    icon: <VideoCameraOutlined />,
    roles: ["inspector", "admin", "leader"],
    page: <OnlinePatrolPage />,
  },
  // — step 11: misuse detection —
  {
    path: "misuse",
    label: "nav.misuse",
    icon: <FileSearchOutlined />,
    roles: ["inspector", "leader", "admin"],
    page: <MisuseFlagsPage />,
  },
  // — step 5: alerts —
  {
    path: "alerts",
    label: "nav.alerts",
    icon: <AlertOutlined />,
    roles: ["inspector", "admin", "leader"],
    page: <AlertsPage />,
  },
  // — step 5: penalties and credit repair —
  {
    path: "penalties",
    label: "nav.penalties",
    icon: <AuditOutlined />,
    roles: ["inspector", "leader", "admin"],
    page: <PenaltiesPage />,
  },
  {
    path: "credit-repairs",
    label: "nav.creditRepairs",
    icon: <FileDoneOutlined />,
    roles: ["inspector", "leader", "admin"],
    page: <CreditRepairsPage />,
  },
  {
    path: "dishonesty",
    label: "nav.dishonesty",
    icon: <SafetyCertificateOutlined />,
    roles: ["inspector", "leader", "admin"],
    page: <DishonestyPage />,
  },
  // — step 9: commitments —
  {
    path: "commitments",
    label: "nav.commitmentBreaches",
    icon: <SafetyCertificateOutlined />,
    roles: ["inspector", "leader", "admin"],
    page: <CommitmentBreachesPage />,
  },
  {
    path: "evaluations",
    label: "nav.evaluations",
    icon: <ScheduleOutlined />,
    roles: ["inspector", "leader", "admin"],
    page: <EvaluationsPage />,
  },
  // — step 6: cockpit and reports —
  {
    path: "cockpit",
    label: "nav.cockpit",
    icon: <FundOutlined />,
    roles: ["leader", "admin"],
    page: <CockpitPage />,
  },
  {
    path: "reports",
    label: "nav.reports",
    icon: <BarChartOutlined />,
    roles: ["leader", "admin"],
    page: <ReportsPage />,
  },
  { path: "users", label: "nav.users", icon: <TeamOutlined />, roles: ["admin"] },
];

/** The regulator console at /console. */
export default function ConsoleShell() {
  const nav = visibleNav(NAV, useUser().role);
  const visible = (path: string) => nav.some((item) => item.path === path);
  return (
    <SiderLayout title="app.console" base="/console" nav={nav}>
      <ShellRoutes base="/console" nav={nav}>
        {Object.entries(QUEUE_PATHS).map(
          ([queue, path]) =>
            visible(path) && (
              <Route key={path} path={`${path}/:id`} element={<CasePage queue={queue as Queue} />} />
            ),
        )}
        {visible("inspections") && <Route path="inspections/:id" element={<CasePage />} />}
        {visible("complaints") && <Route path="complaints/:id" element={<ComplaintPage />} />}
      </ShellRoutes>
    </SiderLayout>
  );
}

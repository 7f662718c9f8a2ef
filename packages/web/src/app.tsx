import { lazy } from "react";
import { Navigate, Route, Routes } from "react-router";
import { useAuth } from "./auth/auth-context";
import { RequireRole } from "./auth/require-role";
import { BUSINESS_ROLES, MOBILE_ROLES, OFFICER_ROLES, homePath } from "./auth/roles";
import { FullPageSpin } from "./components/full-page-spin";
import { LoginPage } from "./pages/login-page";

// Each shell is its own chunk: a volunteer's phone never downloads the console.
const ConsoleShell = lazy(() => import("./shells/console-shell"));
const PortalShell = lazy(() => import("./shells/portal-shell"));
const MobileShell = lazy(() => import("./shells/mobile-shell"));

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/console/*"
        element={
          <RequireRole roles={OFFICER_ROLES}>
            <ConsoleShell />
          </RequireRole>
        }
      />
      <Route
        path="/portal/*"
        element={
          <RequireRole roles={BUSINESS_ROLES}>
            <PortalShell />
          </RequireRole>
        }
      />
      <Route
        path="/m/*"
        element={
          <RequireRole roles={MOBILE_ROLES}>
            <MobileShell />
          </RequireRole>
        }
      />
      <Route path="*" element={<HomeRedirect />} />
    </Routes>
  );
}

function HomeRedirect() {
  const { state } = useAuth();
  if (state.status === "loading") return <FullPageSpin />;
  return <Navigate to={state.status === "signed-in" ? homePath(state.user.role) : "/login"} replace />;
}

import { Suspense, type ReactNode } from "react";
import { Navigate } from "react-router";
import type { Role } from "../api/auth";
import { FullPageSpin } from "../components/full-page-spin";
import { useAuth } from "./auth-context";
import { homePath } from "./roles";

/** Shows `children` to signed-in users with one of `roles`; sends everyone else where they belong. */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { state } = useAuth();
  if (state.status === "loading") return <FullPageSpin />;
  if (state.status === "anonymous") return <Navigate to="/login" replace />;
  if (!roles.includes(state.user.role)) return <Navigate to={homePath(state.user.role)} replace />;
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

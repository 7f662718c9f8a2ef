import type { ReactNode } from "react";
import { Navigate, Route, Routes } from "react-router";
import { PlaceholderPage } from "../components/placeholder-page";
import type { NavItem } from "../layouts/nav";
import { PasswordPage } from "../pages/password-page";

interface ShellRoutesProps {
  base: string;
  nav: readonly NavItem[];
  /** The page at the shell's base path when no nav item has the empty path. */
  home?: ReactNode;
}

/** The pages of one shell: one per nav item, the password page, and a way back home from anywhere else. */
export function ShellRoutes({ base, nav, home }: ShellRoutesProps) {
  return (
    <Routes>
      {home && <Route index element={home} />}
      {nav.map((item) => {
        const page = <PlaceholderPage title={item.label} />;
        return item.path ? (
          <Route key={item.path} path={item.path} element={page} />
        ) : (
          <Route key="" index element={page} />
        );
      })}
      <Route path="password" element={<PasswordPage />} />
      <Route path="*" element={<Navigate to={base} replace />} />
    </Routes>
  );
}

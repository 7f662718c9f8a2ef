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
  /** More <Route>s, for pages under a nav item such as a record's detail. */
  children?: ReactNode;
}

/** The pages of one shell: one per nav item, the extra routes, the password page, and a way back home. */
export function ShellRoutes({ base, nav, home, children }: ShellRoutesProps) {
  return (
    <Routes>
      {home && <Route index element={home} />}
      {nav.map((item) => {
        const page = item.page ?? <PlaceholderPage title={item.label} />;
        return item.path ? (
          <Route key={item.path} path={item.path} element={page} />
        ) : (
          <Route key="" index element={page} />
        );
      })}
      {children}
      <Route path="password" element={<PasswordPage />} />
      <Route path="*" element={<Navigate to={base} replace />} />
    </Routes>
  );
}

import type { ReactNode } from "react";
import type { Role } from "../api/auth";
import type { MessageKey } from "../i18n/messages";

/** One entry of a shell's navigation: `path` is the first segment under the shell's base ("" for its home). */
export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  roles?: readonly Role[];
  /** The page the item opens; a placeholder until it is built. */
  page?: ReactNode;
}

export function navHref(base: string, path: string): string {
  return path ? `${base}/${path}` : base;
}

/** A stable test id from the label key: "nav.acceptance" → "nav-acceptance". */
export function navTestId(item: NavItem): string {
  return item.label.replace(".", "-");
}

export function visibleNav(nav: readonly NavItem[], role: Role): NavItem[] {
  return nav.filter((item) => !item.roles || item.roles.includes(role));
}

import { apiRequest, setCsrfToken } from "./client";

export type Role =
  | "admin"
  | "acceptor"
  | "reviewer"
  | "approver"
  | "inspector"
  | "leader"
  | "business_owner"
  | "business_staff"
  | "volunteer";

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  regionName: string | null;
}

interface Session {
  user: User;
  csrfToken: string;
}

async function startSession(session: Promise<Session>): Promise<User> {
  const { user, csrfToken } = await session;
  setCsrfToken(csrfToken);
  return user;
}

export function fetchCurrentUser(): Promise<User> {
  return startSession(apiRequest<Session>("GET", "/auth/me"));
}

export function logIn(username: string, password: string): Promise<User> {
  setCsrfToken(null);
  return startSession(apiRequest<Session>("POST", "/auth/login", { username, password }));
}

export async function logOut(): Promise<void> {
  try {
    await apiRequest<void>("POST", "/auth/logout");
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiRequest<void>("POST", "/auth/password", { currentPassword, newPassword });
}

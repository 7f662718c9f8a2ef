import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { fetchCurrentUser, logIn, logOut, type User } from "../api/auth";

type AuthState = { status: "loading" } | { status: "anonymous" } | { status: "signed-in"; user: User };

interface Auth {
  state: AuthState;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: "loading" });

  useEffect(() => {
    fetchCurrentUser().then(
      (user) => setState({ status: "signed-in", user }),
      () => setState({ status: "anonymous" }),
    );
  }, []);

  const value = useMemo<Auth>(
    () => ({
      state,
      login: async (username, password) => {
        setState({ status: "signed-in", user: await logIn(username, password) });
      },
      // Logging out succeeds locally even when the server has already ended the session.
      logout: async () => {
        await logOut().catch(() => undefined);
        setState({ status: "anonymous" });
      },
    }),
    [state],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth must be used inside <AuthProvider>");
  return auth;
}

/** The signed-in user, for components rendered behind <RequireRole>. */
export function useUser(): User {
  const { state } = useAuth();
  if (state.status !== "signed-in") throw new Error("useUser needs a signed-in user");
  return state.user;
}

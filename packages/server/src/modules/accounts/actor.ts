import type { ApiScope, Role } from "./roles.js";

export interface UserActor {
  kind: "user";
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Jurisdiction (辖区); null = national. */
  regionCode: string | null;
  businessId: string | null;
  sessionTokenHash: string;
  csrfToken: string;
}

export interface ApiClientActor {
  kind: "api_client";
  id: string;
  name: string;
  scopes: ApiScope[];
  regionCode: string | null;
}

/** The platform itself: CLI commands and jobs. Never produced from a request. */
export interface SystemActor {
  kind: "system";
  id: null;
  regionCode: null;
}

export type Actor = UserActor | ApiClientActor | SystemActor;

export const SYSTEM_CONTEXT: RequestContext = {
  actor: { kind: "system", id: null, regionCode: null },
  ip: "",
  requestId: "",
};

/** Who did something, where from, in which request: passed to every service call. */
export interface RequestContext {
  actor: Actor | null;
  ip: string;
  requestId: string;
}

export function actorLabel(actor: Actor | null): string {
  if (!actor) return "anonymous";
  switch (actor.kind) {
    case "user":
      return `user:${actor.username}`;
    case "api_client":
      return `api_client:${actor.name}`;
    case "system":
      return "system";
  }
}

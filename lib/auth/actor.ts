import type { Role, Team } from "@/lib/db/generated/enums.ts";
import { UnauthorizedError } from "@/lib/errors";

/** The signed-in person as every service sees them, re-read from the database on each request. */
export type TActor = {
  id: string;
  email: string;
  name: string;
  team: Team;
  roles: Role[];
};

/** How the actor proved who they are: a signed-in session or an API token (absent for system work). */
export type TActorAuth = { method: "session"; sessionId: string } | { method: "token"; tokenId: string };

/** Who is acting and under which request id: what every mutation passes to its audit row. */
export type TActorContext = {
  actor: TActor | null;
  requestId: string;
  auth?: TActorAuth;
  /** Names the actor of system work (seed, scheduled jobs) when there is no user. */
  systemLabel?: string;
};

export function systemContext(label: string, requestId = `${label}-${Date.now()}`): TActorContext {
  return { actor: null, requestId, systemLabel: label };
}

/** The signed-in person a service acts for, or 401: for operations that system work never performs. */
export function requireSignedIn(context: TActorContext): TActor {
  if (!context.actor) throw new UnauthorizedError();
  return context.actor;
}

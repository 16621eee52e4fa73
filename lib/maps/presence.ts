import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { MAP_PRESENCE_CHANNEL } from "./channels";

export type TPresenceSignal = {
  surfaceId: string;
  connectionId: string;
  user: { id: string; name: string; team: string };
  editing: string | null;
  state: "here" | "left";
};

/** Who is on a map and what they are editing: passed between app instances, never stored (it is not data). */
export async function announcePresence(
  context: TActorContext,
  surfaceId: string,
  signal: { connectionId: string; editing: string | null; state: "here" | "left" },
): Promise<void> {
  assertCan(context.actor, "map.read");
  const actor = context.actor!;
  const payload: TPresenceSignal = {
    surfaceId,
    connectionId: signal.connectionId,
    user: { id: actor.id, name: actor.name, team: actor.team },
    editing: signal.editing,
    state: signal.state,
  };
  await db.$executeRaw`SELECT pg_notify(${MAP_PRESENCE_CHANNEL}, ${JSON.stringify(payload)})`;
}

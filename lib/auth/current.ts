import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getAuthOptions } from "./options";
import { resolveSession } from "./sessions";
import type { TActor } from "./actor";
import { can, type TPermission } from "./permissions";

async function readSession(): Promise<{ actor: TActor | null; sessionId: string | null; hadSession: boolean }> {
  const session = (await getServerSession(getAuthOptions())) as { sid?: string } | null;
  const resolved = await resolveSession(session?.sid);
  return { actor: resolved?.actor ?? null, sessionId: resolved?.sessionId ?? null, hadSession: Boolean(session?.sid) };
}

/** The signed-in actor for a page or server action, re-checked against the database. */
export async function getCurrentActor(): Promise<TActor | null> {
  return (await readSession()).actor;
}

/** The signed-in actor with the id of the session they use: what audit rows record. */
export async function getCurrentSession(): Promise<{ actor: TActor; sessionId: string } | null> {
  const { actor, sessionId } = await readSession();
  return actor && sessionId ? { actor, sessionId } : null;
}

/**
 * For pages: sends the visitor to sign in (saying so when their session was ended by a timeout,
 * logout elsewhere or an administrator), or to the forbidden page when the role does not allow it.
 */
export async function requireActor(permission?: TPermission): Promise<TActor> {
  const { actor, hadSession } = await readSession();
  if (!actor) redirect(hadSession ? "/signin?error=SessionEnded" : "/signin");
  if (permission && !can(actor, permission)) redirect("/forbidden");
  return actor;
}

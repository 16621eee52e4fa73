import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getAuthOptions } from "./options";
import { resolveSession } from "./sessions";
import type { TActor } from "./actor";
import { can, type TPermission } from "./permissions";

/** The signed-in actor for a page or server action, re-checked against the database. */
export async function getCurrentActor(): Promise<TActor | null> {
  const session = (await getServerSession(getAuthOptions())) as { sid?: string } | null;
  const resolved = await resolveSession(session?.sid);
  return resolved?.actor ?? null;
}

/** For pages: sends the visitor to sign in, or to the forbidden page when the role does not allow it. */
export async function requireActor(permission?: TPermission): Promise<TActor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/signin");
  if (permission && !can(actor, permission)) redirect("/forbidden");
  return actor;
}

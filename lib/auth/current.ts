import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getAuthOptions } from "./options";
import { resolveSession } from "./sessions";
import type { TActor } from "./actor";
import { can, type TPermission } from "./permissions";

/** Where a person whose role requires a second factor goes until they have set one up. */
export const MFA_SETUP_PATH = "/mfa/setup";

export type TCurrentSession = NonNullable<Awaited<ReturnType<typeof resolveSession>>>;

/**
 * The session read once per server request: the layout, the page and their helpers all ask, and
 * React's request cache answers them from one database read.
 */
const readSession = cache(async (): Promise<{ session: TCurrentSession | null; hadSession: boolean }> => {
  const token = (await getServerSession(getAuthOptions())) as { sid?: string } | null;
  return { session: await resolveSession(token?.sid), hadSession: Boolean(token?.sid) };
});

/**
 * The live session of this request, including one held back until its user sets up the second
 * factor their role requires (only the enrolment pages and routes accept those).
 */
export async function getCurrentSession(): Promise<TCurrentSession | null> {
  return (await readSession()).session;
}

/** The signed-in actor for a page or server action, re-checked against the database. */
export async function getCurrentActor(): Promise<TActor | null> {
  const { session } = await readSession();
  return session && !session.mfaEnrolmentRequired ? session.actor : null;
}

/**
 * For pages: sends the visitor to sign in (saying so when their session was ended by a timeout,
 * logout elsewhere or an administrator), or to the forbidden page when the role does not allow it.
 */
export async function requireActor(permission?: TPermission, options: { duringMfaEnrolment?: boolean } = {}): Promise<TActor> {
  const { session, hadSession } = await readSession();
  if (!session) redirect(hadSession ? "/signin?error=SessionEnded" : "/signin");
  if (session.mfaEnrolmentRequired && !options.duringMfaEnrolment) redirect(MFA_SETUP_PATH);
  const actor = session.actor;
  if (permission && !can(actor, permission)) redirect("/forbidden");
  return actor;
}

import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { sessionState } from "@/lib/auth/session-rules";
import { NotFoundError } from "@/lib/errors";
import { describeDevice } from "./device";
import type { TAccountSession } from "./schemas";

/**
 * A person's own sessions: where they are signed in, ending one, ending all but this one. Only
 * ever their own: another user's session is "not found", whoever asks.
 */

/** Open sessions: not revoked, not past their expiry, not idle past the limit. */
function isOpen(session: Parameters<typeof sessionState>[0], now: Date): boolean {
  return sessionState(session, now, getEnv().SESSION_IDLE_MINUTES * 60_000) === "active";
}

export async function listOwnSessions(context: TActorContext, currentSessionId: string | null): Promise<TAccountSession[]> {
  const actor = requireSignedIn(context);
  const now = new Date();
  const rows = await db.session.findMany({
    where: { userId: actor.id, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
  });
  return rows
    .filter((row) => isOpen(row, now))
    .map((row) => ({
      id: row.id,
      current: row.id === currentSessionId,
      device: describeDevice(row.userAgent),
      userAgent: row.userAgent,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Signs one of the person's own sessions out; it is dead on its next request. */
export async function revokeOwnSession(context: TActorContext, sessionId: string): Promise<{ ended: number }> {
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const session = await tx.session.findFirst({ where: { id: sessionId, userId: actor.id, revokedAt: null } });
    if (!session || !isOpen(session, new Date())) throw new NotFoundError("The session");
    await tx.session.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, context, {
      action: "auth.session.revoke",
      entityType: "Session",
      entityId: session.id,
      before: { ip: session.ip, userAgent: session.userAgent, createdAt: session.createdAt },
    });
    return { ended: 1 };
  });
}

/**
 * "Sign out everywhere else": every session of the person but the one asking. A caller without a
 * session (an API token) keeps none.
 */
export async function revokeOtherSessions(context: TActorContext, currentSessionId: string | null): Promise<{ ended: number }> {
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.updateMany({
      where: { userId: actor.id, revokedAt: null, ...(currentSessionId ? { id: { not: currentSessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, context, {
      action: "auth.session.revoke_others",
      entityType: "User",
      entityId: actor.id,
      after: { ended: count, kept: currentSessionId },
    });
    return { ended: count };
  });
}

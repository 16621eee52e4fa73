import "server-only";
import crypto from "node:crypto";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { TActor } from "./actor";
import { sessionState, shouldTouch } from "./session-rules";
import { recordAudit } from "@/lib/audit/record";
import { sessionProofFields, type TSessionProof } from "@/lib/mfa/step-up";
import type { TStepUpFactor } from "@/lib/mfa/rules";

const actorSelect = { id: true, email: true, name: true, team: true, roles: true, status: true } as const;

export type TSessionMeta = { userAgent?: string; ip?: string; method: string; factor?: TStepUpFactor };

/** Opens a session row for a successful sign-in and audits it in the same transaction. */
export async function startSession(actor: TActor, meta: TSessionMeta): Promise<string> {
  const env = getEnv();
  return db.$transaction(async (tx) => {
    const session = await tx.session.create({
      data: {
        userId: actor.id,
        expiresAt: new Date(Date.now() + env.SESSION_MAX_HOURS * 3_600_000),
        userAgent: meta.userAgent?.slice(0, 300),
        ip: meta.ip?.slice(0, 100),
        ...(await sessionProofFields(tx, actor, meta.factor ?? "password")),
      },
      select: { id: true },
    });
    await tx.user.update({ where: { id: actor.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(
      tx,
      { actor, requestId: crypto.randomUUID(), auth: { method: "session", sessionId: session.id } },
      {
        action: "auth.login",
        entityType: "Session",
        entityId: session.id,
        after: { method: meta.method, factor: meta.factor ?? null, ip: meta.ip ?? null, userAgent: meta.userAgent ?? null },
      },
    );
    return session.id;
  });
}

/** Logout: the session row is revoked, so the JWT cookie is dead even if someone kept a copy. */
export async function endSession(sessionId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, include: { user: { select: actorSelect } } });
    if (!session || session.revokedAt) return;
    await tx.session.update({ where: { id: sessionId }, data: { revokedAt: new Date() } });
    const { status: _status, ...actor } = session.user;
    await recordAudit(
      tx,
      { actor, requestId: crypto.randomUUID(), auth: { method: "session", sessionId } },
      {
        action: "auth.logout",
        entityType: "Session",
        entityId: sessionId,
      },
    );
  });
}

/**
 * The check behind every request: the session row must be live and the user active. Roles and team
 * come from the database, never from the token, so changes apply on the next request.
 */
export async function resolveSession(
  sessionId: string | undefined | null,
): Promise<{ actor: TActor; sessionId: string; proof: TSessionProof; mfaEnrolmentRequired: boolean } | null> {
  if (!sessionId || !/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const session = await db.session.findUnique({
    where: { id: sessionId },
    include: { user: { select: { ...actorSelect, mfaEnabled: true, kind: true } } },
  });
  // Service accounts never sign in; a session row for one is refused all the same.
  if (!session || session.user.status !== "ACTIVE" || session.user.kind !== "PERSON") return null;
  const now = new Date();
  if (sessionState(session, now, getEnv().SESSION_IDLE_MINUTES * 60_000) !== "active") return null;
  if (shouldTouch(session, now)) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { status: _status, kind: _kind, mfaEnabled, ...actor } = session.user;
  return {
    actor,
    sessionId: session.id,
    proof: { stepUpAt: session.stepUpAt, stepUpFactor: session.stepUpFactor, hasSecondFactor: mfaEnabled },
    mfaEnrolmentRequired: session.mfaEnrolmentRequired,
  };
}

/** Automation authenticates with `Authorization: Bearer <token>`; only the token's hash is stored. */
export function hashApiToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/**
 * A token acts only as the person who issued it, or as a service account. A token acting as a
 * person someone else issued (possible before this rule) is dead, as are revoked ones.
 */
export async function resolveApiToken(token: string): Promise<{ actor: TActor; tokenId: string } | null> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    include: { user: { select: { ...actorSelect, kind: true } } },
  });
  if (!row || row.revokedAt || row.user.status !== "ACTIVE") return null;
  if (row.user.kind === "PERSON" && row.createdById !== row.userId) return null;
  if (!row.lastUsedAt || shouldTouch({ lastSeenAt: row.lastUsedAt }, new Date())) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { status: _status, kind: _kind, ...actor } = row.user;
  return { actor, tokenId: row.id };
}

import "server-only";
import crypto from "node:crypto";
import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { hashApiToken } from "@/lib/auth/sessions";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { TApiToken, TApiTokenListQuery, TCreateApiToken } from "./schemas";

/** Recognisable in logs and secret scanners; the rest is 256 random bits. */
export const TOKEN_PREFIX = "cnc_";

const tokenInclude = { user: { select: { name: true, email: true, kind: true } } } as const;

type TTokenRow = Awaited<ReturnType<typeof loadToken>>;

async function loadToken(tx: TTx, id: string) {
  const row = await tx.apiToken.findUnique({ where: { id }, include: tokenInclude });
  if (!row) throw new NotFoundError("The API token");
  return row;
}

function toApiToken(row: TTokenRow): TApiToken {
  return {
    id: row.id,
    name: row.name,
    userId: row.userId,
    userName: row.user.name,
    userEmail: row.user.email,
    actsAs: row.user.kind,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** What the audit trail keeps of a token: never the secret nor its hash. */
function auditView(token: TApiToken) {
  return { name: token.name, userId: token.userId, actsAs: token.actsAs, createdById: token.createdById, revokedAt: token.revokedAt };
}

export async function listApiTokens(context: TActorContext, query: TApiTokenListQuery): Promise<TApiToken[]> {
  assertCan(context.actor, "admin.users");
  const rows = await db.apiToken.findMany({
    where: { userId: query.userId, revokedAt: query.includeRevoked === "true" ? undefined : null },
    include: tokenInclude,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 500,
  });
  return rows.map(toApiToken);
}

/**
 * Issues a token acting as its issuer, or as a service account; never as another person, whose
 * decisions it could otherwise cast. The plain secret is returned once and never stored.
 */
export async function createApiToken(context: TActorContext, input: TCreateApiToken): Promise<{ token: TApiToken; plainToken: string }> {
  assertCan(context.actor, "admin.users");
  const issuer = context.actor!;
  const plainToken = TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
  return db.$transaction(async (tx) => {
    if (input.serviceAccountId) {
      const account = await tx.user.findUnique({ where: { id: input.serviceAccountId }, select: { status: true, kind: true } });
      if (!account || account.kind !== "SERVICE_ACCOUNT") throw new NotFoundError("The service account");
      if (account.status !== "ACTIVE") {
        throw new RuleViolationError("The service account is disabled: re-enable it before issuing a token.", "user_disabled");
      }
    }
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        userId: input.serviceAccountId ?? issuer.id,
        createdById: issuer.id,
        tokenHash: hashApiToken(plainToken),
        scopes: [],
      },
      include: tokenInclude,
    });
    const token = toApiToken(row);
    await recordAudit(tx, context, { action: "token.create", entityType: "ApiToken", entityId: token.id, after: auditView(token) });
    return { token, plainToken };
  });
}

/** Revoking takes effect on the token's very next request. */
export async function revokeApiToken(context: TActorContext, id: string): Promise<TApiToken> {
  assertCan(context.actor, "admin.users");
  return db.$transaction(async (tx) => {
    const before = toApiToken(await loadToken(tx, id));
    if (before.revokedAt) throw new RuleViolationError("This token is already revoked.", "already_revoked");
    const after = toApiToken(await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, include: tokenInclude }));
    await recordAudit(tx, context, {
      action: "token.revoke",
      entityType: "ApiToken",
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

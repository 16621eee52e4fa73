import "server-only";
import crypto from "node:crypto";
import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError, NotFoundError, RuleViolationError } from "@/lib/errors";
import type { TCreateUser, TUpdateUser, TUser, TUserListQuery } from "./schemas";

/** Counts the sessions that are still open (not revoked, not past their absolute expiry). */
const userInclude = () => ({ _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } } });

type TUserRow = Awaited<ReturnType<typeof loadUser>>;

async function loadUser(tx: TTx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, include: userInclude() });
  if (!user) throw new NotFoundError("The user");
  return user;
}

function toUser(row: TUserRow): TUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    team: row.team,
    roles: row.roles,
    status: row.status,
    hasPassword: Boolean(row.passwordHash),
    sso: Boolean(row.oidcSubject),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    activeSessions: row._count.sessions,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit trail keeps of a user: never the password hash. */
function auditView(user: TUser) {
  const { activeSessions: _sessions, lastLoginAt: _login, ...rest } = user;
  return rest;
}

export async function listUsers(context: TActorContext, query: TUserListQuery): Promise<TUser[]> {
  assertCan(context.actor, "admin.users");
  const rows = await db.user.findMany({
    where: {
      // Service accounts are listed under API tokens, not among the people.
      kind: "PERSON",
      team: query.team,
      status: query.status,
      roles: query.role ? { has: query.role } : undefined,
      OR: query.q
        ? [{ name: { contains: query.q, mode: "insensitive" } }, { email: { contains: query.q, mode: "insensitive" } }]
        : undefined,
    },
    include: userInclude(),
    orderBy: [{ team: "asc" }, { name: "asc" }],
    take: 500,
  });
  return rows.map((row) => toUser(row));
}

export async function getUser(context: TActorContext, id: string): Promise<TUser> {
  assertCan(context.actor, "admin.users");
  return toUser(await loadUser(db, id));
}

/** Creates a local account. Without a password it is an invitation with a one-time password. */
export async function createUser(context: TActorContext, input: TCreateUser): Promise<{ user: TUser; temporaryPassword: string | null }> {
  assertCan(context.actor, "admin.users");
  const temporaryPassword = input.password ? null : crypto.randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new ConflictError(`A user with the email ${input.email} already exists.`);
    }
    const created = await tx.user.create({
      data: { email: input.email, name: input.name, team: input.team, roles: input.roles, passwordHash },
      include: userInclude(),
    });
    const user = toUser(created);
    await recordAudit(tx, context, { action: "user.create", entityType: "User", entityId: user.id, after: auditView(user) });
    return { user, temporaryPassword };
  });
}

export async function updateUser(context: TActorContext, id: string, input: TUpdateUser): Promise<TUser> {
  assertCan(context.actor, "admin.users");
  return db.$transaction(async (tx) => {
    const before = toUser(await loadUser(tx, id));
    if (id === context.actor?.id && input.roles && !input.roles.includes("ADMIN")) {
      throw new RuleViolationError("You cannot remove your own Admin role; ask another administrator.", "self_lockout");
    }
    const updated = await tx.user.update({ where: { id }, data: input, include: userInclude() });
    const after = toUser(updated);
    await recordAudit(tx, context, {
      action: "user.update",
      entityType: "User",
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** Disabling ends every session of the user at once; re-enabling lets them sign in again. */
export async function setUserStatus(context: TActorContext, id: string, status: "ACTIVE" | "DISABLED"): Promise<TUser> {
  assertCan(context.actor, "admin.users");
  if (id === context.actor?.id && status === "DISABLED") {
    throw new RuleViolationError("You cannot disable your own account.", "self_lockout");
  }
  return db.$transaction(async (tx) => {
    const before = toUser(await loadUser(tx, id));
    await tx.user.update({ where: { id }, data: { status } });
    if (status === "DISABLED") {
      await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    const after = toUser(await loadUser(tx, id));
    await recordAudit(tx, context, {
      action: status === "DISABLED" ? "user.disable" : "user.enable",
      entityType: "User",
      entityId: id,
      before: { status: before.status },
      after: { status: after.status },
    });
    return after;
  });
}

export async function endUserSessions(context: TActorContext, id: string): Promise<{ ended: number }> {
  assertCan(context.actor, "admin.users");
  return db.$transaction(async (tx) => {
    await loadUser(tx, id);
    const { count } = await tx.session.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, context, { action: "user.sessions.end", entityType: "User", entityId: id, after: { ended: count } });
    return { ended: count };
  });
}

import "server-only";
import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { canDelegate } from "./lifecycle";
import { lockSurface, personSelect } from "./service";
import type { TComment, TCommentInput, TDecision, TKipling, TKiplingInput, TResolveComment } from "./schemas";

/**
 * The joint workshop around a surface: comment threads (on the surface or an element) with
 * mentions and a resolved state, decisions, Kipling statements and sign-off delegates.
 */

async function requireSurface(tx: TTx, id: string): Promise<void> {
  if (!(await tx.protectSurface.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("The protect surface");
}

/** `@raj.patel` mentions the user whose email starts with `raj.patel@`. */
export function mentionHandles(body: string): string[] {
  return [...new Set([...body.matchAll(/(?:^|[^\w.])@([a-z0-9][a-z0-9._-]*[a-z0-9])/gi)].map((match) => match[1]!.toLowerCase()))];
}

const commentInclude = {
  author: { select: personSelect },
  resolvedBy: { select: personSelect },
} as const;

export async function listComments(context: TActorContext, surfaceId: string): Promise<TComment[]> {
  assertCan(context.actor, "surface.read");
  await requireSurface(db, surfaceId);
  const rows = await db.comment.findMany({ where: { surfaceId }, include: commentInclude, orderBy: { createdAt: "asc" } });
  const mentioned = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(rows.flatMap((row) => row.mentions))] } }, select: personSelect })).map(
      (user) => [user.id, user],
    ),
  );
  return rows.map((row) => ({
    id: row.id,
    elementId: row.elementId,
    parentId: row.parentId,
    author: row.author,
    body: row.body,
    mentions: row.mentions.map((id) => mentioned.get(id)).filter((user) => user !== undefined),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    resolvedBy: row.resolvedBy,
    createdAt: row.createdAt.toISOString(),
  }));
}

export async function addComment(context: TActorContext, surfaceId: string, input: TCommentInput): Promise<{ id: string }> {
  assertCan(context.actor, "surface.comment");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await requireSurface(tx, surfaceId);
    if (input.elementId && !(await tx.daasElement.findFirst({ where: { id: input.elementId, surfaceId }, select: { id: true } }))) {
      throw new ValidationError([{ path: "elementId", message: "is not an element of this surface" }]);
    }
    if (input.parentId && !(await tx.comment.findFirst({ where: { id: input.parentId, surfaceId }, select: { id: true } }))) {
      throw new ValidationError([{ path: "parentId", message: "is not a comment on this surface" }]);
    }
    const handles = mentionHandles(input.body);
    const mentions = handles.length
      ? (
          await tx.user.findMany({
            where: { status: "ACTIVE", OR: handles.map((handle) => ({ email: { startsWith: `${handle}@` } })) },
            select: { id: true },
          })
        ).map((u) => u.id)
      : [];
    const comment = await tx.comment.create({
      data: {
        surfaceId,
        elementId: input.elementId ?? null,
        parentId: input.parentId ?? null,
        authorId: actor.id,
        body: input.body,
        mentions,
      },
    });
    await recordAudit(tx, context, {
      action: "surface.comment",
      entityType: "ProtectSurface",
      entityId: surfaceId,
      after: { commentId: comment.id, elementId: comment.elementId, body: comment.body, mentions },
    });
    return { id: comment.id };
  });
}

export async function resolveComment(
  context: TActorContext,
  surfaceId: string,
  commentId: string,
  { resolved }: TResolveComment,
): Promise<{ id: string }> {
  assertCan(context.actor, "surface.comment");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({ where: { id: commentId, surfaceId } });
    if (!comment) throw new NotFoundError("The comment");
    await tx.comment.update({
      where: { id: commentId },
      data: resolved ? { resolvedAt: new Date(), resolvedById: actor.id } : { resolvedAt: null, resolvedById: null },
    });
    await recordAudit(tx, context, {
      action: resolved ? "surface.comment.resolve" : "surface.comment.reopen",
      entityType: "ProtectSurface",
      entityId: surfaceId,
      before: { commentId, resolved: Boolean(comment.resolvedAt) },
      after: { commentId, resolved },
    });
    return { id: commentId };
  });
}

export async function listDecisions(context: TActorContext, surfaceId: string): Promise<TDecision[]> {
  assertCan(context.actor, "surface.read");
  await requireSurface(db, surfaceId);
  const rows = await db.decision.findMany({
    where: { surfaceId },
    include: { recordedBy: { select: personSelect } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => ({ id: row.id, text: row.text, recordedBy: row.recordedBy, createdAt: row.createdAt.toISOString() }));
}

export async function recordDecision(context: TActorContext, surfaceId: string, text: string): Promise<{ id: string }> {
  assertCan(context.actor, "surface.comment");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await requireSurface(tx, surfaceId);
    const decision = await tx.decision.create({ data: { surfaceId, text, recordedById: actor.id } });
    await recordAudit(tx, context, {
      action: "surface.decision.create",
      entityType: "ProtectSurface",
      entityId: surfaceId,
      after: { decisionId: decision.id, text },
    });
    return { id: decision.id };
  });
}

function toKipling(row: {
  id: string;
  who: string;
  what: string;
  when: string;
  where: string;
  why: string;
  how: string;
  version: number;
  updatedAt: Date;
}): TKipling {
  return {
    id: row.id,
    who: row.who,
    what: row.what,
    when: row.when,
    where: row.where,
    why: row.why,
    how: row.how,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listStatements(context: TActorContext, surfaceId: string): Promise<TKipling[]> {
  assertCan(context.actor, "surface.read");
  await requireSurface(db, surfaceId);
  return (await db.kiplingStatement.findMany({ where: { surfaceId }, orderBy: { createdAt: "asc" } })).map(toKipling);
}

export async function createStatement(context: TActorContext, surfaceId: string, input: TKiplingInput): Promise<TKipling> {
  assertCan(context.actor, "surface.write");
  return db.$transaction(async (tx) => {
    await requireSurface(tx, surfaceId);
    const row = await tx.kiplingStatement.create({ data: { surfaceId, ...input } });
    await recordAudit(tx, context, {
      action: "surface.statement.create",
      entityType: "KiplingStatement",
      entityId: row.id,
      after: { surfaceId, ...input },
    });
    return toKipling(row);
  });
}

export async function updateStatement(
  context: TActorContext,
  surfaceId: string,
  statementId: string,
  input: TKiplingInput,
): Promise<TKipling> {
  assertCan(context.actor, "surface.write");
  return db.$transaction(async (tx) => {
    const before = await tx.kiplingStatement.findFirst({ where: { id: statementId, surfaceId } });
    if (!before) throw new NotFoundError("The statement");
    const row = await tx.kiplingStatement.update({ where: { id: statementId }, data: { ...input, version: { increment: 1 } } });
    await recordAudit(tx, context, {
      action: "surface.statement.update",
      entityType: "KiplingStatement",
      entityId: row.id,
      before: toKipling(before),
      after: toKipling(row),
    });
    return toKipling(row);
  });
}

export async function deleteStatement(context: TActorContext, surfaceId: string, statementId: string): Promise<{ deleted: true }> {
  assertCan(context.actor, "surface.write");
  return db.$transaction(async (tx) => {
    const before = await tx.kiplingStatement.findFirst({
      where: { id: statementId, surfaceId },
      include: { _count: { select: { flows: true } } },
    });
    if (!before) throw new NotFoundError("The statement");
    if (before._count.flows > 0) throw new RuleViolationError("Flows on the map refer to this statement; unlink them first.", "in_use");
    await tx.kiplingStatement.delete({ where: { id: statementId } });
    await recordAudit(tx, context, {
      action: "surface.statement.delete",
      entityType: "KiplingStatement",
      entityId: statementId,
      before: toKipling(before),
    });
    return { deleted: true as const };
  });
}

/** An owner lets a CONTRIBUTOR of their own team sign off in their place. */
export async function addDelegate(context: TActorContext, surfaceId: string, userId: string): Promise<{ id: string }> {
  assertCan(context.actor, "surface.write");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await lockSurface(tx, surfaceId);
    const surface = await tx.protectSurface.findUniqueOrThrow({
      where: { id: surfaceId },
      select: { netopsOwnerId: true, secopsOwnerId: true },
    });
    const user = await tx.user.findFirst({ where: { id: userId, status: "ACTIVE" }, select: { id: true, team: true, roles: true } });
    if (!user) throw new ValidationError([{ path: "userId", message: "is not an active user" }]);
    const rule = canDelegate(actor, surface, user);
    if (!rule.ok) throw new RuleViolationError(rule.reason, rule.code);
    const delegate = await tx.surfaceDelegate.upsert({
      where: { surfaceId_userId: { surfaceId, userId } },
      create: { surfaceId, userId, team: rule.value, grantedById: actor.id },
      update: {},
    });
    await recordAudit(tx, context, {
      action: "surface.delegate.add",
      entityType: "ProtectSurface",
      entityId: surfaceId,
      after: { userId, team: rule.value },
    });
    return { id: delegate.id };
  });
}

export async function removeDelegate(context: TActorContext, surfaceId: string, delegateId: string): Promise<{ deleted: true }> {
  assertCan(context.actor, "surface.write");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await lockSurface(tx, surfaceId);
    const delegate = await tx.surfaceDelegate.findFirst({ where: { id: delegateId, surfaceId } });
    if (!delegate) throw new NotFoundError("The delegate");
    const surface = await tx.protectSurface.findUniqueOrThrow({
      where: { id: surfaceId },
      select: { netopsOwnerId: true, secopsOwnerId: true, status: true },
    });
    const ownerId = delegate.team === "NETOPS" ? surface.netopsOwnerId : surface.secopsOwnerId;
    if (ownerId !== actor.id && delegate.grantedById !== actor.id)
      throw new RuleViolationError("Only the team's owner may remove its delegate.", "not_owner");
    await tx.surfaceDelegate.delete({ where: { id: delegateId } });
    // The delegate's sign-offs that have not yet made an agreement fall with the delegation they were given under.
    const voided =
      surface.status === "AGREED"
        ? { count: 0 }
        : await tx.surfaceSignOff.updateMany({
            where: { surfaceId, userId: delegate.userId, team: delegate.team, voidedAt: null, withdrawnAt: null },
            data: { voidedAt: new Date() },
          });
    await recordAudit(tx, context, {
      action: "surface.delegate.remove",
      entityType: "ProtectSurface",
      entityId: surfaceId,
      before: { userId: delegate.userId, team: delegate.team },
      after: { signOffsVoided: voided.count },
    });
    return { deleted: true as const };
  });
}

import "server-only";
import { db, type Prisma, type TTx } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { approvalStatus, type TApprovalStatus } from "./approvals";
import type { TClassification } from "@/lib/change-policy/classifier";
import type { TChangeListQuery } from "./schemas";
import { asSnapshot, type TFlowSnapshot } from "@/lib/change-policy/types";

export const changeInclude = {
  requester: { select: { id: true, name: true, team: true } },
  surfaces: { include: { surface: { select: { id: true, name: true, classification: true, criticality: true } } } },
  operations: { orderBy: { position: "asc" } },
  approvals: { include: { user: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
  transitions: { include: { actor: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
  template: { select: { id: true, name: true } },
} as const satisfies Prisma.ChangeInclude;

export type TChangeRow = Prisma.ChangeGetPayload<{ include: typeof changeInclude }>;

export async function loadChange(tx: TTx, id: string, { forUpdate = false }: { forUpdate?: boolean } = {}): Promise<TChangeRow> {
  // Row lock: votes and transitions on one change are serialized, so two requests cannot both
  // count as "the approval that completes it" or both vote as the same person.
  if (forUpdate) await tx.$queryRaw`SELECT id FROM "Change" WHERE id = ${id}::uuid FOR UPDATE`;
  const row = await tx.change.findUnique({ where: { id }, include: changeInclude });
  if (!row) throw new NotFoundError("The change");
  return row;
}

export function statusOf(row: TChangeRow): TApprovalStatus {
  return approvalStatus({
    requesterId: row.requesterId,
    state: row.state,
    track: row.track,
    contentHash: row.contentHash,
    requiredApprovals: row.requiredApprovals,
    votes: row.approvals.map((approval) => ({
      userId: approval.userId,
      team: approval.team,
      decision: approval.decision,
      contentHash: approval.contentHash,
      voided: approval.voidedAt !== null,
    })),
  });
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

export function toChange(row: TChangeRow) {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    description: row.description,
    requester: row.requester,
    state: row.state,
    track: row.track,
    riskScore: row.riskScore,
    emergencyReason: row.emergencyReason,
    environment: row.environment,
    implementationPlan: row.implementationPlan,
    verificationPlan: row.verificationPlan,
    rollbackPlan: row.rollbackPlan,
    windowStart: iso(row.windowStart),
    windowEnd: iso(row.windowEnd),
    ticketLinks: row.ticketLinks,
    classification: row.classification as TClassification | null,
    template: row.template,
    requiredApprovals: row.requiredApprovals,
    contentHash: row.contentHash,
    version: row.version,
    surfaces: row.surfaces.map((link) => link.surface),
    operations: row.operations.map((operation) => ({
      id: operation.id,
      kind: operation.kind,
      surfaceId: operation.surfaceId,
      edgeId: operation.edgeId,
      before: asSnapshot(operation.before) as TFlowSnapshot | null,
      after: asSnapshot(operation.after) as TFlowSnapshot | null,
    })),
    approvals: row.approvals.map((approval) => ({
      id: approval.id,
      userId: approval.userId,
      userName: approval.user.name,
      team: approval.team,
      decision: approval.decision,
      comment: approval.comment,
      createdAt: approval.createdAt.toISOString(),
      live: approval.voidedAt === null && approval.contentHash === row.contentHash,
    })),
    transitions: row.transitions.map((transition) => ({
      from: transition.from,
      to: transition.to,
      actorId: transition.actorId,
      actorName: transition.actor.name,
      reason: transition.reason,
      createdAt: transition.createdAt.toISOString(),
    })),
    approvalStatus: statusOf(row),
    createdAt: row.createdAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    decidedAt: iso(row.decidedAt),
    scheduledAt: iso(row.scheduledAt),
    verifiedAt: iso(row.verifiedAt),
  };
}
export type TChange = ReturnType<typeof toChange>;

/** Scheduled changes on the same surfaces whose windows overlap this one's: shown as conflicts. */
export async function findWindowConflicts(
  tx: TTx,
  change: { id: string; windowStart: Date | null; windowEnd: Date | null; surfaceIds: string[] },
) {
  if (!change.windowStart || !change.windowEnd) return [];
  return tx.change.findMany({
    where: {
      id: { not: change.id },
      state: { in: ["SCHEDULED", "IMPLEMENTED"] },
      windowStart: { lt: change.windowEnd },
      windowEnd: { gt: change.windowStart },
      surfaces: { some: { surfaceId: { in: change.surfaceIds } } },
    },
    select: { id: true, number: true, title: true, windowStart: true, windowEnd: true },
    orderBy: { windowStart: "asc" },
    take: 20,
  });
}

export async function getChange(context: TActorContext, id: string) {
  assertCan(context.actor, "change.read");
  const row = await loadChange(db, id);
  const conflicts = await findWindowConflicts(db, {
    id,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    surfaceIds: row.surfaces.map((link) => link.surfaceId),
  });
  return {
    change: toChange(row),
    conflicts: conflicts.map((conflict) => ({ ...conflict, windowStart: iso(conflict.windowStart), windowEnd: iso(conflict.windowEnd) })),
  };
}

/** One page of changes, newest first; every filter uses an index (state, track, createdAt, surface). */
export async function listChanges(context: TActorContext, query: TChangeListQuery) {
  assertCan(context.actor, "change.read");
  const where: Prisma.ChangeWhereInput = {
    state: query.state,
    track: query.track,
    requesterId: query.mine === "true" ? context.actor?.id : undefined,
    surfaces: query.surfaceId ? { some: { surfaceId: query.surfaceId } } : undefined,
    OR: query.q
      ? [{ title: { contains: query.q, mode: "insensitive" } }, ...(/^\d+$/.test(query.q) ? [{ number: Number(query.q) }] : [])]
      : undefined,
  };
  const [rows, total] = await Promise.all([
    db.change.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        number: true,
        title: true,
        state: true,
        track: true,
        riskScore: true,
        windowStart: true,
        createdAt: true,
        requester: { select: { name: true, team: true } },
        surfaces: { select: { surface: { select: { id: true, name: true } } } },
      },
    }),
    db.change.count({ where }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    changes: rows.map((row) => ({
      ...row,
      windowStart: iso(row.windowStart),
      createdAt: row.createdAt.toISOString(),
      surfaces: row.surfaces.map((link) => link.surface),
    })),
  };
}

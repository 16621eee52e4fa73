import "server-only";
import { db, type ChangeState, type Prisma, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { ConflictError, ForbiddenError, RuleViolationError } from "@/lib/errors";
import { enqueueEvent } from "@/lib/outbox/enqueue";
import { resolveOperations } from "./apply-operations";
import { EDITABLE_STATES, canTransition, stateAfterEdit, STATE_LABELS } from "./lifecycle";
import { loadChange, toChange, type TChange, type TChangeRow } from "./read";
import type { TCreateChange, TUpdateChange } from "./schemas";
import { hashChangeContent, type TStoredOperation } from "./snapshot";
import { publishChangeTouched } from "@/lib/live/publish";

function contentHashOf(input: TCreateChange, operations: TStoredOperation[]): string {
  return hashChangeContent({
    title: input.title,
    description: input.description,
    environment: input.environment,
    implementationPlan: input.implementationPlan,
    verificationPlan: input.verificationPlan,
    rollbackPlan: input.rollbackPlan,
    windowStart: input.windowStart?.toISOString() ?? null,
    windowEnd: input.windowEnd?.toISOString() ?? null,
    ticketLinks: input.ticketLinks,
    emergencyReason: input.emergencyReason || null,
    surfaceIds: input.surfaceIds,
    operations: operations.map((operation) => ({
      kind: operation.kind,
      surfaceId: operation.surfaceId,
      edgeId: operation.edgeId,
      after: operation.after,
    })),
  });
}

function contentFields(input: TCreateChange) {
  return {
    title: input.title,
    description: input.description,
    environment: input.environment,
    implementationPlan: input.implementationPlan,
    verificationPlan: input.verificationPlan,
    rollbackPlan: input.rollbackPlan,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    ticketLinks: input.ticketLinks,
    emergencyReason: input.emergencyReason || null,
  };
}

function operationRows(operations: TStoredOperation[]) {
  return operations.map((operation, position) => ({
    kind: operation.kind,
    surfaceId: operation.surfaceId,
    edgeId: operation.edgeId,
    before: (operation.before ?? undefined) as Prisma.InputJsonValue | undefined,
    after: (operation.after ?? undefined) as Prisma.InputJsonValue | undefined,
    position,
  }));
}

async function assertSurfacesExist(tx: TTx, surfaceIds: string[]) {
  const found = await tx.protectSurface.count({ where: { id: { in: surfaceIds } } });
  if (found !== surfaceIds.length) throw new ConflictError("One of the protect surfaces does not exist.");
}

export type TTransitionOptions = {
  to: ChangeState;
  /** Shown in the change's history and the audit row; empty when the move speaks for itself. */
  reason?: string;
  /** Fields written with the new state (the classification on submit, the decision time). */
  update?: Prisma.ChangeUpdateInput;
};

/** Records one move of the workflow: checked against the table, written with its audit row. */
export async function recordTransition(
  tx: TTx,
  context: TActorContext,
  change: { id: string; state: ChangeState },
  { to, reason = "", update = {} }: TTransitionOptions,
) {
  const actor = requireSignedIn(context);
  if (!canTransition(change.state, to)) {
    throw new RuleViolationError(`A change cannot move from ${STATE_LABELS[change.state]} to ${STATE_LABELS[to]}.`, "illegal_transition");
  }
  await tx.change.update({ where: { id: change.id }, data: { state: to, ...update } });
  await tx.changeTransition.create({ data: { changeId: change.id, from: change.state, to, actorId: actor.id, reason } });
  await recordAudit(tx, context, {
    action: "change.transition",
    entityType: "Change",
    entityId: change.id,
    before: { state: change.state },
    after: { state: to, reason },
  });
  await enqueueEvent(tx, `change.${to.toLowerCase()}`, { changeId: change.id, from: change.state, to, actorId: actor.id });
  await publishChangeTouched(tx, change.id);
  return { id: change.id, state: to };
}

export async function createChange(context: TActorContext, input: TCreateChange): Promise<TChange> {
  assertCan(context.actor, "change.write");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await assertSurfacesExist(tx, input.surfaceIds);
    const operations = await resolveOperations(tx, input.operations);
    const created = await tx.change.create({
      data: {
        ...contentFields(input),
        requesterId: actor.id,
        contentHash: contentHashOf(input, operations),
        surfaces: { create: input.surfaceIds.map((surfaceId) => ({ surfaceId })) },
        operations: { create: operationRows(operations) },
      },
    });
    const change = toChange(await loadChange(tx, created.id));
    await recordAudit(tx, context, {
      action: "change.create",
      entityType: "Change",
      entityId: change.id,
      after: { ...contentFields(input), surfaceIds: input.surfaceIds, operations },
    });
    return change;
  });
}

/**
 * Edits a change's content. Any edit that changes the content hash voids every earlier vote; an
 * approved change returns to review and a pre-approved one to draft.
 */
export async function updateChange(context: TActorContext, id: string, input: TUpdateChange): Promise<TChange> {
  assertCan(context.actor, "change.write");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const before: TChangeRow = await loadChange(tx, id, { forUpdate: true });
    if (before.requesterId !== actor.id) throw new ForbiddenError("Only the requester edits a change; comment or vote instead.");
    if (!EDITABLE_STATES.includes(before.state))
      throw new RuleViolationError(`A change in ${STATE_LABELS[before.state]} can no longer be edited.`, "not_editable");
    if (before.version !== input.version) throw new ConflictError("The change was edited by someone else; reload it.", toChange(before));
    await assertSurfacesExist(tx, input.surfaceIds);
    const operations = await resolveOperations(tx, input.operations);
    const contentHash = contentHashOf(input, operations);
    if (contentHash === before.contentHash) return toChange(before);
    await tx.flowOperation.deleteMany({ where: { changeId: id } });
    await tx.changeSurface.deleteMany({ where: { changeId: id } });
    await tx.change.update({
      where: { id },
      data: {
        ...contentFields(input),
        contentHash,
        version: { increment: 1 },
        surfaces: { create: input.surfaceIds.map((surfaceId) => ({ surfaceId })) },
        operations: { create: operationRows(operations) },
      },
    });
    const voided = await tx.changeApproval.updateMany({ where: { changeId: id, voidedAt: null }, data: { voidedAt: new Date() } });
    await publishChangeTouched(tx, id);
    const nextState = stateAfterEdit(before.state, before.track);
    if (nextState !== before.state)
      await recordTransition(tx, context, before, { to: nextState, reason: "Edited after approval: earlier approvals are void." });
    const after = toChange(await loadChange(tx, id));
    await recordAudit(tx, context, {
      action: "change.update",
      entityType: "Change",
      entityId: id,
      before: { contentHash: before.contentHash, version: before.version },
      after: { ...contentFields(input), surfaceIds: input.surfaceIds, operations, contentHash, votesVoided: voided.count },
    });
    return after;
  });
}

import "server-only";
import type { Prisma, TTx } from "@/lib/db";
import { flowStatusChanges, subscriptionPatternsFor } from "@/lib/webhooks/events";

/**
 * Queues a webhook event for every active subscription to its type, inside the caller's
 * transaction: a rolled-back transaction leaves no message, a committed one is never lost.
 * The body is the Standard Webhooks payload: `{ type, timestamp, data }`.
 */
export async function enqueueEvent(tx: TTx, eventType: string, data: Prisma.InputJsonObject): Promise<number> {
  const subscriptions = await tx.webhookSubscription.findMany({
    where: { active: true, eventTypes: { hasSome: subscriptionPatternsFor(eventType) } },
    select: { id: true },
  });
  if (subscriptions.length === 0) return 0;
  const body = { type: eventType, timestamp: new Date().toISOString(), data };
  await tx.outboxMessage.createMany({
    data: subscriptions.map((subscription) => ({ subscriptionId: subscription.id, eventType, payload: body })),
  });
  return subscriptions.length;
}

/** One `flow.status_changed` event per flow whose status a map edit or a change changed. */
export async function enqueueFlowStatusChanges(
  tx: TTx,
  context: { surfaceId: string; mapVersion: number; actorId: string | null; changeId?: string },
  changes: ReadonlyArray<{ kind: string; entityId: string; before: unknown; after: unknown }>,
): Promise<void> {
  for (const change of flowStatusChanges(changes)) {
    await enqueueEvent(tx, "flow.status_changed", {
      ...change,
      surfaceId: context.surfaceId,
      mapVersion: context.mapVersion,
      actorId: context.actorId,
      changeId: context.changeId ?? null,
    });
  }
}

/** The `flow.status_changed` events of the map edits a change just applied (its MapEvents). */
export async function enqueueFlowStatusChangesOfChange(tx: TTx, changeId: string): Promise<void> {
  const events = await tx.mapEvent.findMany({
    where: { changeId },
    select: {
      kind: true,
      entityId: true,
      before: true,
      after: true,
      mapVersion: true,
      actorId: true,
      map: { select: { surfaceId: true } },
    },
    orderBy: { id: "asc" },
  });
  for (const event of events) {
    await enqueueFlowStatusChanges(tx, { surfaceId: event.map.surfaceId, mapVersion: event.mapVersion, actorId: event.actorId, changeId }, [
      event,
    ]);
  }
}

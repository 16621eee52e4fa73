import type { Prisma, TTx } from "@/lib/db";

/**
 * Queues a webhook event for every active subscription to its type, inside the caller's
 * transaction: a rolled-back transaction leaves no message, a committed one is never lost.
 */
export async function enqueueEvent(tx: TTx, eventType: string, payload: Prisma.InputJsonObject): Promise<number> {
  const subscriptions = await tx.webhookSubscription.findMany({
    where: { active: true, OR: [{ eventTypes: { has: eventType } }, { eventTypes: { has: "*" } }] },
    select: { id: true },
  });
  if (subscriptions.length === 0) return 0;
  const body = { type: eventType, occurredAt: new Date().toISOString(), data: payload };
  await tx.outboxMessage.createMany({ data: subscriptions.map((subscription) => ({ subscriptionId: subscription.id, eventType, payload: body })) });
  return subscriptions.length;
}

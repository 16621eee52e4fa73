import { db } from "@/lib/db";
import { MAX_ATTEMPTS, backoffDelayMs, signPayload } from "./signing";

export type TFetch = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal }) => Promise<{ ok: boolean; status: number }>;

/** How long a claimed message is hidden from other instances while this one delivers it. */
const CLAIM_LEASE_MS = 60_000;

/**
 * Claims due messages for this process: rows locked by another instance are skipped, and the
 * claimed ones are leased (pushed into the future) so several app instances never send one twice.
 */
async function claimDueMessages(now: Date, limit: number) {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: bigint }>>`
      SELECT id FROM "OutboxMessage"
      WHERE "deliveredAt" IS NULL AND "nextAttemptAt" <= ${now} AND attempts < ${MAX_ATTEMPTS}
      ORDER BY id LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    const ids = rows.map((row) => row.id);
    if (ids.length === 0) return [];
    await tx.outboxMessage.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_MS) } });
    return tx.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  });
}

/**
 * Delivers the messages that are due, one attempt each. A failure schedules the next attempt with
 * backoff; after MAX_ATTEMPTS the message stays undelivered with its last error for an operator.
 */
export async function deliverDueMessages(options: { now?: Date; fetch?: TFetch; limit?: number } = {}): Promise<{ delivered: number; failed: number }> {
  const now = options.now ?? new Date();
  const send: TFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const due = await claimDueMessages(now, options.limit ?? 50);
  let delivered = 0;
  let failed = 0;
  for (const message of due) {
    const subscription = await db.webhookSubscription.findUnique({ where: { id: message.subscriptionId } });
    const attempts = message.attempts + 1;
    if (!subscription?.active) {
      await db.outboxMessage.update({ where: { id: message.id }, data: { attempts: MAX_ATTEMPTS, lastError: "subscription inactive or removed" } });
      failed += 1;
      continue;
    }
    const body = JSON.stringify(message.payload);
    let error: string | null = null;
    try {
      const response = await send(subscription.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-concord-event": message.eventType, "x-concord-delivery": String(message.id), "x-concord-signature": signPayload(subscription.secret, body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (cause) {
      error = cause instanceof Error ? cause.message : "delivery failed";
    }
    if (error === null) {
      await db.outboxMessage.update({ where: { id: message.id }, data: { attempts, deliveredAt: new Date(), lastError: null } });
      delivered += 1;
    } else {
      await db.outboxMessage.update({ where: { id: message.id }, data: { attempts, lastError: error.slice(0, 500), nextAttemptAt: new Date(now.getTime() + backoffDelayMs(attempts)) } });
      failed += 1;
    }
  }
  return { delivered, failed };
}

/** The delivery loop a server process runs: poll, deliver, sleep; stops when the signal aborts. */
export async function runOutboxLoop(signal: AbortSignal, intervalMs = 5_000): Promise<void> {
  while (!signal.aborted) {
    try {
      await deliverDueMessages();
    } catch (error) {
      console.error("[outbox]", error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

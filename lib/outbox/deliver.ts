import "server-only";
import crypto from "node:crypto";
import dns from "node:dns";
import { db, Prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isPrivateAddress, isPrivateHost } from "@/lib/webhooks/target";
import { MAX_ATTEMPTS, backoffDelayMs, signedHeaders, webhookMessageId } from "./signing";

export type TFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: "manual" },
) => Promise<{ status: number; body?: { cancel(): Promise<void> } | null }>;

export type TDeliveryOptions = {
  fetch?: TFetch;
  /** The worker's clock; tests move it forward instead of waiting out a backoff. */
  now?: () => Date;
  /** An attempt without a response by then is aborted and counted as failed. */
  attemptTimeoutMs?: number;
  /** Added to the attempt timeout to form the lease: time to record the outcome after the response. */
  leaseMarginMs?: number;
  allowPrivateTargets?: boolean;
  resolveHost?: (hostname: string) => Promise<string[]>;
  /** Limits the worker to these subscriptions' messages (a "send now" for one receiver, and tests). */
  subscriptionIds?: string[];
};

export const DEFAULT_ATTEMPT_TIMEOUT_MS = 10_000;
const DEFAULT_LEASE_MARGIN_MS = 20_000;
const UNKNOWN_OUTCOME = "outcome unknown: the attempt's lease ran out before it was recorded";

type TClaim = {
  messageId: bigint;
  webhookId: string;
  payload: Prisma.JsonValue;
  attempts: number;
  leaseToken: string;
  attemptId: bigint;
  url: string;
  secret: string;
};

export type TAttemptOutcome = "delivered" | "retrying" | "failed" | "lease_lost";

function resolved(options: TDeliveryOptions) {
  return {
    now: options.now ?? (() => new Date()),
    attemptTimeoutMs: options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS,
    leaseMarginMs: options.leaseMarginMs ?? DEFAULT_LEASE_MARGIN_MS,
  };
}

/**
 * Claims the next due message for one attempt: the oldest due message of the receiver served least
 * recently. The lease covers exactly this attempt (its timeout plus a margin), so another worker
 * takes the message over only when this attempt's outcome is genuinely unknown (the worker died or
 * stalled); rows being claimed by another worker are skipped.
 */
export async function claimNextMessage(options: TDeliveryOptions = {}): Promise<TClaim | null> {
  const { now, attemptTimeoutMs, leaseMarginMs } = resolved(options);
  const at = now();
  const scope = options.subscriptionIds
    ? Prisma.sql`AND o."subscriptionId" IN (${Prisma.join(options.subscriptionIds.map((id) => Prisma.sql`${id}::uuid`))})`
    : Prisma.empty;
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ id: bigint; subscriptionId: string }>>`
      SELECT o.id, o."subscriptionId" FROM "OutboxMessage" o JOIN "WebhookSubscription" s ON s.id = o."subscriptionId"
      WHERE o."deliveredAt" IS NULL AND o."failedAt" IS NULL AND o."nextAttemptAt" <= ${at} AND o.attempts < ${MAX_ATTEMPTS}
        AND (o."leaseExpiresAt" IS NULL OR o."leaseExpiresAt" <= ${at}) AND s.active ${scope}
      ORDER BY s."lastClaimAt" ASC NULLS FIRST, o."nextAttemptAt", o.id LIMIT 1
      FOR UPDATE OF o SKIP LOCKED`;
    const claimed = rows[0];
    if (!claimed) return null;
    const { id } = claimed;
    // Receivers take turns: a dead one with a backlog costs the others one attempt per round, not the queue.
    const [subscription] = await tx.$queryRaw<Array<{ url: string; secret: string }>>`
      UPDATE "WebhookSubscription" SET "lastClaimAt" = ${at}
      WHERE id = ${claimed.subscriptionId}::uuid
      RETURNING url, secret`;
    const leaseToken = crypto.randomUUID();
    // An earlier attempt still open lost its lease: whether the receiver got it is unknown.
    await tx.webhookAttempt.updateMany({ where: { messageId: id, finishedAt: null }, data: { finishedAt: at, error: UNKNOWN_OUTCOME } });
    const message = await tx.outboxMessage.update({
      where: { id },
      data: { leaseToken, leaseExpiresAt: new Date(at.getTime() + attemptTimeoutMs + leaseMarginMs), attempts: { increment: 1 } },
    });
    const number = (await tx.webhookAttempt.count({ where: { messageId: id } })) + 1;
    const attempt = await tx.webhookAttempt.create({ data: { messageId: id, number, startedAt: at }, select: { id: true } });
    return {
      messageId: id,
      webhookId: message.webhookId,
      payload: message.payload,
      attempts: message.attempts,
      leaseToken,
      attemptId: attempt.id,
      url: subscription!.url,
      secret: subscription!.secret,
    };
  });
}

async function defaultResolveHost(hostname: string): Promise<string[]> {
  return (await dns.promises.lookup(hostname, { all: true })).map((entry) => entry.address);
}

/** Refuses, at delivery time, a host that names or resolves to a private address when those are not allowed. */
async function targetRefusal(url: string, options: TDeliveryOptions): Promise<string | null> {
  if (options.allowPrivateTargets ?? getEnv().webhookPrivateTargetsAllowed) return null;
  const { hostname } = new URL(url);
  if (isPrivateHost(hostname)) return "refused: the target is a private address";
  const addresses = await (options.resolveHost ?? defaultResolveHost)(hostname.replace(/^\[|\]$/g, ""));
  return addresses.some(isPrivateAddress) ? "refused: the host resolves to a private address" : null;
}

function describeFailure(cause: unknown, timeoutMs: number): string {
  if (cause instanceof Error) {
    if (cause.name === "TimeoutError" || cause.name === "AbortError") return `no response within ${timeoutMs / 1000} s`;
    const reason =
      cause.cause instanceof Error
        ? "code" in cause.cause && typeof cause.cause.code === "string"
          ? cause.cause.code
          : cause.cause.message
        : null;
    return reason ? `${cause.message}: ${reason}` : cause.message;
  }
  return "delivery failed";
}

/** Sends one claimed message and records the outcome, unless another worker has taken it over meanwhile. */
export async function attemptDelivery(claim: TClaim, options: TDeliveryOptions = {}): Promise<TAttemptOutcome> {
  const { now, attemptTimeoutMs } = resolved(options);
  const send: TFetch = options.fetch ?? ((url, init) => fetch(url, init));
  const startedAt = now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    error = await targetRefusal(claim.url, options);
    if (error === null) {
      const body = JSON.stringify(claim.payload);
      const response = await send(claim.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Concord-Webhooks/1",
          ...signedHeaders(claim.secret, webhookMessageId(claim.webhookId), startedAt, body),
        },
        body,
        // A redirect could point anywhere, including inside the network: it counts as a failure.
        redirect: "manual",
        signal: AbortSignal.timeout(attemptTimeoutMs),
      });
      statusCode = response.status;
      await response.body?.cancel().catch(() => undefined);
      if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
    }
  } catch (cause) {
    error = describeFailure(cause, attemptTimeoutMs);
  }
  return recordOutcome(claim, { statusCode, error: error?.slice(0, 500) ?? null }, now());
}

async function recordOutcome(
  claim: TClaim,
  result: { statusCode: number | null; error: string | null },
  finishedAt: Date,
): Promise<TAttemptOutcome> {
  const exhausted = claim.attempts >= MAX_ATTEMPTS;
  const outcome: TAttemptOutcome = result.error === null ? "delivered" : exhausted ? "failed" : "retrying";
  return db.$transaction(async (tx) => {
    await tx.webhookAttempt.update({
      where: { id: claim.attemptId },
      data: { finishedAt, statusCode: result.statusCode, error: result.error },
    });
    const released = { leaseToken: null, leaseExpiresAt: null, lastError: result.error };
    const data: Prisma.OutboxMessageUpdateManyMutationInput =
      outcome === "delivered"
        ? { ...released, deliveredAt: finishedAt }
        : outcome === "failed"
          ? { ...released, failedAt: finishedAt }
          : { ...released, nextAttemptAt: new Date(finishedAt.getTime() + backoffDelayMs(claim.attempts)) };
    const { count } = await tx.outboxMessage.updateMany({ where: { id: claim.messageId, leaseToken: claim.leaseToken }, data });
    return count === 1 ? outcome : "lease_lost";
  });
}

/** Marks failed the messages whose last allowed attempt ended without an outcome (its worker died). */
export async function failExhaustedMessages(options: TDeliveryOptions = {}): Promise<number> {
  const at = resolved(options).now();
  return db.$transaction(async (tx) => {
    const exhausted = await tx.outboxMessage.findMany({
      where: {
        deliveredAt: null,
        failedAt: null,
        attempts: { gte: MAX_ATTEMPTS },
        OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lte: at } }],
      },
      select: { id: true },
      take: 500,
    });
    const ids = exhausted.map((message) => message.id);
    if (ids.length === 0) return 0;
    await tx.webhookAttempt.updateMany({
      where: { messageId: { in: ids }, finishedAt: null },
      data: { finishedAt: at, error: UNKNOWN_OUTCOME },
    });
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: { in: ids }, deliveredAt: null, failedAt: null },
      data: { failedAt: at, leaseToken: null, leaseExpiresAt: null, lastError: UNKNOWN_OUTCOME },
    });
    return count;
  });
}

/** Claims and attempts one message; null when nothing is due. */
export async function deliverNextMessage(options: TDeliveryOptions = {}): Promise<TAttemptOutcome | null> {
  const claim = await claimNextMessage(options);
  return claim ? attemptDelivery(claim, options) : null;
}

/** Attempts every due message once, one after another (up to `limit`); for scripts and tests. */
export async function deliverDueMessages(options: TDeliveryOptions & { limit?: number } = {}): Promise<Record<TAttemptOutcome, number>> {
  const counts: Record<TAttemptOutcome, number> = { delivered: 0, retrying: 0, failed: 0, lease_lost: 0 };
  await failExhaustedMessages(options);
  for (let index = 0; index < (options.limit ?? 50); index += 1) {
    const outcome = await deliverNextMessage(options);
    if (outcome === null) break;
    counts[outcome] += 1;
  }
  return counts;
}

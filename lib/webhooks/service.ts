import "server-only";
import { db, Prisma, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { NotFoundError, RuleViolationError, ValidationError } from "@/lib/errors";
import { MAX_ATTEMPTS, generateWebhookSecret, webhookMessageId } from "@/lib/outbox/signing";
import {
  ZCreateWebhookSubscription,
  ZWebhookDeliveryListQuery,
  type TCreateWebhookSubscription,
  type TUpdateWebhookSubscription,
  type TWebhookDelivery,
  type TWebhookDeliveryListQuery,
  type TWebhookSecretResult,
  type TWebhookSubscription,
} from "./schemas";
import { deliveryStatus } from "./status";
import { webhookUrlProblem } from "./target";

type TSubscriptionRow = Prisma.WebhookSubscriptionGetPayload<object>;

async function loadSubscription(tx: TTx, id: string): Promise<TSubscriptionRow> {
  const row = await tx.webhookSubscription.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("The webhook subscription");
  return row;
}

async function toSubscriptions(tx: TTx, rows: TSubscriptionRow[]): Promise<TWebhookSubscription[]> {
  const ids = rows.map((row) => row.id);
  const counts = ids.length
    ? await tx.$queryRaw<Array<{ subscriptionId: string; pending: bigint; failed: bigint; lastDeliveredAt: Date | null }>>`
        SELECT "subscriptionId",
          count(*) FILTER (WHERE "deliveredAt" IS NULL AND "failedAt" IS NULL) AS pending,
          count(*) FILTER (WHERE "failedAt" IS NOT NULL) AS failed,
          max("deliveredAt") AS "lastDeliveredAt"
        FROM "OutboxMessage" WHERE "subscriptionId" IN (${Prisma.join(ids.map((id) => Prisma.sql`${id}::uuid`))})
        GROUP BY "subscriptionId"`
    : [];
  const bySubscription = new Map(counts.map((count) => [count.subscriptionId, count]));
  return rows.map((row) => {
    const count = bySubscription.get(row.id);
    return {
      id: row.id,
      url: row.url,
      description: row.description,
      eventTypes: row.eventTypes,
      active: row.active,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null,
      pendingCount: Number(count?.pending ?? 0),
      failedCount: Number(count?.failed ?? 0),
      lastDeliveredAt: count?.lastDeliveredAt ? new Date(count.lastDeliveredAt).toISOString() : null,
    };
  });
}

async function toSubscription(tx: TTx, row: TSubscriptionRow): Promise<TWebhookSubscription> {
  return (await toSubscriptions(tx, [row]))[0]!;
}

/** What the audit trail keeps of a subscription: never the secret. */
function auditView(row: Pick<TSubscriptionRow, "url" | "description" | "eventTypes" | "active">) {
  return { url: row.url, description: row.description, eventTypes: row.eventTypes, active: row.active };
}

/** Loopback and private receivers are a deployment decision (CONCORD_WEBHOOK_PRIVATE_TARGETS). */
function assertTargetAllowed(url: string): void {
  const problem = webhookUrlProblem(url, { allowPrivateTargets: getEnv().webhookPrivateTargetsAllowed });
  if (problem) throw new ValidationError([{ path: "url", message: problem }], "The webhook URL is not allowed.");
}

export async function listWebhookSubscriptions(context: TActorContext): Promise<TWebhookSubscription[]> {
  assertCan(context.actor, "admin.webhooks");
  const rows = await db.webhookSubscription.findMany({ orderBy: [{ active: "desc" }, { createdAt: "desc" }], take: 500 });
  return toSubscriptions(db, rows);
}

export async function getWebhookSubscription(context: TActorContext, id: string): Promise<TWebhookSubscription> {
  assertCan(context.actor, "admin.webhooks");
  return toSubscription(db, await loadSubscription(db, id));
}

/** Creates a subscription with a new signing secret, returned this once. */
export async function createWebhookSubscription(context: TActorContext, input: TCreateWebhookSubscription): Promise<TWebhookSecretResult> {
  assertCan(context.actor, "admin.webhooks");
  // Parsed here as well as in the route: other callers reach the service directly.
  const parsed = ZCreateWebhookSubscription.safeParse(input);
  if (!parsed.success)
    throw new ValidationError(parsed.error.issues.map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message })));
  const values = parsed.data;
  assertTargetAllowed(values.url);
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    const row = await tx.webhookSubscription.create({ data: { ...values, secret } });
    await recordAudit(tx, context, {
      action: "webhook.create",
      entityType: "WebhookSubscription",
      entityId: row.id,
      after: auditView(row),
    });
    return { subscription: await toSubscription(tx, row), secret };
  });
}

/** Edits the URL, description or event types, or enables/disables deliveries. */
export async function updateWebhookSubscription(
  context: TActorContext,
  id: string,
  patch: TUpdateWebhookSubscription,
): Promise<TWebhookSubscription> {
  assertCan(context.actor, "admin.webhooks");
  if (patch.url !== undefined) assertTargetAllowed(patch.url);
  return db.$transaction(async (tx) => {
    const before = await loadSubscription(tx, id);
    const after = { ...auditView(before), ...Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) };
    if (JSON.stringify(after) === JSON.stringify(auditView(before))) return toSubscription(tx, before);
    const row = await tx.webhookSubscription.update({ where: { id }, data: after });
    const action =
      patch.active !== undefined && patch.active !== before.active
        ? patch.active
          ? "webhook.enable"
          : "webhook.disable"
        : "webhook.update";
    await recordAudit(tx, context, {
      action,
      entityType: "WebhookSubscription",
      entityId: id,
      before: auditView(before),
      after: auditView(row),
    });
    return toSubscription(tx, row);
  });
}

/**
 * Replaces the signing secret; the new one is returned this once. Deliveries from now on, including
 * retries of queued messages, are signed with it; the old secret stops verifying immediately.
 */
export async function rotateWebhookSecret(context: TActorContext, id: string): Promise<TWebhookSecretResult> {
  assertCan(context.actor, "admin.webhooks");
  const secret = generateWebhookSecret();
  return db.$transaction(async (tx) => {
    await loadSubscription(tx, id);
    const row = await tx.webhookSubscription.update({ where: { id }, data: { secret, secretRotatedAt: new Date() } });
    await recordAudit(tx, context, {
      action: "webhook.secret.rotate",
      entityType: "WebhookSubscription",
      entityId: id,
      after: { secretRotatedAt: row.secretRotatedAt?.toISOString() },
    });
    return { subscription: await toSubscription(tx, row), secret };
  });
}

const STATUS_WHERE: Record<NonNullable<TWebhookDeliveryListQuery["status"]>, (now: Date) => Prisma.OutboxMessageWhereInput> = {
  delivered: () => ({ deliveredAt: { not: null } }),
  failed: () => ({ failedAt: { not: null } }),
  in_flight: (now) => ({ deliveredAt: null, failedAt: null, leaseExpiresAt: { gt: now } }),
  retrying: (now) => ({
    deliveredAt: null,
    failedAt: null,
    attempts: { gt: 0 },
    OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lte: now } }],
  }),
  pending: (now) => ({ deliveredAt: null, failedAt: null, attempts: 0, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { lte: now } }] }),
  held: () => ({ deliveredAt: null, failedAt: null }),
};

type TMessageRow = Prisma.OutboxMessageGetPayload<{ include: { attemptLog: true } }>;

function toDelivery(row: TMessageRow, subscriptionActive: boolean, now: Date): TWebhookDelivery {
  return {
    id: row.id.toString(),
    webhookId: webhookMessageId(row.webhookId),
    eventType: row.eventType,
    status: deliveryStatus(row, subscriptionActive, now),
    attempts: row.attempts,
    maxAttempts: MAX_ATTEMPTS,
    nextAttemptAt: row.deliveredAt || row.failedAt ? null : row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    failedAt: row.failedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    payload: row.payload,
    attemptLog: [...row.attemptLog]
      .sort((a, b) => a.number - b.number)
      .map((attempt) => ({
        number: attempt.number,
        startedAt: attempt.startedAt.toISOString(),
        finishedAt: attempt.finishedAt?.toISOString() ?? null,
        statusCode: attempt.statusCode,
        error: attempt.error,
      })),
  };
}

/** The delivery log: newest messages first, each with every attempt and its outcome. */
export async function listWebhookDeliveries(
  context: TActorContext,
  id: string,
  query: TWebhookDeliveryListQuery = {},
): Promise<TWebhookDelivery[]> {
  assertCan(context.actor, "admin.webhooks");
  const { status, limit } = ZWebhookDeliveryListQuery.parse(query);
  const subscription = await loadSubscription(db, id);
  const now = new Date();
  if (status === "held" && subscription.active) return [];
  const rows = await db.outboxMessage.findMany({
    where: { subscriptionId: id, ...(status ? STATUS_WHERE[status](now) : {}) },
    include: { attemptLog: { orderBy: { number: "asc" } } },
    orderBy: { id: "desc" },
    take: limit,
  });
  return rows.map((row) => toDelivery(row, subscription.active, now)).filter((delivery) => !status || delivery.status === status);
}

/**
 * Sends a delivered or failed message again, with the same `webhook-id` (a receiver that already
 * processed it may drop it) and a fresh allowance of attempts.
 */
export async function redeliverWebhookMessage(context: TActorContext, id: string, messageId: string): Promise<TWebhookDelivery> {
  assertCan(context.actor, "admin.webhooks");
  const messageKey = BigInt(messageId);
  return db.$transaction(async (tx) => {
    const subscription = await loadSubscription(tx, id);
    await tx.$queryRaw`SELECT id FROM "OutboxMessage" WHERE id = ${messageKey} FOR UPDATE`;
    const message = await tx.outboxMessage.findFirst({ where: { id: messageKey, subscriptionId: id } });
    if (!message) throw new NotFoundError("The delivery");
    if (!message.deliveredAt && !message.failedAt)
      throw new RuleViolationError(
        "This delivery is still queued or in flight; it will be attempted without a redelivery.",
        "already_queued",
      );
    const row = await tx.outboxMessage.update({
      where: { id: messageKey },
      data: {
        deliveredAt: null,
        failedAt: null,
        attempts: 0,
        nextAttemptAt: new Date(),
        lastError: null,
        leaseToken: null,
        leaseExpiresAt: null,
      },
      include: { attemptLog: true },
    });
    await recordAudit(tx, context, {
      action: "webhook.redeliver",
      entityType: "WebhookSubscription",
      entityId: id,
      before: {
        messageId,
        eventType: message.eventType,
        deliveredAt: message.deliveredAt?.toISOString() ?? null,
        failedAt: message.failedAt?.toISOString() ?? null,
      },
      after: { messageId, webhookId: webhookMessageId(message.webhookId) },
    });
    return toDelivery(row, subscription.active, new Date());
  });
}

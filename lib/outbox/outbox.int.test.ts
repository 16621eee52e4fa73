import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/lib/test/factories";
import { startWebhookReceiver, type TWebhookReceiver } from "@/lib/test/webhook-receiver";
import { attemptDelivery, claimNextMessage, deliverDueMessages, failExhaustedMessages } from "./deliver";
import { enqueueEvent } from "./enqueue";
import { MAX_ATTEMPTS, generateWebhookSecret, webhookMessageId } from "./signing";
import { createDeliveryWorker } from "./worker";

let receiver: TWebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  // Undefined when the database setup before it failed: leave that error alone.
  await (receiver as TWebhookReceiver | undefined)?.close();
});

/** A subscription to a type no other test emits, so other test files' events never reach it. */
async function subscribe(url = receiver.url) {
  const eventType = `test.${uniqueSuffix()}`;
  const secret = generateWebhookSecret();
  const subscription = await db.webhookSubscription.create({ data: { url, eventTypes: [eventType], secret } });
  return { eventType, secret, subscription, only: { subscriptionIds: [subscription.id], allowPrivateTargets: true } };
}

function receivedFor(eventType: string) {
  return receiver.received.filter((request) => (JSON.parse(request.body) as { type: string }).type === eventType);
}

async function waitUntil(condition: () => Promise<boolean>) {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("webhook outbox", () => {
  it("a rolled-back transaction leaves no outbox row; a committed one leaves one per matching subscription", async () => {
    const { eventType, subscription } = await subscribe("https://hooks.test.example/in");
    const family = await db.webhookSubscription.create({
      data: { url: "https://hooks.test.example/family", eventTypes: ["test.*"], secret: generateWebhookSecret() },
    });
    const disabled = await db.webhookSubscription.create({
      data: { url: "https://hooks.test.example/off", eventTypes: [eventType], secret: generateWebhookSecret(), active: false },
    });
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEvent(tx, eventType, { n: 1 });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.outboxMessage.count({ where: { subscriptionId: subscription.id } })).toBe(0);
    await db.$transaction((tx) => enqueueEvent(tx, eventType, { n: 2 }));
    const message = await db.outboxMessage.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
    expect(message.payload).toMatchObject({ type: eventType, data: { n: 2 } });
    expect(await db.outboxMessage.count({ where: { subscriptionId: family.id, eventType } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { subscriptionId: disabled.id } })).toBe(0);
  });

  it("delivers to a local receiver with Standard Webhooks headers that the standardwebhooks package verifies", async () => {
    const { eventType, secret, subscription, only } = await subscribe();
    await db.$transaction((tx) => enqueueEvent(tx, eventType, { surfaceId: "s-1" }));
    expect(await deliverDueMessages(only)).toMatchObject({ delivered: 1, retrying: 0 });
    const [request] = receivedFor(eventType);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { subscriptionId: subscription.id }, include: { attemptLog: true } });
    expect(request?.headers["webhook-id"]).toBe(webhookMessageId(message.webhookId));
    expect(request?.headers["content-type"]).toBe("application/json");
    const verified = new Webhook(secret).verify(request!.body, request!.headers) as { type: string; timestamp: string; data: unknown };
    expect(verified).toMatchObject({ type: eventType, data: { surfaceId: "s-1" } });
    expect(() => new Webhook(generateWebhookSecret()).verify(request!.body, request!.headers)).toThrow();
    expect(message).toMatchObject({ attempts: 1, lastError: null, leaseToken: null, leaseExpiresAt: null, failedAt: null });
    expect(message.deliveredAt).not.toBeNull();
    expect(message.attemptLog).toEqual([expect.objectContaining({ number: 1, statusCode: 204, error: null })]);
  });

  it("retries failures with backoff, keeps the message id, and marks the message failed after the last attempt", async () => {
    const { eventType, subscription, only } = await subscribe();
    await db.$transaction((tx) => enqueueEvent(tx, eventType, { n: 3 }));
    receiver.respondWith({ status: 503 });
    try {
      let clock = Date.now();
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
        const result = await deliverDueMessages({ ...only, now: () => new Date(clock) });
        expect(result).toMatchObject(attempt < MAX_ATTEMPTS ? { retrying: 1 } : { failed: 1 });
        // Not due again before its backoff has passed.
        expect(await deliverDueMessages({ ...only, now: () => new Date(clock + 1_000) })).toMatchObject({
          retrying: 0,
          failed: 0,
          delivered: 0,
        });
        clock += 7 * 60 * 60 * 1000;
      }
      expect(await deliverDueMessages({ ...only, now: () => new Date(clock) })).toMatchObject({ retrying: 0, failed: 0, delivered: 0 });
    } finally {
      receiver.respondWith({});
    }
    const message = await db.outboxMessage.findFirstOrThrow({ where: { subscriptionId: subscription.id }, include: { attemptLog: true } });
    expect(message).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: "HTTP 503", deliveredAt: null });
    expect(message.failedAt).not.toBeNull();
    expect(message.attemptLog).toHaveLength(MAX_ATTEMPTS);
    const ids = new Set(receivedFor(eventType).map((request) => request.headers["webhook-id"]));
    expect([...ids]).toEqual([webhookMessageId(message.webhookId)]);
  });

  it("counts no response in time, a redirect and a refused private target as failed attempts", async () => {
    const slow = await subscribe();
    await db.$transaction((tx) => enqueueEvent(tx, slow.eventType, { n: 4 }));
    receiver.respondWith({ delayMs: 1_000 });
    try {
      expect(await deliverDueMessages({ ...slow.only, attemptTimeoutMs: 200 })).toMatchObject({ retrying: 1 });
    } finally {
      receiver.respondWith({});
    }
    expect((await db.outboxMessage.findFirstOrThrow({ where: { subscriptionId: slow.subscription.id } })).lastError).toBe(
      "no response within 0.2 s",
    );

    const redirected = await subscribe();
    await db.$transaction((tx) => enqueueEvent(tx, redirected.eventType, { n: 5 }));
    receiver.respondWith({ status: 302, location: "http://169.254.169.254/" });
    try {
      expect(await deliverDueMessages(redirected.only)).toMatchObject({ retrying: 1 });
    } finally {
      receiver.respondWith({});
    }
    expect((await db.outboxMessage.findFirstOrThrow({ where: { subscriptionId: redirected.subscription.id } })).lastError).toBe("HTTP 302");

    const privateTarget = await subscribe();
    await db.$transaction((tx) => enqueueEvent(tx, privateTarget.eventType, { n: 6 }));
    expect(await deliverDueMessages({ ...privateTarget.only, allowPrivateTargets: false })).toMatchObject({ retrying: 1 });
    expect((await db.outboxMessage.findFirstOrThrow({ where: { subscriptionId: privateTarget.subscription.id } })).lastError).toMatch(
      /^refused/,
    );
    expect(receivedFor(privateTarget.eventType)).toHaveLength(0);
  });

  it("receivers take turns: a dead receiver's backlog does not hold back another receiver's message", async () => {
    const dead = await subscribe("http://127.0.0.1:9/gone");
    const healthy = await subscribe();
    for (let n = 0; n < 20; n += 1) await db.$transaction((tx) => enqueueEvent(tx, dead.eventType, { n }));
    await db.$transaction((tx) => enqueueEvent(tx, healthy.eventType, { n: 0 }));
    const scope = { subscriptionIds: [dead.subscription.id, healthy.subscription.id] };
    const claimed: string[] = [];
    for (let turn = 0; turn < 4; turn += 1) claimed.push((await claimNextMessage(scope))!.url);
    // The older backlog goes first, then the other receiver gets its turn, then the backlog again.
    expect(claimed).toEqual([dead.subscription.url, healthy.subscription.url, dead.subscription.url, dead.subscription.url]);
    const served = await db.webhookSubscription.findUniqueOrThrow({ where: { id: healthy.subscription.id } });
    expect(served.lastClaimAt).not.toBeNull();
    expect(served.updatedAt).toEqual(healthy.subscription.updatedAt);
  });

  it("two workers and a slow receiver: every message arrives exactly once", async () => {
    const { eventType, subscription, only } = await subscribe();
    const count = 20;
    await db.$transaction(async (tx) => {
      for (let n = 0; n < count; n += 1) await enqueueEvent(tx, eventType, { n });
    });
    receiver.respondWith({ delayMs: 400 });
    // Each worker's share takes longer to send than one lease lasts (1.5 s): a lease per batch
    // would expire under unsent messages and let the other worker send them too.
    const workers = [1, 2].map(() =>
      createDeliveryWorker({ ...only, concurrency: 2, pollIntervalMs: 20, attemptTimeoutMs: 1_000, leaseMarginMs: 500 }),
    );
    try {
      workers.forEach((worker) => worker.start());
      await waitUntil(
        async () => (await db.outboxMessage.count({ where: { subscriptionId: subscription.id, deliveredAt: { not: null } } })) === count,
      );
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
      receiver.respondWith({});
    }
    const ids = receivedFor(eventType).map((request) => request.headers["webhook-id"]);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    const messages = await db.outboxMessage.findMany({ where: { subscriptionId: subscription.id }, include: { attemptLog: true } });
    expect(messages.every((message) => message.attempts === 1 && message.attemptLog.length === 1)).toBe(true);
    expect(workers.every((worker) => !worker.running)).toBe(true);
  });

  it("a message whose worker died mid-attempt is sent again with the same id, and the late worker cannot overwrite the outcome", async () => {
    const { eventType, subscription, only } = await subscribe();
    await db.$transaction((tx) => enqueueEvent(tx, eventType, { n: 7 }));
    const start = Date.now();
    const stalled = await claimNextMessage({ ...only, now: () => new Date(start), attemptTimeoutMs: 1_000, leaseMarginMs: 1_000 });
    expect(stalled).not.toBeNull();
    // While the lease holds, no other worker takes it.
    expect(await claimNextMessage({ ...only, now: () => new Date(start + 1_500) })).toBeNull();
    const takeover = await claimNextMessage({ ...only, now: () => new Date(start + 2_500) });
    expect(takeover?.webhookId).toBe(stalled?.webhookId);
    expect(await attemptDelivery(takeover!, only)).toBe("delivered");
    // The stalled worker wakes up and reports: its outcome no longer decides anything.
    expect(await attemptDelivery(stalled!, only)).toBe("lease_lost");
    const message = await db.outboxMessage.findFirstOrThrow({
      where: { subscriptionId: subscription.id },
      include: { attemptLog: { orderBy: { number: "asc" } } },
    });
    expect(message.deliveredAt).not.toBeNull();
    expect(message.attempts).toBe(2);
    expect(message.attemptLog.map((attempt) => attempt.number)).toEqual([1, 2]);
    const ids = receivedFor(eventType).map((request) => request.headers["webhook-id"]);
    expect(new Set(ids)).toEqual(new Set([webhookMessageId(message.webhookId)]));
  });

  it("a message whose last allowed attempt never reported is marked failed", async () => {
    const { eventType, subscription, only } = await subscribe();
    await db.$transaction((tx) => enqueueEvent(tx, eventType, { n: 8 }));
    await db.outboxMessage.updateMany({ where: { subscriptionId: subscription.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    const start = Date.now();
    expect(await claimNextMessage({ ...only, now: () => new Date(start), attemptTimeoutMs: 100, leaseMarginMs: 100 })).not.toBeNull();
    expect(await failExhaustedMessages({ now: () => new Date(start + 100) })).toBe(0);
    expect(await failExhaustedMessages({ now: () => new Date(start + 1_000) })).toBeGreaterThanOrEqual(1);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { subscriptionId: subscription.id }, include: { attemptLog: true } });
    expect(message.failedAt).not.toBeNull();
    expect(message.lastError).toMatch(/outcome unknown/);
    expect(message.attemptLog[0]?.error).toMatch(/outcome unknown/);
  });
});

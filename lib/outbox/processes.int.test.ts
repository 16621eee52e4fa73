import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { runScript, waitForOutput, type TScriptProcess } from "@/lib/test/processes/spawn";
import { uniqueSuffix } from "@/lib/test/factories";
import { startWebhookReceiver, type TWebhookReceiver } from "@/lib/test/webhook-receiver";
import { enqueueEvent } from "./enqueue";
import { generateWebhookSecret, webhookMessageId } from "./signing";

let receiver: TWebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await (receiver as TWebhookReceiver | undefined)?.close();
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Two OS processes share a database only through Postgres: the embedded one is a folder locked by one process.
describe.skipIf(!process.env.DATABASE_URL)("webhook delivery from two OS processes on one database", () => {
  it("delivers every message exactly once, each signed with its Standard Webhooks id, timestamp and signature", async () => {
    const eventType = `test.${uniqueSuffix()}`;
    const secret = generateWebhookSecret();
    const subscription = await db.webhookSubscription.create({ data: { url: receiver.url, eventTypes: [eventType], secret } });
    const count = 16;
    await db.$transaction(async (tx) => {
      for (let n = 0; n < count; n += 1) await enqueueEvent(tx, eventType, { n });
    });
    // A slow receiver: each worker's share takes far longer to send than one attempt's lease lasts.
    receiver.respondWith({ delayMs: 700 });
    const env = { DATABASE_URL: process.env.DATABASE_URL, OUTBOX_SUBSCRIPTION_IDS: subscription.id };
    const workers: TScriptProcess[] = [
      runScript("lib/test/processes/outbox-worker.ts", env),
      runScript("lib/test/processes/outbox-worker.ts", env),
    ];
    try {
      await Promise.all(workers.map((worker) => waitForOutput(worker, /worker \d+ running/)));
      await waitUntil(
        async () => (await db.outboxMessage.count({ where: { subscriptionId: subscription.id, deliveredAt: { not: null } } })) === count,
        90_000,
      );
      // Past a lease and a poll: a duplicate would have been sent by now.
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    } finally {
      for (const worker of workers) worker.child.kill("SIGTERM");
      await Promise.all(workers.map((worker) => worker.exited));
      receiver.respondWith({});
    }
    const received = receiver.received.filter((request) => (JSON.parse(request.body) as { type: string }).type === eventType);
    const ids = received.map((request) => request.headers["webhook-id"]);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    const messages = await db.outboxMessage.findMany({ where: { subscriptionId: subscription.id }, include: { attemptLog: true } });
    expect(new Set(ids)).toEqual(new Set(messages.map((message) => webhookMessageId(message.webhookId))));
    expect(messages.every((message) => message.attempts === 1 && message.attemptLog.length === 1)).toBe(true);
    const verifier = new Webhook(secret);
    for (const request of received) {
      expect(request.headers["webhook-timestamp"]).toMatch(/^\d+$/);
      expect(request.headers["webhook-signature"]).toMatch(/^v1,/);
      expect(verifier.verify(request.body, request.headers)).toMatchObject({ type: eventType });
    }
    // Both processes took part, and no message was sent by both.
    const sentBy = workers.map((worker) => new Set([...worker.output().matchAll(/sending (msg_\S+)/g)].map((match) => match[1])));
    expect(sentBy.every((sent) => sent.size > 0)).toBe(true);
    expect([...sentBy[0]!].filter((id) => sentBy[1]!.has(id))).toEqual([]);
    expect(await Promise.all(workers.map((worker) => worker.exited))).toEqual([0, 0]);
  }, 150_000);
});

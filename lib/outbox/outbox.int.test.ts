import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/lib/test/factories";
import { deliverDueMessages, type TFetch } from "./deliver";
import { enqueueEvent } from "./enqueue";
import { signPayload } from "./signing";

describe("webhook outbox", () => {
  it("a rolled-back transaction leaves no outbox row; a committed one leaves one per subscription", async () => {
    const eventType = `test.${uniqueSuffix()}`;
    const subscription = await db.webhookSubscription.create({ data: { url: "https://hooks.test.example/in", eventTypes: [eventType], secret: "s3cret" } });
    await expect(
      db.$transaction(async (tx) => {
        await enqueueEvent(tx, eventType, { n: 1 });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await db.outboxMessage.count({ where: { subscriptionId: subscription.id } })).toBe(0);
    await db.$transaction((tx) => enqueueEvent(tx, eventType, { n: 2 }));
    expect(await db.outboxMessage.count({ where: { subscriptionId: subscription.id } })).toBe(1);
  });

  it("signs deliveries, retries failures with backoff and marks success", async () => {
    const eventType = `test.${uniqueSuffix()}`;
    const subscription = await db.webhookSubscription.create({ data: { url: "https://hooks.test.example/retry", eventTypes: [eventType], secret: "k" } });
    await db.$transaction((tx) => enqueueEvent(tx, eventType, { n: 3 }));
    const seen: Array<{ signature: string | undefined; body: string }> = [];
    let fail = true;
    const fakeFetch: TFetch = async (url, init) => {
      if (url === subscription.url) seen.push({ signature: init.headers["x-concord-signature"], body: init.body });
      return { ok: url !== subscription.url || !fail, status: url === subscription.url && fail ? 503 : 200 };
    };
    const now = new Date(Date.now() + 1000);
    await deliverDueMessages({ now, fetch: fakeFetch, limit: 1000 });
    const afterFailure = await db.outboxMessage.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
    expect(afterFailure).toMatchObject({ attempts: 1, deliveredAt: null, lastError: "HTTP 503" });
    expect(afterFailure.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000);
    expect(seen[0]?.signature).toBe(signPayload("k", seen[0]?.body ?? ""));
    fail = false;
    await deliverDueMessages({ now: new Date(now.getTime() + 31_000), fetch: fakeFetch, limit: 1000 });
    const delivered = await db.outboxMessage.findFirstOrThrow({ where: { subscriptionId: subscription.id } });
    expect(delivered.attempts).toBe(2);
    expect(delivered.deliveredAt).not.toBeNull();
  });
});

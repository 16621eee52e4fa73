import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { MAX_ATTEMPTS, WEBHOOK_SECRET_PREFIX, backoffDelayMs, generateWebhookSecret, signedHeaders, webhookMessageId } from "./signing";

describe("Standard Webhooks signing", () => {
  it("signs so that the standardwebhooks package verifies the exact body", () => {
    const secret = generateWebhookSecret();
    expect(secret.startsWith(WEBHOOK_SECRET_PREFIX)).toBe(true);
    const body = JSON.stringify({ type: "surface.agreed", timestamp: "2026-12-07T12:00:00.000Z", data: { surfaceId: "s1" } });
    const headers = signedHeaders(secret, webhookMessageId("0b9c7f3e-1d2a-4c5b-9e8f-001122334455"), new Date(), body);
    expect(headers["webhook-id"]).toBe("msg_0b9c7f3e1d2a4c5b9e8f001122334455");
    expect(headers["webhook-signature"]).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("a changed body, another secret or an old timestamp fails verification", () => {
    const secret = generateWebhookSecret();
    const headers = signedHeaders(secret, "msg_1", new Date(), '{"a":1}');
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify('{"a":1}', headers)).toThrow();
    const stale = signedHeaders(secret, "msg_1", new Date(Date.now() - 60 * 60 * 1000), '{"a":1}');
    expect(() => new Webhook(secret).verify('{"a":1}', stale)).toThrow();
  });

  it("generates a new secret every time", () => {
    expect(generateWebhookSecret()).not.toBe(generateWebhookSecret());
  });
});

describe("webhook backoff", () => {
  it("backs off exponentially up to a cap", () => {
    const delays = Array.from({ length: MAX_ATTEMPTS + 10 }, (_, index) => backoffDelayMs(index + 1));
    expect(delays.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    delays.slice(1).forEach((delay, index) => expect(delay).toBeGreaterThanOrEqual(delays[index] ?? 0));
    expect(Math.max(...delays)).toBe(6 * 60 * 60 * 1000);
  });
});

import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, backoffDelayMs, signPayload } from "./signing";

describe("webhook signing and backoff", () => {
  it("signs the exact body with HMAC-SHA256", () => {
    const expected = crypto.createHmac("sha256", "s3cret").update('{"a":1}').digest("hex");
    expect(signPayload("s3cret", '{"a":1}')).toBe(`sha256=${expected}`);
    expect(signPayload("s3cret", '{"a":2}')).not.toBe(signPayload("s3cret", '{"a":1}'));
  });

  it("backs off exponentially up to a cap", () => {
    const delays = Array.from({ length: MAX_ATTEMPTS + 10 }, (_, index) => backoffDelayMs(index + 1));
    expect(delays.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    delays.slice(1).forEach((delay, index) => expect(delay).toBeGreaterThanOrEqual(delays[index] ?? 0));
    expect(Math.max(...delays)).toBe(6 * 60 * 60 * 1000);
  });
});

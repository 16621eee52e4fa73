import { describe, expect, it } from "vitest";
import { deliveryStatus } from "./status";

const now = new Date("2026-12-07T12:00:00Z");
const base = { deliveredAt: null, failedAt: null, leaseExpiresAt: null, attempts: 0 };

describe("webhook delivery status", () => {
  it("names each stage of a message", () => {
    expect(deliveryStatus(base, true, now)).toBe("pending");
    expect(deliveryStatus({ ...base, attempts: 2 }, true, now)).toBe("retrying");
    expect(deliveryStatus({ ...base, attempts: 1, leaseExpiresAt: new Date(now.getTime() + 1000) }, true, now)).toBe("in_flight");
    expect(deliveryStatus({ ...base, attempts: 1, leaseExpiresAt: new Date(now.getTime() - 1000) }, true, now)).toBe("retrying");
    expect(deliveryStatus(base, false, now)).toBe("held");
    expect(deliveryStatus({ ...base, attempts: 3, deliveredAt: now }, false, now)).toBe("delivered");
    expect(deliveryStatus({ ...base, attempts: 8, failedAt: now }, true, now)).toBe("failed");
  });
});

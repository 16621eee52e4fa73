import { describe, expect, it } from "vitest";
import { sessionState, shouldTouch } from "./session-rules";

const minute = 60_000;
const start = new Date("2026-01-01T08:00:00Z");
const session = { createdAt: start, lastSeenAt: start, expiresAt: new Date(start.getTime() + 12 * 60 * minute), revokedAt: null };

describe("session rules", () => {
  it("is active while used within the idle limit and before expiry", () => {
    expect(sessionState(session, new Date(start.getTime() + 29 * minute), 30 * minute)).toBe("active");
  });

  it("ends after the idle timeout", () => {
    expect(sessionState(session, new Date(start.getTime() + 30 * minute), 30 * minute)).toBe("idle");
  });

  it("ends at the absolute timeout even when in constant use", () => {
    const busy = { ...session, lastSeenAt: new Date(start.getTime() + 12 * 60 * minute - 1) };
    expect(sessionState(busy, new Date(start.getTime() + 12 * 60 * minute), 30 * minute)).toBe("expired");
  });

  it("ends when revoked, whatever the times", () => {
    expect(sessionState({ ...session, revokedAt: start }, start, 30 * minute)).toBe("revoked");
  });

  it("records activity at most once a minute", () => {
    expect(shouldTouch(session, new Date(start.getTime() + 59_000))).toBe(false);
    expect(shouldTouch(session, new Date(start.getTime() + minute))).toBe(true);
  });
});

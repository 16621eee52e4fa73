import crypto from "node:crypto";

/** The signature receivers check: HMAC-SHA256 of the exact body with the subscription's secret. */
export function signPayload(secret: string, body: string): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(body).digest("hex")}`;
}

export const MAX_ATTEMPTS = 8;

/** Exponential backoff from 30 s, doubling per failed attempt, capped at 6 hours. */
export function backoffDelayMs(failedAttempts: number): number {
  const base = 30_000 * 2 ** Math.max(0, failedAttempts - 1);
  return Math.min(base, 6 * 60 * 60 * 1000);
}

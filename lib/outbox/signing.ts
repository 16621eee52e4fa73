import crypto from "node:crypto";
import { Webhook } from "standardwebhooks";

/** Standard Webhooks secrets: `whsec_` followed by the base64 of the signing key. */
export const WEBHOOK_SECRET_PREFIX = "whsec_";

export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + crypto.randomBytes(32).toString("base64");
}

/** The Standard Webhooks message id of an outbox message, stable across attempts and redeliveries. */
export function webhookMessageId(webhookId: string): string {
  return `msg_${webhookId.replaceAll("-", "")}`;
}

/**
 * The headers of one delivery attempt: `webhook-id` (stable), `webhook-timestamp` (this attempt, in
 * seconds) and `webhook-signature` (`v1,<base64 HMAC-SHA256 of "id.timestamp.body">`).
 */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, body),
  };
}

/** How many attempts a message gets before it is marked failed (a redelivery grants as many again). */
export const MAX_ATTEMPTS = 8;

/** Exponential backoff from 30 s, doubling per failed attempt, capped at 6 hours. */
export function backoffDelayMs(failedAttempts: number): number {
  const base = 30_000 * 2 ** Math.max(0, failedAttempts - 1);
  return Math.min(base, 6 * 60 * 60 * 1000);
}

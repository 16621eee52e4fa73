import type { TWebhookDeliveryStatus } from "./schemas";

type TMessageState = {
  deliveredAt: Date | null;
  failedAt: Date | null;
  leaseExpiresAt: Date | null;
  attempts: number;
};

/** Where a message stands, as the delivery log shows it. */
export function deliveryStatus(message: TMessageState, subscriptionActive: boolean, now: Date): TWebhookDeliveryStatus {
  if (message.deliveredAt) return "delivered";
  if (message.failedAt) return "failed";
  if (message.leaseExpiresAt && message.leaseExpiresAt > now) return "in_flight";
  if (!subscriptionActive) return "held";
  return message.attempts > 0 ? "retrying" : "pending";
}

/**
 * The webhooks domain's query keys: `all → list()`, `detail(id)`, `deliveries(id, status)`.
 * Plain data, no React: other domains' query modules import it to invalidate what their mutations touch here.
 */
import type { TWebhookDeliveryStatus } from "./schemas";

export const webhookKeys = {
  all: ["webhooks"] as const,
  list: () => [...webhookKeys.all, "list"] as const,
  detail: (id: string) => [...webhookKeys.all, "detail", id] as const,
  deliveries: (id: string, status: TWebhookDeliveryStatus | undefined) => [...webhookKeys.all, "deliveries", id, { status }] as const,
};

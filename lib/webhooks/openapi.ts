import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZIdParams } from "@/lib/users/schemas";
import {
  ZCreateWebhookSubscription,
  ZUpdateWebhookSubscription,
  ZWebhookDelivery,
  ZWebhookDeliveryListQuery,
  ZWebhookEventTypeList,
  ZWebhookMessageParams,
  ZWebhookSecretResult,
  ZWebhookSubscription,
} from "./schemas";

const tag = "Webhooks";
const permission = "admin.webhooks";

export const webhookPaths: ZodOpenApiPathsObject = {
  "/api/v1/webhooks": {
    get: operation({
      summary: "List webhook subscriptions with their queued and failed deliveries",
      tag,
      permission,
      response: z.object({ subscriptions: z.array(ZWebhookSubscription) }),
    }),
    post: operation({
      summary: "Subscribe a URL to events; the Standard Webhooks signing secret (whsec_…) is returned once",
      tag,
      permission,
      body: ZCreateWebhookSubscription,
      response: ZWebhookSecretResult,
      status: 201,
    }),
  },
  "/api/v1/webhooks/event-types": {
    get: operation({
      summary: "The event types a subscription can list (also `family.*` and `*`)",
      tag,
      permission,
      response: ZWebhookEventTypeList,
    }),
  },
  "/api/v1/webhooks/{id}": {
    get: operation({ summary: "Read a webhook subscription", tag, permission, params: ZIdParams, response: ZWebhookSubscription }),
    patch: operation({
      summary: "Change the URL, description or event types, or enable/disable deliveries",
      tag,
      permission,
      params: ZIdParams,
      body: ZUpdateWebhookSubscription,
      response: ZWebhookSubscription,
    }),
  },
  "/api/v1/webhooks/{id}/rotate-secret": {
    post: operation({
      summary: "Replace the signing secret; the new one is returned once and the old one stops verifying",
      tag,
      permission,
      params: ZIdParams,
      response: ZWebhookSecretResult,
    }),
  },
  "/api/v1/webhooks/{id}/deliveries": {
    get: operation({
      summary: "The delivery log: messages newest first, each with its attempts and last error",
      tag,
      permission,
      params: ZIdParams,
      query: ZWebhookDeliveryListQuery,
      response: z.object({ deliveries: z.array(ZWebhookDelivery) }),
    }),
  },
  "/api/v1/webhooks/{id}/deliveries/{messageId}/redeliver": {
    post: operation({
      summary: "Send a delivered or failed message again (same webhook-id, fresh attempts)",
      tag,
      permission,
      params: ZWebhookMessageParams,
      response: ZWebhookDelivery,
      conflicts: true,
    }),
  },
};

import { z } from "zod";
import { ZId } from "@/lib/users/schemas";
import { isSubscribableEventType } from "./events";
import { MAX_WEBHOOK_URL_LENGTH, webhookUrlProblem } from "./target";

export const ZWebhookEventType = z
  .string()
  .refine(isSubscribableEventType, "is not a known event type (see GET /api/v1/webhooks/event-types)");

/** Scheme, credentials and shape; whether private targets are allowed is the service's check (it depends on the deployment). */
export const ZWebhookUrl = z
  .string()
  .trim()
  .min(1, "is required")
  .max(MAX_WEBHOOK_URL_LENGTH, `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`)
  .superRefine((value, ctx) => {
    const problem = webhookUrlProblem(value, { allowPrivateTargets: true });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const ZEventTypes = z
  .array(ZWebhookEventType)
  .min(1, "choose at least one event type")
  .max(60, "must list at most 60 event types")
  .refine((types) => new Set(types).size === types.length, "must not repeat an event type");

export const ZCreateWebhookSubscription = z
  .object({
    url: ZWebhookUrl,
    description: z.string().trim().max(200, "must be at most 200 characters").default(""),
    eventTypes: ZEventTypes,
    active: z.boolean().default(true),
  })
  .meta({ id: "CreateWebhookSubscription" });
export type TCreateWebhookSubscription = z.input<typeof ZCreateWebhookSubscription>;

export const ZUpdateWebhookSubscription = z
  .object({
    url: ZWebhookUrl.optional(),
    description: z.string().trim().max(200, "must be at most 200 characters").optional(),
    eventTypes: ZEventTypes.optional(),
    /** false stops deliveries; queued messages wait and go out when it is enabled again. */
    active: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), "change at least one field")
  .meta({ id: "UpdateWebhookSubscription" });
export type TUpdateWebhookSubscription = z.infer<typeof ZUpdateWebhookSubscription>;

export const ZWebhookSubscription = z
  .object({
    id: ZId,
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    secretRotatedAt: z.string().nullable(),
    /** Messages waiting for their first or next attempt, and messages given up on. */
    pendingCount: z.number().int(),
    failedCount: z.number().int(),
    lastDeliveredAt: z.string().nullable(),
  })
  .meta({ id: "WebhookSubscription" });
export type TWebhookSubscription = z.infer<typeof ZWebhookSubscription>;

export const ZWebhookSecretResult = z
  .object({
    subscription: ZWebhookSubscription,
    /** The Standard Webhooks signing secret (`whsec_…`). Shown this once; rotate it to get a new one. */
    secret: z.string(),
  })
  .meta({ id: "WebhookSecretResult" });
export type TWebhookSecretResult = z.infer<typeof ZWebhookSecretResult>;

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "in_flight", "retrying", "held", "delivered", "failed"] as const;
export type TWebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const ZWebhookAttempt = z
  .object({
    number: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: "WebhookAttempt" });

export const ZWebhookDelivery = z
  .object({
    id: z.string(),
    /** The `webhook-id` header: the same on every attempt and redelivery, so receivers can drop duplicates. */
    webhookId: z.string(),
    eventType: z.string(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    failedAt: z.string().nullable(),
    createdAt: z.string(),
    payload: z.unknown(),
    attemptLog: z.array(ZWebhookAttempt),
  })
  .meta({ id: "WebhookDelivery" });
export type TWebhookDelivery = z.infer<typeof ZWebhookDelivery>;

export const ZWebhookDeliveryListQuery = z.object({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(200, "must be at most 200")
    .default(50),
});
export type TWebhookDeliveryListQuery = z.input<typeof ZWebhookDeliveryListQuery>;

export const ZWebhookMessageParams = z.object({ id: ZId, messageId: z.string().regex(/^\d{1,18}$/, "must be a delivery id") });

export const ZWebhookEventTypeList = z
  .object({
    eventTypes: z.array(z.object({ type: z.string(), description: z.string() })),
    families: z.array(z.string()),
  })
  .meta({ id: "WebhookEventTypes" });

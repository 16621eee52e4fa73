"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { auditKeys } from "@/lib/audit/queries";
import { apiFetch, toSearch } from "@/lib/api/client";
import { webhookKeys } from "./keys";
import type {
  TCreateWebhookSubscription,
  TUpdateWebhookSubscription,
  TWebhookDelivery,
  TWebhookDeliveryStatus,
  TWebhookSecretResult,
  TWebhookSubscription,
} from "./schemas";

export const webhookQueries = {
  list: () =>
    queryOptions({
      queryKey: webhookKeys.list(),
      queryFn: () => apiFetch<{ subscriptions: TWebhookSubscription[] }>("/api/v1/webhooks").then((payload) => payload.subscriptions),
    }),
  detail: (id: string) =>
    queryOptions({ queryKey: webhookKeys.detail(id), queryFn: () => apiFetch<TWebhookSubscription>(`/api/v1/webhooks/${id}`) }),
  /** The log refreshes by itself while deliveries are queued or in flight. */
  deliveries: (id: string, status?: TWebhookDeliveryStatus) =>
    queryOptions({
      queryKey: webhookKeys.deliveries(id, status),
      queryFn: () =>
        apiFetch<{ deliveries: TWebhookDelivery[] }>(`/api/v1/webhooks/${id}/deliveries${toSearch({ status })}`).then(
          (payload) => payload.deliveries,
        ),
      refetchInterval: (query) =>
        query.state.data?.some((delivery) => ["pending", "in_flight", "retrying"].includes(delivery.status)) ? 3_000 : false,
    }),
};

export function useWebhookSubscriptions() {
  return useQuery(webhookQueries.list());
}

export function useWebhookSubscription(id: string) {
  return useQuery(webhookQueries.detail(id));
}

/** The log refreshes by itself while deliveries are queued or in flight. */
export function useWebhookDeliveries(id: string, status?: TWebhookDeliveryStatus) {
  return useQuery(webhookQueries.deliveries(id, status));
}

function useInvalidateWebhooks() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: webhookKeys.all }), queryClient.invalidateQueries({ queryKey: auditKeys.all })]);
}

export function useCreateWebhookSubscription() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (input: TCreateWebhookSubscription) => apiFetch<TWebhookSecretResult>("/api/v1/webhooks", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useUpdateWebhookSubscription() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: TUpdateWebhookSubscription }) =>
      apiFetch<TWebhookSubscription>(`/api/v1/webhooks/${id}`, { method: "PATCH", body: patch }),
    onSuccess: invalidate,
  });
}

export function useRotateWebhookSecret() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TWebhookSecretResult>(`/api/v1/webhooks/${id}/rotate-secret`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

export function useRedeliverWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: ({ id, messageId }: { id: string; messageId: string }) =>
      apiFetch<TWebhookDelivery>(`/api/v1/webhooks/${id}/deliveries/${messageId}/redeliver`, { method: "POST" }),
    onSuccess: invalidate,
  });
}

export { webhookKeys };

"use client";

import { useState } from "react";
import Link from "next/link";
import { toast } from "sonner";
import { WEBHOOK_DELIVERY_STATUSES, type TWebhookDelivery, type TWebhookDeliveryStatus } from "@/lib/webhooks/schemas";
import { useRedeliverWebhook, useWebhookDeliveries, useWebhookSubscription } from "@/lib/webhooks/queries";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { QueryStates } from "@/components/ui/query-state";
import { When } from "./when";

const STATUS_LABELS: Record<TWebhookDeliveryStatus, string> = {
  pending: "Queued",
  in_flight: "Sending",
  retrying: "Retrying",
  held: "Held (disabled)",
  delivered: "Delivered",
  failed: "Failed",
};

const STATUS_TONES = {
  pending: "neutral",
  in_flight: "accent",
  retrying: "warning",
  held: "warning",
  delivered: "success",
  failed: "danger",
} as const;

function AttemptLog({ delivery }: { delivery: TWebhookDelivery }) {
  if (delivery.attemptLog.length === 0) return <span className="text-muted">No attempt yet</span>;
  return (
    <details>
      <summary className="cursor-pointer text-sm">
        {delivery.attempts} of {delivery.maxAttempts} attempts
      </summary>
      <ol className="mt-1 flex flex-col gap-1 text-xs" aria-label={`Attempts of delivery ${delivery.id}`}>
        {delivery.attemptLog.map((attempt) => (
          <li key={attempt.number}>
            #{attempt.number} <When iso={attempt.startedAt} fallback="" /> —{" "}
            {attempt.finishedAt === null ? "in progress" : attempt.error === null ? `HTTP ${attempt.statusCode ?? ""} OK` : attempt.error}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function WebhookDeliveries({ subscriptionId }: { subscriptionId: string }) {
  const [status, setStatus] = useState<TWebhookDeliveryStatus | undefined>(undefined);
  const subscription = useWebhookSubscription(subscriptionId);
  const deliveries = useWebhookDeliveries(subscriptionId, status);
  const redeliver = useRedeliverWebhook();

  function send(delivery: TWebhookDelivery) {
    redeliver.mutate(
      { id: subscriptionId, messageId: delivery.id },
      { onSuccess: () => toast.success(`Delivery ${delivery.id} queued again`), onError: (error) => toast.error(error.message) },
    );
  }

  return (
    <>
      <PageHeader
        title="Webhook deliveries"
        description={
          subscription.data
            ? `${subscription.data.url}${subscription.data.active ? "" : " (disabled: deliveries are held)"}`
            : "Every message queued for this receiver, with its attempts."
        }
        actions={
          <Link href="/admin/webhooks" className="text-sm underline-offset-2 hover:underline">
            All subscriptions
          </Link>
        }
      />
      <Field label="Status" className="mb-4 w-56">
        {(props) => (
          <Select
            {...props}
            value={status ?? ""}
            onChange={(event) => setStatus((event.target.value || undefined) as TWebhookDeliveryStatus | undefined)}
          >
            <option value="">All</option>
            {WEBHOOK_DELIVERY_STATUSES.map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <QueryStates query={deliveries} loading="Loading deliveries…" failed="The deliveries could not be loaded">
        {(data) =>
          data.length === 0 ? (
            <EmptyState
              title={status ? `No ${STATUS_LABELS[status].toLowerCase()} deliveries` : "No deliveries yet"}
              description="Messages appear here as soon as a subscribed event happens."
            />
          ) : (
            <Table aria-label="Webhook deliveries">
              <thead>
                <tr>
                  <Th>Event</Th>
                  <Th>Status</Th>
                  <Th>Attempts</Th>
                  <Th>Last error</Th>
                  <Th>Queued</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {data.map((delivery) => (
                  <tr key={delivery.id}>
                    <Td>
                      <code className="font-mono text-xs">{delivery.eventType}</code>
                      <div className="font-mono text-xs text-muted" title="webhook-id">
                        {delivery.webhookId}
                      </div>
                    </Td>
                    <Td>
                      <Badge tone={STATUS_TONES[delivery.status]}>{STATUS_LABELS[delivery.status]}</Badge>
                    </Td>
                    <Td>
                      <AttemptLog delivery={delivery} />
                    </Td>
                    <Td className="max-w-xs text-sm break-words">{delivery.lastError ?? <span className="text-muted">None</span>}</Td>
                    <Td className="whitespace-nowrap">
                      <When iso={delivery.createdAt} fallback="" />
                    </Td>
                    <Td className="text-right">
                      {(delivery.status === "delivered" || delivery.status === "failed") && (
                        <Button
                          variant="secondary"
                          size="sm"
                          onClick={() => send(delivery)}
                          disabled={redeliver.isPending}
                          aria-label={`Redeliver ${delivery.eventType} ${delivery.id}`}
                        >
                          Redeliver
                        </Button>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryStates>
    </>
  );
}

"use client";

import { useState } from "react";
import Link from "next/link";
import { Webhook } from "lucide-react";
import { toast } from "sonner";
import type { TWebhookSubscription } from "@/lib/webhooks/schemas";
import { useRotateWebhookSecret, useUpdateWebhookSubscription, useWebhookSubscriptions } from "@/lib/webhooks/queries";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState, PageHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { QueryStates } from "@/components/ui/query-state";
import { ConfirmDialog } from "@/components/ui/dialog";
import { OneTimeSecretDialog } from "@/components/ui/one-time-secret";
import { CreateWebhookDialog, SECRET_NOTE } from "./create-webhook-dialog";
import { When } from "./when";

export function WebhooksAdmin() {
  const subscriptions = useWebhookSubscriptions();
  const update = useUpdateWebhookSubscription();
  const rotate = useRotateWebhookSecret();
  const [creating, setCreating] = useState(false);
  const [rotating, setRotating] = useState<TWebhookSubscription | null>(null);
  const [rotatedSecret, setRotatedSecret] = useState<{ url: string; secret: string } | null>(null);

  function setActive(subscription: TWebhookSubscription, active: boolean) {
    update.mutate(
      { id: subscription.id, patch: { active } },
      {
        onSuccess: () => toast.success(active ? "Deliveries resumed" : "Deliveries paused; new events are not queued"),
        onError: (error) => toast.error(error.message),
      },
    );
  }

  function confirmRotate() {
    if (!rotating) return;
    rotate.mutate(rotating.id, {
      onSuccess: (result) => {
        setRotating(null);
        setRotatedSecret({ url: result.subscription.url, secret: result.secret });
      },
      onError: (error) => toast.error(error.message),
    });
  }

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Concord POSTs events (surfaces agreed or reopened, flow status changes, rules and templates activated or retired, change transitions) to these URLs, signed in the Standard Webhooks form, with retries."
        actions={
          <Button onClick={() => setCreating(true)}>
            <Webhook aria-hidden className="h-4 w-4" /> New subscription
          </Button>
        }
      />
      <QueryStates query={subscriptions} loading="Loading webhook subscriptions…" failed="The webhook subscriptions could not be loaded">
        {(data) =>
          data.length === 0 ? (
            <EmptyState
              title="No webhook subscriptions"
              description="Subscribe a receiver (ticketing, SOAR, a policy pipeline) to the events it needs."
              action={<Button onClick={() => setCreating(true)}>New subscription</Button>}
            />
          ) : (
            <Table aria-label="Webhook subscriptions">
              <thead>
                <tr>
                  <Th>Receiver</Th>
                  <Th>Events</Th>
                  <Th>Status</Th>
                  <Th>Queue</Th>
                  <Th>Last delivered</Th>
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {data.map((subscription) => (
                  <tr key={subscription.id} className={subscription.active ? undefined : "text-muted"}>
                    <Td>
                      <Link
                        href={`/admin/webhooks/${subscription.id}`}
                        className="font-medium break-all underline-offset-2 hover:underline"
                      >
                        {subscription.url}
                      </Link>
                      {subscription.description && <div className="text-xs text-muted">{subscription.description}</div>}
                    </Td>
                    <Td>
                      <ul className="flex max-w-xs flex-wrap gap-1" aria-label="Event types">
                        {subscription.eventTypes.map((type) => (
                          <li key={type}>
                            <code className="rounded bg-surface-2 px-1 font-mono text-xs">{type === "*" ? "all events" : type}</code>
                          </li>
                        ))}
                      </ul>
                    </Td>
                    <Td>{subscription.active ? <Badge tone="success">Enabled</Badge> : <Badge tone="warning">Disabled</Badge>}</Td>
                    <Td className="whitespace-nowrap text-sm">
                      {subscription.pendingCount} queued
                      {subscription.failedCount > 0 && (
                        <>
                          {" · "}
                          <span className="text-danger">{subscription.failedCount} failed</span>
                        </>
                      )}
                    </Td>
                    <Td className="whitespace-nowrap">
                      <When iso={subscription.lastDeliveredAt} fallback="Never" />
                    </Td>
                    <Td className="text-right">
                      <div className="flex justify-end gap-2">
                        <Button
                          variant="secondary"
                          size="sm"
                          onClick={() => setActive(subscription, !subscription.active)}
                          disabled={update.isPending}
                          aria-label={`${subscription.active ? "Disable" : "Enable"} ${subscription.url}`}
                        >
                          {subscription.active ? "Disable" : "Enable"}
                        </Button>
                        <Button
                          variant="secondary"
                          size="sm"
                          onClick={() => setRotating(subscription)}
                          aria-label={`Rotate the secret of ${subscription.url}`}
                        >
                          Rotate secret
                        </Button>
                      </div>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryStates>
      <CreateWebhookDialog open={creating} onOpenChange={setCreating} />
      <ConfirmDialog
        open={rotating !== null}
        onOpenChange={(open) => !open && setRotating(null)}
        title="Rotate the signing secret?"
        description={`Deliveries to ${rotating?.url ?? ""} are signed with a new secret from now on, including retries; the current secret stops verifying at once. Update the receiver right after.`}
        confirmLabel="Rotate secret"
        pending={rotate.isPending}
        onConfirm={confirmRotate}
      />
      {rotatedSecret && (
        <OneTimeSecretDialog
          open
          title="The new signing secret"
          description={`For ${rotatedSecret.url}.`}
          label="Signing secret"
          value={rotatedSecret.secret}
          note={SECRET_NOTE}
          onClose={() => setRotatedSecret(null)}
        />
      )}
    </>
  );
}

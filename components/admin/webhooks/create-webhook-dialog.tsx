"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { formErrorsOf } from "@/lib/api/client";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import { useCreateWebhookSubscription } from "@/lib/webhooks/queries";
import { Field, Input } from "@/components/ui/field";
import { FormAlert, Dialog, DialogFooter } from "@/components/ui/dialog";
import { OneTimeSecretDialog } from "@/components/ui/one-time-secret";

const FAMILIES = [...new Set(WEBHOOK_EVENT_TYPES.map((type) => type.split(".")[0]!))];

/** The note shown with a new or rotated secret: how a receiver checks a delivery. */
export const SECRET_NOTE =
  "Concord keeps it only to sign deliveries and never shows it again. Verify each delivery's webhook-id, webhook-timestamp and webhook-signature headers with a Standard Webhooks library (e.g. the standardwebhooks package) and this secret.";

/** Subscribes a URL to chosen events; the signing secret is shown once. */
export function CreateWebhookDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const create = useCreateWebhookSubscription();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [allEvents, setAllEvents] = useState(false);
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);

  function changeOpen(next: boolean) {
    if (!next) {
      setUrl("");
      setDescription("");
      setAllEvents(false);
      setEventTypes([]);
      setErrors({});
      setCreated(null);
      create.reset();
    }
    onOpenChange(next);
  }

  function toggle(type: string, checked: boolean) {
    setEventTypes((current) => (checked ? [...current, type] : current.filter((candidate) => candidate !== type)));
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    try {
      const result = await create.mutateAsync({ url, description, eventTypes: allEvents ? ["*"] : eventTypes });
      setCreated({ secret: result.secret, url: result.subscription.url });
      toast.success("Webhook subscription created");
    } catch (error) {
      setErrors(formErrorsOf(error));
    }
  }

  if (created) {
    return (
      <OneTimeSecretDialog
        open={open}
        title="Your webhook signing secret"
        description={`Deliveries to ${created.url} are signed with this secret.`}
        label="Signing secret"
        value={created.secret}
        note={SECRET_NOTE}
        onClose={() => changeOpen(false)}
      />
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title="New webhook subscription"
      description="Concord POSTs each chosen event to this URL, signed, and retries with backoff until the receiver answers 2xx."
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Receiver URL" hint="http or https, without a user name or password." error={errors.url}>
          {(props) => (
            <Input
              {...props}
              type="url"
              inputMode="url"
              autoComplete="off"
              placeholder="https://hooks.example.com/concord"
              value={url}
              onChange={(event) => setUrl(event.target.value)}
            />
          )}
        </Field>
        <Field label="Description" hint="What receives it, e.g. “SOAR ticketing”." error={errors.description}>
          {(props) => <Input {...props} autoComplete="off" value={description} onChange={(event) => setDescription(event.target.value)} />}
        </Field>
        <fieldset className="flex flex-col gap-2" aria-describedby={errors.eventTypes ? "webhook-event-types-error" : undefined}>
          <legend className="text-sm font-medium">Events</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-4 w-4 accent-[var(--accent)]"
              checked={allEvents}
              onChange={(event) => setAllEvents(event.target.checked)}
            />
            All events, including ones added later
          </label>
          {!allEvents && (
            <div className="grid max-h-64 grid-cols-1 gap-x-4 gap-y-1 overflow-y-auto rounded-md border border-border p-3 sm:grid-cols-2">
              {FAMILIES.map((family) => (
                <div key={family} className="flex flex-col gap-1">
                  {WEBHOOK_EVENT_TYPES.filter((type) => type.startsWith(`${family}.`)).map((type) => (
                    <label key={type} className="flex items-center gap-2 text-sm" title={WEBHOOK_EVENTS[type]}>
                      <input
                        type="checkbox"
                        className="h-4 w-4 accent-[var(--accent)]"
                        checked={eventTypes.includes(type)}
                        onChange={(event) => toggle(type, event.target.checked)}
                      />
                      <code className="font-mono text-xs">{type}</code>
                    </label>
                  ))}
                </div>
              ))}
            </div>
          )}
          {errors.eventTypes && (
            <p id="webhook-event-types-error" role="alert" className="text-xs text-danger">
              {errors.eventTypes}
            </p>
          )}
        </fieldset>
        <FormAlert message={errors.form} />
        <DialogFooter
          onCancel={() => changeOpen(false)}
          submitLabel="Create subscription"
          pendingLabel="Creating…"
          pending={create.isPending}
        />
      </form>
    </Dialog>
  );
}

"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Badge, Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { CountedInput } from "@/components/ui/counted-field";
import { LoadFailedState, LoadingState } from "@/components/ui/query-state";
import { ConfirmDialog } from "@/components/ui/dialog";
import { passkeyErrorMessage } from "@/lib/mfa/browser";
import { useAddPasskey, useMfaStatus, useRegenerateRecoveryCodes, useRemovePasskey, useRemoveTotp, useStartTotp } from "@/lib/mfa/queries";
import type { TTotpEnrolment } from "@/lib/mfa/schemas";
import { NewRecoveryCodes } from "./recovery-codes-panel";
import { TotpSetup } from "./totp-setup";

function message(error: unknown): string {
  return error instanceof Error ? error.message : "That did not work.";
}

/** The person's own second factors: authenticator app, passkeys and recovery codes. */
export function SecuritySettings({ onFactorAdded }: { onFactorAdded?: () => void }) {
  const status = useMfaStatus();
  const removeTotp = useRemoveTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const addPasskey = useAddPasskey();
  const removePasskey = useRemovePasskey();
  const startTotp = useStartTotp();
  const [enrolment, setEnrolment] = useState<TTotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [confirmRemoveTotp, setConfirmRemoveTotp] = useState(false);

  if (status.isPending) return <LoadingState label="Loading your sign-in factors…" />;
  if (status.isError)
    return <LoadFailedState title="Your sign-in factors could not be loaded" error={status.error} onRetry={() => void status.refetch()} />;
  const mfa = status.data;
  const hasFactor = mfa.totp || mfa.passkeys.length > 0;

  function added(recoveryCodes: string[] | null) {
    setEnrolment(null);
    if (recoveryCodes) setCodes(recoveryCodes);
    toast.success("Second factor added");
    onFactorAdded?.();
  }

  function onAddPasskey(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "").trim() || "Passkey";
    addPasskey.mutate(name, {
      onSuccess: (result) => added(result.recoveryCodes),
      onError: (error) => toast.error(passkeyErrorMessage(error)),
    });
  }

  return (
    <div className="flex flex-col gap-4">
      {mfa.required && !hasFactor && (
        <p role="alert" className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          Your role requires a second factor. Set one up to continue.
        </p>
      )}
      {codes && <NewRecoveryCodes codes={codes} onDone={() => setCodes(null)} />}

      <Card aria-labelledby="totp-heading" role="region">
        <div className="mb-3 flex items-center gap-2">
          <h2 id="totp-heading" className="font-semibold">
            Authenticator app
          </h2>
          <Badge tone={mfa.totp ? "success" : "neutral"}>{mfa.totp ? "On" : "Off"}</Badge>
        </div>
        {mfa.totp ? (
          <Button variant="secondary" onClick={() => setConfirmRemoveTotp(true)}>
            Remove authenticator app
          </Button>
        ) : enrolment ? (
          <TotpSetup enrolment={enrolment} onEnabled={added} onCancel={() => setEnrolment(null)} />
        ) : (
          <Button
            disabled={startTotp.isPending}
            onClick={() => startTotp.mutate(undefined, { onSuccess: setEnrolment, onError: (error) => toast.error(message(error)) })}
          >
            {startTotp.isPending ? "Preparing…" : "Set up an authenticator app"}
          </Button>
        )}
      </Card>

      <Card aria-labelledby="passkeys-heading" role="region">
        <h2 id="passkeys-heading" className="mb-3 font-semibold">
          Passkeys
        </h2>
        {mfa.passkeys.length === 0 ? (
          <p className="mb-3 text-sm text-muted">No passkeys yet.</p>
        ) : (
          <ul className="mb-3 flex flex-col gap-2">
            {mfa.passkeys.map((key) => (
              <li key={key.id} className="flex items-center justify-between gap-2 text-sm">
                <span>
                  {key.name} <span className="text-muted">· added {new Date(key.createdAt).toLocaleDateString()}</span>
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove passkey ${key.name}`}
                  onClick={() => removePasskey.mutate(key.id, { onError: (error) => toast.error(message(error)) })}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={onAddPasskey} className="flex flex-wrap items-end gap-2" noValidate>
          <Field label="Passkey name" className="w-56">
            {(props) => <CountedInput {...props} name="name" placeholder="Work laptop" max={60} />}
          </Field>
          <Button type="submit" variant="secondary" disabled={addPasskey.isPending}>
            {addPasskey.isPending ? "Waiting for the browser…" : "Add a passkey"}
          </Button>
        </form>
      </Card>

      {hasFactor && (
        <Card aria-labelledby="recovery-heading" role="region">
          <h2 id="recovery-heading" className="mb-1 font-semibold">
            Recovery codes
          </h2>
          <p className="mb-3 text-sm text-muted" data-testid="recovery-codes-left">
            {mfa.recoveryCodesLeft} of 10 unused.
          </p>
          <Button
            variant="secondary"
            disabled={regenerate.isPending}
            onClick={() =>
              regenerate.mutate(undefined, {
                onSuccess: (result) => setCodes(result.recoveryCodes),
                onError: (error) => toast.error(message(error)),
              })
            }
          >
            Generate new recovery codes
          </Button>
        </Card>
      )}

      <ConfirmDialog
        open={confirmRemoveTotp}
        onOpenChange={setConfirmRemoveTotp}
        title="Remove the authenticator app?"
        description="Codes from this app will no longer sign you in."
        confirmLabel="Remove"
        pending={removeTotp.isPending}
        onConfirm={() =>
          removeTotp.mutate(undefined, {
            onSuccess: () => (setConfirmRemoveTotp(false), toast.success("Authenticator app removed")),
            onError: (error) => (setConfirmRemoveTotp(false), toast.error(message(error))),
          })
        }
      />
    </div>
  );
}

"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { formErrorsOf } from "@/lib/api/client";
import { useCreateApiToken, useServiceAccounts } from "@/lib/tokens/queries";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert, Dialog, DialogFooter } from "@/components/ui/dialog";
import { OneTimeSecretDialog } from "@/components/ui/one-time-secret";

/**
 * Issues a token acting as the admin themself or as a service account, never as another person;
 * the plain token is shown once, then only its hash remains.
 */
export function CreateTokenDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const createToken = useCreateApiToken();
  const accounts = useServiceAccounts();
  const [serviceAccountId, setServiceAccountId] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [issued, setIssued] = useState<{ plainToken: string; userName: string; name: string } | null>(null);

  function changeOpen(next: boolean) {
    if (!next) {
      setServiceAccountId("");
      setName("");
      setErrors({});
      setIssued(null);
      createToken.reset();
    }
    onOpenChange(next);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    try {
      const result = await createToken.mutateAsync({ name, serviceAccountId: serviceAccountId || undefined });
      setIssued({ plainToken: result.plainToken, userName: result.token.userName, name: result.token.name });
      toast.success(`Token "${result.token.name}" issued`);
    } catch (error) {
      setErrors(formErrorsOf(error));
    }
  }

  if (issued) {
    return (
      <OneTimeSecretDialog
        open={open}
        title="Your new API token"
        description={`"${issued.name}" acts as ${issued.userName}, with those roles. It can prepare work but never sign off, vote, approve, verify or assess.`}
        label="API token"
        value={issued.plainToken}
        note="Concord stores only its hash, so it cannot show it again. Store it in your secret manager and send it as `Authorization: Bearer <token>`."
        onClose={() => changeOpen(false)}
      />
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title="New API token"
      description="A token acts as you or as a service account, never as another person. Joint decisions are never made with a token."
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field
          label="Acts as"
          error={errors.serviceAccountId}
          hint={accounts.isError ? "The service accounts could not be loaded." : undefined}
        >
          {(props) => (
            <Select {...props} value={serviceAccountId} onChange={(event) => setServiceAccountId(event.target.value)}>
              <option value="">Me</option>
              {(accounts.data ?? [])
                .filter((account) => account.status === "ACTIVE")
                .map((account) => (
                  <option key={account.id} value={account.id}>
                    Service account: {account.name}
                  </option>
                ))}
            </Select>
          )}
        </Field>
        <Field label="Token name" hint="What uses it, e.g. “firewall-sync pipeline”." error={errors.name}>
          {(props) => <Input {...props} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <FormAlert message={errors.form} />
        <DialogFooter
          onCancel={() => changeOpen(false)}
          submitLabel="Issue token"
          pendingLabel="Issuing…"
          pending={createToken.isPending}
        />
      </form>
    </Dialog>
  );
}

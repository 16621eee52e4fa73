"use client";

import { useState, type FormEvent } from "react";
import { Bot } from "lucide-react";
import { toast } from "sonner";
import { formErrorsOf } from "@/lib/api/client";
import { SERVICE_ACCOUNT_ROLES, type TServiceAccount } from "@/lib/tokens/schemas";
import { useCreateServiceAccount, useServiceAccounts } from "@/lib/tokens/queries";
import { Button } from "@/components/ui/button";
import { Badge, EmptyState } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { QueryStates } from "@/components/ui/query-state";
import { formatRole } from "@/lib/ui/labels";
import { FormAlert, Dialog, DialogFooter } from "@/components/ui/dialog";

function CreateServiceAccountDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const create = useCreateServiceAccount();
  const [name, setName] = useState("");
  const [roles, setRoles] = useState<TServiceAccount["roles"]>(["VIEWER"]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  function changeOpen(next: boolean) {
    if (!next) {
      setName("");
      setRoles(["VIEWER"]);
      setErrors({});
      create.reset();
    }
    onOpenChange(next);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    try {
      const account = await create.mutateAsync({ name, roles });
      toast.success(`Service account "${account.name}" created`);
      changeOpen(false);
    } catch (error) {
      setErrors(formErrorsOf(error));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title="New service account"
      description="Automation with an identity of its own: in no team, it never signs in and never counts in a joint decision."
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Name" hint="What it is, e.g. “firewall-sync”." error={errors.name}>
          {(props) => <Input {...props} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Roles</legend>
          {SERVICE_ACCOUNT_ROLES.map((role) => (
            <label key={role} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="h-4 w-4 accent-[var(--accent)]"
                checked={roles.includes(role)}
                onChange={(event) => setRoles(event.target.checked ? [...roles, role] : roles.filter((held) => held !== role))}
              />
              {formatRole(role)}
            </label>
          ))}
          {errors.roles && (
            <p role="alert" className="text-xs text-danger">
              {errors.roles}
            </p>
          )}
        </fieldset>
        <FormAlert message={errors.form} />
        <DialogFooter
          onCancel={() => changeOpen(false)}
          submitLabel="Create service account"
          pendingLabel="Creating…"
          pending={create.isPending}
        />
      </form>
    </Dialog>
  );
}

/** The service accounts tokens can act as, under Admin → API tokens. */
export function ServiceAccounts() {
  const accounts = useServiceAccounts();
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby="service-accounts-heading" className="mt-10">
      <div className="mb-3 flex items-center justify-between gap-4">
        <div>
          <h2 id="service-accounts-heading" className="text-lg font-semibold">
            Service accounts
          </h2>
          <p className="text-sm text-muted">Their own identity for automation: no team, never a decision. Issue them tokens above.</p>
        </div>
        <Button variant="secondary" onClick={() => setCreating(true)}>
          <Bot aria-hidden className="h-4 w-4" /> New service account
        </Button>
      </div>
      <QueryStates query={accounts} loading="Loading service accounts…" failed="The service accounts could not be loaded">
        {(data) =>
          data.length === 0 ? (
            <EmptyState title="No service accounts" description="Create one for a pipeline that should not act as any person." />
          ) : (
            <Table aria-label="Service accounts">
              <thead>
                <tr>
                  <Th>Name</Th>
                  <Th>Roles</Th>
                  <Th>Live tokens</Th>
                  <Th>Status</Th>
                </tr>
              </thead>
              <tbody>
                {data.map((account) => (
                  <tr key={account.id}>
                    <Td className="font-medium">
                      <div>{account.name}</div>
                      <div className="text-xs text-muted">{account.email}</div>
                    </Td>
                    <Td>{account.roles.map(formatRole).join(", ")}</Td>
                    <Td>{account.liveTokens}</Td>
                    <Td>{account.status === "ACTIVE" ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Disabled</Badge>}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryStates>
      <CreateServiceAccountDialog open={creating} onOpenChange={setCreating} />
    </section>
  );
}

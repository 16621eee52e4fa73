"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { ApiRequestError } from "@/lib/api/client";
import { useUsers } from "@/lib/users/queries";
import { useCreateApiToken } from "@/lib/tokens/queries";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { FormAlert, Modal } from "../modal";
import { OneTimeSecretModal } from "../one-time-secret";

/** Issues a token acting as a chosen user; the plain token is shown once, then only its hash remains. */
export function CreateTokenDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const createToken = useCreateApiToken();
  const people = useUsers({ status: "ACTIVE" });
  const [userId, setUserId] = useState("");
  const [name, setName] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [issued, setIssued] = useState<{ plainToken: string; userName: string; name: string } | null>(null);

  function changeOpen(next: boolean) {
    if (!next) {
      setUserId("");
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
      const result = await createToken.mutateAsync({ userId, name });
      setIssued({ plainToken: result.plainToken, userName: result.token.userName, name: result.token.name });
      toast.success(`Token "${result.token.name}" issued`);
    } catch (error) {
      if (error instanceof ApiRequestError) {
        const fields = error.fieldMessages();
        setErrors(Object.keys(fields).length > 0 ? fields : { form: error.message });
      } else {
        setErrors({ form: "The server could not be reached. Check your connection and try again." });
      }
    }
  }

  if (issued) {
    return (
      <OneTimeSecretModal
        open={open}
        title="Your new API token"
        description={`"${issued.name}" acts as ${issued.userName}, with their roles.`}
        label="API token"
        value={issued.plainToken}
        note="Concord stores only its hash, so it cannot show it again. Store it in your secret manager and send it as `Authorization: Bearer <token>`."
        onClose={() => changeOpen(false)}
      />
    );
  }

  return (
    <Modal open={open} onOpenChange={changeOpen} title="New API token" description="Automation calls the API as the chosen user, with exactly that user's roles.">
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Acts as" error={errors.userId} hint={people.isError ? "The users could not be loaded." : undefined}>
          {(props) => (
            <Select {...props} value={userId} onChange={(event) => setUserId(event.target.value)} disabled={people.isPending}>
              <option value="">{people.isPending ? "Loading users…" : "Choose a user"}</option>
              {(people.data ?? []).map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({person.email})
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Token name" hint="What uses it, e.g. “firewall-sync pipeline”." error={errors.name}>
          {(props) => <Input {...props} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <FormAlert message={errors.form} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => changeOpen(false)}>
            Cancel
          </Button>
          <Button type="submit" disabled={createToken.isPending}>
            {createToken.isPending ? "Issuing…" : "Issue token"}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

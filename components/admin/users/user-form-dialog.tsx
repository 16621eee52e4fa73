"use client";

import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import type { Role } from "@/lib/db/generated/enums.ts";
import type { TUser } from "@/lib/users/schemas";
import { formErrorsOf } from "@/lib/api/client";
import { useCreateUser, useUpdateUser } from "@/lib/users/queries";
import { Field, Input, Select } from "@/components/ui/field";
import { PERSON_TEAMS, TEAM_LABELS, type TPersonTeam as Team } from "@/lib/ui/labels";
import { FormAlert, Dialog, DialogFooter } from "@/components/ui/dialog";
import { OneTimeSecretDialog } from "@/components/ui/one-time-secret";
import { RoleCheckboxes } from "./role-checkboxes";

type TErrors = Record<string, string>;

function TeamSelect({ value, onChange, error }: { value: Team; onChange: (team: Team) => void; error?: string }) {
  return (
    <Field label="Team" error={error}>
      {(props) => (
        <Select {...props} value={value} onChange={(event) => onChange(event.target.value as Team)}>
          {PERSON_TEAMS.map((team) => (
            <option key={team} value={team}>
              {TEAM_LABELS[team]}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}

/** "Create or invite user": without a password the server answers with a one-time password, shown once. */
export function CreateUserDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const createUser = useCreateUser();
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [team, setTeam] = useState<Team>("NETOPS");
  const [roles, setRoles] = useState<Role[]>(["CONTRIBUTOR"]);
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<TErrors>({});
  const [invited, setInvited] = useState<{ name: string; email: string; password: string } | null>(null);

  function reset() {
    setEmail("");
    setName("");
    setTeam("NETOPS");
    setRoles(["CONTRIBUTOR"]);
    setPassword("");
    setErrors({});
    setInvited(null);
    createUser.reset();
  }

  function changeOpen(next: boolean) {
    if (!next) reset();
    onOpenChange(next);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    try {
      const result = await createUser.mutateAsync({ email, name, team, roles, password });
      if (result.temporaryPassword) {
        setInvited({ name: result.user.name, email: result.user.email, password: result.temporaryPassword });
        toast.success(`${result.user.name} was invited`);
      } else {
        toast.success(`${result.user.name} was created`);
        changeOpen(false);
      }
    } catch (error) {
      setErrors(formErrorsOf(error));
    }
  }

  if (invited) {
    return (
      <OneTimeSecretDialog
        open={open}
        title="One-time password"
        description={`${invited.name} (${invited.email}) can now sign in with this password.`}
        label="One-time password"
        value={invited.password}
        note="Concord keeps only a hash of it: copy it now and hand it over through a channel you trust. If it is lost, create the account again or set a password."
        onClose={() => changeOpen(false)}
      />
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={changeOpen}
      title="Create or invite user"
      description="Leave the password empty to invite: Concord then generates a one-time password."
    >
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Email" error={errors.email}>
          {(props) => <Input {...props} type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />}
        </Field>
        <Field label="Name" error={errors.name}>
          {(props) => <Input {...props} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <TeamSelect value={team} onChange={setTeam} error={errors.team} />
        <RoleCheckboxes value={roles} onChange={setRoles} error={errors.roles} />
        <Field label="Password (optional)" hint="At least 12 characters. Empty: a one-time password is generated." error={errors.password}>
          {(props) => (
            <Input
              {...props}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <FormAlert message={errors.form} />
        <DialogFooter
          onCancel={() => changeOpen(false)}
          submitLabel={password ? "Create user" : "Invite user"}
          pendingLabel="Creating…"
          pending={createUser.isPending}
        />
      </form>
    </Dialog>
  );
}

/** Edits name, team and roles; the API's field errors appear under their fields. */
export function EditUserDialog({ user, onOpenChange }: { user: TUser; onOpenChange: (open: boolean) => void }) {
  const updateUser = useUpdateUser();
  const [name, setName] = useState(user.name);
  const [team, setTeam] = useState<Team>(user.team === "NONE" ? "LEADERSHIP" : user.team);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [errors, setErrors] = useState<TErrors>({});

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    try {
      const updated = await updateUser.mutateAsync({ id: user.id, changes: { name, team, roles } });
      toast.success(`${updated.name} was updated`);
      onOpenChange(false);
    } catch (error) {
      setErrors(formErrorsOf(error));
    }
  }

  return (
    <Dialog open onOpenChange={onOpenChange} title={`Edit ${user.name}`} description={user.email}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <Field label="Name" error={errors.name}>
          {(props) => <Input {...props} autoComplete="off" value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <TeamSelect value={team} onChange={setTeam} error={errors.team} />
        <RoleCheckboxes value={roles} onChange={setRoles} error={errors.roles} />
        <p className="text-xs text-muted">Changes apply to {user.name}&apos;s very next request; open sessions stay signed in.</p>
        <FormAlert message={errors.form} />
        <DialogFooter
          onCancel={() => onOpenChange(false)}
          submitLabel="Save changes"
          pendingLabel="Saving…"
          pending={updateUser.isPending}
        />
      </form>
    </Dialog>
  );
}

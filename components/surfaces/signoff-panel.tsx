"use client";

import { useState } from "react";
import { toast } from "sonner";
import { CheckCircle2, Circle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { TEAM_LABELS } from "@/lib/ui/labels";
import { useAddDelegate, useRemoveDelegate, useSignOff, useSubmitSurface, useWithdrawSignOff } from "@/lib/surfaces/queries";
import type { TPerson, TSurface } from "@/lib/surfaces/schemas";

const TEAMS = ["NETOPS", "SECOPS"] as const;

/** Where the surface stands and the controls the signed-in person may use on it. */
export function SignOffPanel({ surface, people, actorId }: { surface: TSurface; people: TPerson[]; actorId: string }) {
  const submit = useSubmitSurface(surface.id);
  const signOff = useSignOff(surface.id);
  const withdraw = useWithdrawSignOff(surface.id);
  const addDelegate = useAddDelegate(surface.id);
  const removeDelegate = useRemoveDelegate(surface.id);
  const [delegateId, setDelegateId] = useState("");
  const active = surface.signOffs.filter((s) => !s.voidedAt && !s.withdrawnAt && s.version === surface.version);
  const fail = (error: Error) => toast.error(error.message);
  const ownTeam = surface.netopsOwner?.id === actorId ? "NETOPS" : surface.secopsOwner?.id === actorId ? "SECOPS" : null;

  return (
    <Card aria-labelledby="signoff-heading" className="flex flex-col gap-4">
      <div>
        <h2 id="signoff-heading" className="text-base font-semibold">
          Sign-off · version {surface.version}
        </h2>
        <p className="text-sm text-muted">
          {surface.status === "DRAFT" && "Draft: submit for review once both owners are set."}
          {surface.status === "IN_REVIEW" && "In review: needs one NetOps and one SecOps sign-off, from two different people."}
          {surface.status === "AGREED" &&
            `Agreed by both teams${surface.agreedAt ? ` on ${new Date(surface.agreedAt).toLocaleString()}` : ""}. Any edit opens a new version for review.`}
        </p>
      </div>
      <ul className="flex flex-col gap-2" aria-label="Sign-offs of this version">
        {TEAMS.map((team) => {
          const signed = active.find((s) => s.team === team);
          const owner = team === "NETOPS" ? surface.netopsOwner : surface.secopsOwner;
          return (
            <li key={team} className="flex items-start gap-2 text-sm" data-testid={`signoff-${team.toLowerCase()}`}>
              {signed ? (
                <CheckCircle2 aria-hidden className="mt-0.5 h-4 w-4 text-success" />
              ) : (
                <Circle aria-hidden className="mt-0.5 h-4 w-4 text-muted" />
              )}
              <div>
                <span className={team === "NETOPS" ? "font-medium text-netops" : "font-medium text-secops"}>{TEAM_LABELS[team]}</span>{" "}
                {signed ? (
                  <span>
                    signed off by {signed.user.name} <span className="text-muted">· {new Date(signed.createdAt).toLocaleString()}</span>
                  </span>
                ) : (
                  <span className="text-muted">not signed yet · owner {owner?.name ?? "not set"}</span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap gap-2">
        {surface.status === "DRAFT" && surface.abilities.edit && (
          <Button
            disabled={!surface.abilities.submit || submit.isPending}
            onClick={() => submit.mutate(undefined, { onError: fail, onSuccess: () => toast.success("Submitted for review.") })}
          >
            Submit for review
          </Button>
        )}
        {surface.abilities.signOff && (
          <Button
            disabled={signOff.isPending}
            onClick={() =>
              signOff.mutate(surface.version, {
                onError: fail,
                onSuccess: (s) => toast.success(s.status === "AGREED" ? "Signed off: the surface is agreed." : "Signed off."),
              })
            }
          >
            Sign off version {surface.version}
          </Button>
        )}
        {surface.abilities.withdraw && (
          <Button
            variant="secondary"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined, { onError: fail, onSuccess: () => toast.success("Sign-off withdrawn.") })}
          >
            Withdraw my sign-off
          </Button>
        )}
      </div>
      {surface.status === "DRAFT" && surface.abilities.edit && !surface.abilities.submit && (
        <p className="text-xs text-muted">Set both a NetOps owner and a SecOps owner to submit.</p>
      )}
      {surface.status === "IN_REVIEW" && !surface.abilities.signOff && surface.abilities.signOffReason && (
        <p className="text-xs text-muted">{surface.abilities.signOffReason}</p>
      )}

      <div className="border-t border-border pt-3">
        <h3 className="text-sm font-medium">Delegates</h3>
        {surface.delegates.length === 0 ? (
          <p className="text-xs text-muted">No delegates: only the owners sign off.</p>
        ) : (
          <ul className="mt-1 flex flex-col gap-1 text-sm">
            {surface.delegates.map((delegate) => (
              <li key={delegate.id} className="flex items-center justify-between gap-2">
                <span>
                  {delegate.user.name} <span className="text-muted">for {TEAM_LABELS[delegate.team]}</span>
                </span>
                {ownTeam === delegate.team && (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={`Remove delegate ${delegate.user.name}`}
                    onClick={() => removeDelegate.mutate(delegate.id, { onError: fail })}
                  >
                    Remove
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {surface.abilities.delegate && ownTeam && (
          <form
            className="mt-2 flex gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (delegateId) addDelegate.mutate(delegateId, { onError: fail, onSuccess: () => setDelegateId("") });
            }}
          >
            <Select
              aria-label={`Delegate the ${TEAM_LABELS[ownTeam]} sign-off to`}
              value={delegateId}
              onChange={(event) => setDelegateId(event.target.value)}
            >
              <option value="">Choose a contributor…</option>
              {people
                .filter(
                  (person) => person.team === ownTeam && person.id !== actorId && !surface.delegates.some((d) => d.user.id === person.id),
                )
                .map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
            </Select>
            <Button type="submit" variant="secondary" disabled={!delegateId || addDelegate.isPending}>
              Delegate
            </Button>
          </form>
        )}
      </div>
    </Card>
  );
}

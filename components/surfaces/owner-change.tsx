"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, Textarea } from "@/components/ui/field";
import { TEAM_LABELS } from "@/lib/ui/labels";
import { describeError } from "@/lib/api/client";
import { useReplaceOwner } from "@/lib/surfaces/queries";
import type { TPerson, TSurface } from "@/lib/surfaces/schemas";

const TEAMS = ["NETOPS", "SECOPS"] as const;
type TTeam = (typeof TEAMS)[number];

/** An owner hands their team's ownership over; an admin replaces either owner, saying why. */
export function OwnerChangePanel({ surface, people, actorId }: { surface: TSurface; people: TPerson[]; actorId: string }) {
  const replace = useReplaceOwner(surface.id);
  const ownTeam: TTeam | null = surface.netopsOwner?.id === actorId ? "NETOPS" : surface.secopsOwner?.id === actorId ? "SECOPS" : null;
  const teams: readonly TTeam[] = ownTeam ? [ownTeam] : TEAMS;
  const [team, setTeam] = useState<TTeam>(teams[0] ?? "NETOPS");
  const [userId, setUserId] = useState("");
  const [reason, setReason] = useState("");
  const current = team === "NETOPS" ? surface.netopsOwner : surface.secopsOwner;
  const candidates = people.filter((person) => person.team === team && person.id !== current?.id);

  return (
    <Card role="region" aria-labelledby="owner-change-heading" className="flex flex-col gap-3">
      <div>
        <h2 id="owner-change-heading" className="text-base font-semibold">
          Replace an owner
        </h2>
        <p className="text-sm text-muted">
          Replacing an owner voids every sign-off, opens a new version for review and tells the replaced owner.
        </p>
      </div>
      <form
        className="flex flex-col gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!userId) return;
          replace.mutate(
            { team, userId, reason, version: surface.version },
            {
              onError: (error) => toast.error(describeError(error)),
              onSuccess: () => {
                toast.success(`${TEAM_LABELS[team]} owner replaced.`);
                setUserId("");
                setReason("");
              },
            },
          );
        }}
      >
        {teams.length > 1 && (
          <Field label="Team">
            {(props) => (
              <Select
                {...props}
                value={team}
                onChange={(event) => {
                  setTeam(event.target.value as TTeam);
                  setUserId("");
                }}
              >
                {teams.map((option) => (
                  <option key={option} value={option}>
                    {TEAM_LABELS[option]}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        <Field label={`New ${TEAM_LABELS[team]} owner`} hint={`Now: ${current?.name ?? "not set"}`}>
          {(props) => (
            <Select {...props} value={userId} onChange={(event) => setUserId(event.target.value)}>
              <option value="">Choose a person…</option>
              {candidates.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Reason"
          hint={ownTeam ? "Kept in the audit trail." : "Required: told to the replaced owner and kept in the audit trail."}
        >
          {(props) => <Textarea {...props} value={reason} onChange={(event) => setReason(event.target.value)} />}
        </Field>
        <div>
          <Button type="submit" variant="secondary" disabled={!userId || replace.isPending}>
            Replace owner
          </Button>
        </div>
      </form>
    </Card>
  );
}

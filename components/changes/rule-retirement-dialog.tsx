"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/field";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { useProposeRuleRetirement, useReplayWithout } from "@/lib/change-policy/queries";
import type { TRule } from "@/lib/change-policy/rules-service";

/** What the recent changes would have become without the rule, before anyone proposes retiring it. */
function ReplayWithout({ rule }: { rule: TRule }) {
  const preview = useReplayWithout(rule.id);
  if (preview.isPending)
    return (
      <p className="text-sm text-muted" role="status">
        Replaying recent changes without this rule…
      </p>
    );
  if (preview.isError) {
    return (
      <p className="text-sm text-danger" role="alert">
        The replay failed: {preview.error.message}{" "}
        <Button size="sm" variant="ghost" onClick={() => void preview.refetch()}>
          Try again
        </Button>
      </p>
    );
  }
  const moved = preview.data.rows.filter((row) => row.changed);
  return (
    <div className="grid gap-1 text-sm" role="status" aria-label="Replay without this rule">
      <p>
        Without it,{" "}
        <span className="font-medium">
          {preview.data.changedTrack} of {preview.data.replayed}
        </span>{" "}
        recent changes would land on another track.
      </p>
      {moved.length > 0 && (
        <ul className="max-h-32 overflow-y-auto text-xs text-muted">
          {moved.slice(0, 10).map((row) => (
            <li key={row.id}>
              #{row.number} {row.title}: {row.currentTrack} → {row.proposedTrack}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Proposing to retire an active rule: a reason, the replay without it, and the other team's approval still to come. */
export function RuleRetirementDialog({ rule, onClose }: { rule: TRule | null; onClose: () => void }) {
  const [reason, setReason] = useState("");
  const close = () => {
    setReason("");
    onClose();
  };
  const retire = useProposeRuleRetirement();
  return (
    <Dialog
      open={rule !== null}
      onOpenChange={(open) => !open && close()}
      title={`Retire "${rule?.name ?? ""}"?`}
      description="A retirement is a proposal like any other: the rule keeps classifying until NetOps and SecOps have both approved; proposing counts as your team's approval."
    >
      {rule && (
        <form
          className="grid gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            retire.mutate({ id: rule.id, reason }, { onSuccess: close });
          }}
        >
          <ReplayWithout rule={rule} />
          <Field label="Why retire it" hint="At least 10 characters; the other team reads it before approving.">
            {(props) => <Textarea {...props} value={reason} onChange={(event) => setReason(event.target.value)} />}
          </Field>
          <DialogFooter onCancel={close} submitLabel="Propose retirement" pending={retire.isPending} disabled={reason.trim().length < 10} />
        </form>
      )}
    </Dialog>
  );
}

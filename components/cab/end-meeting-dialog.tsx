"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogFooter } from "@/components/ui/dialog";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { formErrorsOf } from "@/lib/api/client";
import { useMeetingAction, useMeetings, type TCarry } from "@/lib/cab/queries";
import type { TMeeting } from "@/lib/cab/service";
import { formatInZone } from "@/lib/organization/time-zone";
import { formatCabOutcome } from "@/lib/ui/labels";

const DEFER = "";

/** Items with no decision yet: what ending the meeting does with each is the chair's choice. */
export const undecidedItems = (meeting: TMeeting) => meeting.items.filter((item) => item.decidedIfEnded === null);

/**
 * Ending a meeting, confirmed: every undecided item is listed with what will happen to it (deferred
 * to the next meeting's agenda, or carried to the meeting the chair picks), and the decided ones
 * keep their decision. Nothing is ended until the chair confirms.
 */
export function EndMeetingDialog({
  meeting,
  open,
  onOpenChange,
}: {
  meeting: TMeeting;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const meetings = useMeetings();
  const act = useMeetingAction(meeting.id);
  const [plan, setPlan] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [sent, setSent] = useState<TCarry[]>([]);
  // The server names the entry of the plan it refuses (`carry.2.toMeetingId`): shown under that item.
  const errorOf = (itemId: string) => {
    const index = sent.findIndex((entry) => entry.itemId === itemId);
    return index < 0 ? undefined : (errors[`carry.${index}.toMeetingId`] ?? errors[`carry.${index}.itemId`]);
  };
  const undecided = undecidedItems(meeting);
  const decided = meeting.items.filter((item) => item.decidedIfEnded !== null);
  const upcoming = useMemo(
    () =>
      (meetings.data?.meetings ?? []).filter(
        (candidate) =>
          candidate.id !== meeting.id &&
          !candidate.startedAt &&
          !candidate.endedAt &&
          !candidate.pastRecord &&
          // "Still to come" as of when the list was read; the server checks again against its own clock.
          new Date(candidate.scheduledAt).getTime() > meetings.dataUpdatedAt,
      ),
    [meetings.data, meetings.dataUpdatedAt, meeting.id],
  );
  const options = [
    { value: DEFER, label: "Defer: the next meeting's agenda takes it up" },
    ...upcoming.map((candidate) => ({
      value: candidate.id,
      label: `Carry to ${candidate.title} (${formatInZone(candidate.scheduledAt, meeting.timeZone)})`,
    })),
  ];
  const end = () => {
    const carry: TCarry[] = undecided.flatMap((item) => (plan[item.id] ? [{ itemId: item.id, toMeetingId: plan[item.id]! }] : []));
    setSent(carry);
    act.mutate(
      { action: "end", carry },
      { onSuccess: () => onOpenChange(false), onError: (error) => setErrors(formErrorsOf(error, "path")) },
    );
  };
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="End the meeting?"
      className="max-w-2xl"
      description={
        undecided.length === 0
          ? "Every item on the agenda has a decision; the minutes are written when the meeting ends."
          : `${undecided.length} ${undecided.length === 1 ? "item has" : "items have"} no decision yet. Choose what happens to each; the minutes record it.`
      }
    >
      {undecided.length > 0 && (
        <ul className="grid gap-3" aria-label="Undecided items">
          {undecided.map((item) => (
            <li key={item.id} className="grid gap-1 rounded-md border border-border p-3">
              <p className="text-sm font-medium">
                #{item.change.number} {item.change.title}
                {item.retrospective ? " (emergency review)" : ""}
              </p>
              <LabelledSelect
                label={`What happens to #${item.change.number}`}
                value={plan[item.id] ?? DEFER}
                onChange={(event) => setPlan({ ...plan, [item.id]: event.target.value })}
                options={options}
                error={errorOf(item.id)}
              />
            </li>
          ))}
        </ul>
      )}
      {upcoming.length === 0 && undecided.length > 0 && (
        <p className="mt-2 text-sm text-muted">
          No meeting is scheduled yet to carry items to; schedule one on the CAB page, or let the items be deferred.
        </p>
      )}
      {decided.length > 0 && (
        <div className="mt-3">
          <h3 className="text-sm font-medium">Decided</h3>
          <ul className="mt-1 grid gap-1 text-sm text-muted" aria-label="Decided items">
            {decided.map((item) => (
              <li key={item.id}>
                #{item.change.number} {item.change.title}: {formatCabOutcome(item.decidedIfEnded)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {errors.form && (
        <p role="alert" className="mt-3 text-sm text-danger">
          {errors.form}
        </p>
      )}
      <DialogFooter className="mt-4" onCancel={() => onOpenChange(false)}>
        <Button variant="danger" onClick={end} disabled={act.isPending}>
          {act.isPending ? "Ending…" : "End meeting"}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}

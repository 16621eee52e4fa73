import type { TFieldError } from "@/lib/errors";
import { retrospectiveOutcome, type TReviewVote } from "./retrospective";

/** A meeting scheduled "now" from a minute-precision form is already a few seconds old when it arrives. */
export const SCHEDULING_GRACE_MS = 5 * 60 * 1000;

/**
 * A meeting is scheduled from now on; only a record of a meeting already held (marked so) may be
 * dated in the past, and such a record is never dated in the future.
 */
export function meetingDateRefusal(scheduledAt: Date, pastRecord: boolean, now: Date): TFieldError | null {
  const past = scheduledAt.getTime() < now.getTime() - SCHEDULING_GRACE_MS;
  if (!pastRecord && past)
    return {
      path: "scheduledAt",
      message: "is in the past: choose a time from now on, or mark the meeting as a record of a meeting already held",
    };
  if (pastRecord && scheduledAt.getTime() > now.getTime())
    return { path: "scheduledAt", message: "is in the future: a record of a meeting already held is dated when it was held" };
  return null;
}

/** The decisions an item can carry out of a meeting without further action. */
const DECIDED_STATES = ["APPROVED", "REJECTED", "NEEDS_INFO"] as const;

export type TEndItem = {
  retrospective: boolean;
  changeState: string;
  requesterId: string;
  reviews: TReviewVote[];
};

/** What ending the meeting now records for an item: its decision, or null while it is undecided. */
export function decidedOutcome(item: TEndItem): string | null {
  if (item.retrospective) return retrospectiveOutcome(item.reviews, item.requesterId);
  return (DECIDED_STATES as readonly string[]).includes(item.changeState) ? item.changeState : null;
}

export type TCarry = { itemId: string; toMeetingId: string };
export type TCarryTarget = { id: string; startedAt: Date | null; endedAt: Date | null; scheduledAt: Date; pastRecord: boolean };

/**
 * Checks the chair's plan for the undecided items: each carried item is an undecided item of this
 * meeting, named once, going to another meeting that is still to be held.
 */
export function carryRefusals(
  carry: readonly TCarry[],
  meeting: { id: string; items: ReadonlyArray<{ id: string; undecided: boolean }> },
  targets: ReadonlyMap<string, TCarryTarget>,
  now: Date,
): TFieldError[] {
  const errors: TFieldError[] = [];
  const seen = new Set<string>();
  carry.forEach((entry, index) => {
    const item = meeting.items.find((candidate) => candidate.id === entry.itemId);
    if (!item) errors.push({ path: `carry.${index}.itemId`, message: "is not an item of this meeting's agenda" });
    else if (!item.undecided)
      errors.push({ path: `carry.${index}.itemId`, message: "is already decided: only undecided items are carried" });
    else if (seen.has(entry.itemId)) errors.push({ path: `carry.${index}.itemId`, message: "is carried twice" });
    seen.add(entry.itemId);
    const target = targets.get(entry.toMeetingId);
    if (entry.toMeetingId === meeting.id)
      errors.push({ path: `carry.${index}.toMeetingId`, message: "is this meeting: carry items to another one" });
    else if (!target) errors.push({ path: `carry.${index}.toMeetingId`, message: "is not a CAB meeting" });
    else if (target.startedAt || target.endedAt || target.pastRecord || target.scheduledAt.getTime() < now.getTime())
      errors.push({ path: `carry.${index}.toMeetingId`, message: "has already been held or started: choose a meeting still to come" });
  });
  return errors;
}

import type { TChangeRecord, TTransitionRecord } from "./records";

/** A change sitting in CAB review longer than this needs leadership's attention. */
export const CAB_STALL_DAYS = 5;

export type TStalledItem = { changeId: string; number: number; title: string; since: string; days: number };

/** A change in CAB_REVIEW with the moment it last entered review (or was submitted, without transitions). */
export type TCabEntry = { changeId: string; number: number; title: string; since: string };

/** Every change now in CAB_REVIEW with when it (last) entered review, in the order of `changes`. */
export function cabReviewEntries(changes: TChangeRecord[], transitions: TTransitionRecord[]): TCabEntry[] {
  const entered = new Map<string, Date>();
  for (const transition of transitions) {
    if (transition.to !== "CAB_REVIEW") continue;
    const previous = entered.get(transition.changeId);
    if (!previous || transition.at > previous) entered.set(transition.changeId, transition.at);
  }
  return changes
    .filter((change) => change.state === "CAB_REVIEW")
    .flatMap((change) => {
      const since = entered.get(change.id) ?? change.submittedAt;
      return since ? [{ changeId: change.id, number: change.number, title: change.title, since: since.toISOString() }] : [];
    });
}

/** The entries waiting longer than the threshold at `now`, longest-waiting first. */
export function stalledFromEntries(entries: TCabEntry[], now: Date, thresholdDays = CAB_STALL_DAYS): TStalledItem[] {
  return entries
    .flatMap((entry) => {
      const days = Math.floor((now.getTime() - Date.parse(entry.since)) / 86_400_000);
      return days > thresholdDays ? [{ ...entry, days }] : [];
    })
    .sort((a, b) => b.days - a.days);
}

/**
 * Changes in CAB_REVIEW whose latest entry into review (or submission, without transitions) is
 * older than the threshold, longest-waiting first.
 */
export function stalledCabItems(
  changes: TChangeRecord[],
  transitions: TTransitionRecord[],
  now: Date,
  thresholdDays = CAB_STALL_DAYS,
): TStalledItem[] {
  return stalledFromEntries(cabReviewEntries(changes, transitions), now, thresholdDays);
}

import type { TChangeRecord, TTransitionRecord } from "./records";

/** A change sitting in CAB review longer than this needs leadership's attention. */
export const CAB_STALL_DAYS = 5;

export type TStalledItem = { changeId: string; number: number; title: string; since: string; days: number };

/**
 * Changes in CAB_REVIEW whose latest entry into review (or submission, without transitions) is
 * older than the threshold, longest-waiting first.
 */
export function stalledCabItems(changes: TChangeRecord[], transitions: TTransitionRecord[], now: Date, thresholdDays = CAB_STALL_DAYS): TStalledItem[] {
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
      if (!since) return [];
      const days = Math.floor((now.getTime() - since.getTime()) / 86_400_000);
      return days > thresholdDays ? [{ changeId: change.id, number: change.number, title: change.title, since: since.toISOString(), days }] : [];
    })
    .sort((a, b) => b.days - a.days);
}

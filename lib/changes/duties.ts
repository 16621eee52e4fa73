import type { ChangeTrack } from "@/lib/db/generated/enums.ts";

/**
 * Segregation of duties in the change workflow beyond the CAB vote: the window is part of what was
 * approved, the person who implemented a change does not verify it, and nobody sends their own
 * change back to themselves for information.
 */
export type TWindow = { start: Date; end: Date };

const show = (window: TWindow) => `${window.start.toISOString()} – ${window.end.toISOString()}`;

/**
 * Why a change approved (or pre-approved) for the window `approved` may not be scheduled in
 * `requested`, or null when it may. The window is content the approvals are bound to, so the
 * scheduled window must lie inside it; the way out is an edit, which voids the approvals and has
 * the change classified again. A change approved without a window is checked by
 * `reclassificationRefusal` instead.
 */
export function scheduleWindowRefusal(approved: TWindow | null, requested: TWindow): string | null {
  if (!approved) return null;
  const inside = requested.start.getTime() >= approved.start.getTime() && requested.end.getTime() <= approved.end.getTime();
  if (inside) return null;
  return `This change was approved for ${show(approved)}; ${show(requested)} lies outside that window. Schedule it inside the approved window, or edit the change's window: its approvals become void and it is classified again.`;
}

export type TDecidedClassification = { track: ChangeTrack; requiredApprovals: number };

const TRACK_NAMES: Record<ChangeTrack, string> = { PRE_APPROVED: "pre-approved", CAB: "for the CAB", EMERGENCY: "as an emergency" };

/**
 * A change approved without a window is classified again with the window it is scheduled in: the
 * approvals cover that window only when the classification is the one they were given on (same
 * track, no more approvals needed). Otherwise scheduling is refused and the change must be edited.
 */
export function reclassificationRefusal(
  approved: TDecidedClassification,
  withWindow: TDecidedClassification,
  requested: TWindow,
): string | null {
  if (withWindow.track === approved.track && withWindow.requiredApprovals <= approved.requiredApprovals) return null;
  return `With the window ${show(requested)} this change is classified ${TRACK_NAMES[withWindow.track]} (${withWindow.requiredApprovals} approvals), not ${TRACK_NAMES[approved.track]} (${approved.requiredApprovals}) as it was approved. Edit the change to set this window: its approvals become void and it is classified again.`;
}

/** Why this person may not verify a change that `implementerId` implemented, or null. */
export function verifierRefusal(implementerId: string | null, verifierId: string): string | null {
  return implementerId === verifierId ? "You implemented this change; someone else must verify it." : null;
}

/** Why this person may not send the change back for information, or null. */
export function infoRequestRefusal(requesterId: string, actorId: string): string | null {
  return requesterId === actorId ? "A requester cannot ask themselves for more information; edit the change instead." : null;
}

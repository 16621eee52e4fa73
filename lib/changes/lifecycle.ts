import type { ChangeState, ChangeTrack } from "@/lib/db/generated/enums.ts";

/**
 * The change workflow as a table: the only legal moves. Services look a move up here before
 * writing anything; SUBMITTED is passed through on submit, once the classifier has chosen a track.
 */
export const TRANSITIONS: Record<ChangeState, readonly ChangeState[]> = {
  DRAFT: ["SUBMITTED", "CLOSED"],
  SUBMITTED: ["PRE_APPROVED", "CAB_REVIEW", "EMERGENCY"],
  PRE_APPROVED: ["SCHEDULED", "DRAFT", "CLOSED"],
  CAB_REVIEW: ["APPROVED", "REJECTED", "NEEDS_INFO"],
  EMERGENCY: ["APPROVED", "REJECTED"],
  APPROVED: ["SCHEDULED", "CAB_REVIEW", "EMERGENCY", "CLOSED"],
  REJECTED: ["CLOSED"],
  NEEDS_INFO: ["SUBMITTED", "CLOSED"],
  SCHEDULED: ["IMPLEMENTED", "ROLLED_BACK", "APPROVED", "PRE_APPROVED"],
  IMPLEMENTED: ["VERIFIED", "ROLLED_BACK"],
  VERIFIED: ["CLOSED"],
  ROLLED_BACK: ["CLOSED"],
  CLOSED: [],
};

export const CHANGE_STATES = Object.keys(TRANSITIONS) as ChangeState[];

export function canTransition(from: ChangeState, to: ChangeState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The state a track lands in on submit. */
export function stateForTrack(track: ChangeTrack): ChangeState {
  return track === "PRE_APPROVED" ? "PRE_APPROVED" : track === "CAB" ? "CAB_REVIEW" : "EMERGENCY";
}

/** Where approval happens: the states in which votes are accepted. */
export const VOTING_STATES: readonly ChangeState[] = ["CAB_REVIEW", "EMERGENCY"];

/** The states in which the content (plans, flows, window) may still be edited. */
export const EDITABLE_STATES: readonly ChangeState[] = ["DRAFT", "NEEDS_INFO", "PRE_APPROVED", "CAB_REVIEW", "EMERGENCY", "APPROVED"];

/** The states a requester submits a change from, to be classified. */
export const SUBMITTABLE_STATES: readonly ChangeState[] = ["DRAFT", "NEEDS_INFO"];

/**
 * The state after an edit: an approved change goes back to review (its approvals are void), a
 * pre-approved one back to draft (its classification no longer describes it); others stay.
 */
export function stateAfterEdit(state: ChangeState, track: ChangeTrack | null): ChangeState {
  if (state === "PRE_APPROVED") return "DRAFT";
  if (state === "APPROVED") return track === "EMERGENCY" ? "EMERGENCY" : "CAB_REVIEW";
  return state;
}

/** Moves a person asks for by name (the rest happen as effects of submit, votes and edits). */
export const MANUAL_TRANSITIONS = [
  "schedule",
  "unschedule",
  "implement",
  "verify",
  "rollback",
  "close",
  "request-info",
  "resubmit",
] as const;
export type TManualTransition = (typeof MANUAL_TRANSITIONS)[number];

export function targetOf(action: TManualTransition, state: ChangeState, approvedTrack: ChangeTrack | null): ChangeState {
  switch (action) {
    case "schedule":
      return "SCHEDULED";
    case "unschedule":
      return approvedTrack === "PRE_APPROVED" ? "PRE_APPROVED" : "APPROVED";
    case "implement":
      return "IMPLEMENTED";
    case "verify":
      return "VERIFIED";
    case "rollback":
      return "ROLLED_BACK";
    case "close":
      return "CLOSED";
    case "request-info":
      return "NEEDS_INFO";
    case "resubmit":
      return state === "NEEDS_INFO" ? "SUBMITTED" : state;
  }
}

export const STATE_LABELS: Record<ChangeState, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  PRE_APPROVED: "Pre-approved",
  CAB_REVIEW: "CAB review",
  EMERGENCY: "Emergency",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  NEEDS_INFO: "Needs info",
  SCHEDULED: "Scheduled",
  IMPLEMENTED: "Implemented",
  VERIFIED: "Verified",
  ROLLED_BACK: "Rolled back",
  CLOSED: "Closed",
};

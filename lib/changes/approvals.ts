import type { ApprovalDecision, ChangeState, ChangeTrack, Role, Team } from "@/lib/db/generated/enums.ts";

/**
 * Segregation of duties as plain rules. A vote counts only while it is bound to the change's
 * current content hash; each person counts once; each of NetOps and SecOps must be represented.
 */
export type TVote = { userId: string; team: Team; decision: ApprovalDecision; contentHash: string; voided: boolean };
export type TVoter = { id: string; team: Team; roles: readonly Role[] };
export type TChangeForVote = {
  requesterId: string;
  state: ChangeState;
  track: ChangeTrack | null;
  contentHash: string;
  requiredApprovals: number;
  votes: readonly TVote[];
};

export const APPROVING_TEAMS: readonly Team[] = ["NETOPS", "SECOPS"];

/** The votes that still count: not voided and cast on the content as it is now. */
export function liveVotes(change: Pick<TChangeForVote, "votes" | "contentHash">): TVote[] {
  return change.votes.filter((vote) => !vote.voided && vote.contentHash === change.contentHash);
}

/** Why this person may not vote on this change now, or null when they may. */
export function voteRefusal(change: TChangeForVote, voter: TVoter): string | null {
  if (change.state !== "CAB_REVIEW" && change.state !== "EMERGENCY")
    return "Votes are taken only while a change is in CAB review or an emergency.";
  if (!voter.roles.includes("CAB_MEMBER")) return "Only CAB members approve changes.";
  if (voter.id === change.requesterId) return "A requester never approves their own change.";
  if (liveVotes(change).some((vote) => vote.userId === voter.id)) return "You have already voted on this version of the change.";
  return null;
}

export type TApprovalStatus = {
  outcome: "APPROVED" | "REJECTED" | "PENDING";
  approvers: number;
  required: number;
  teamsMissing: Team[];
};

/**
 * The decision the live votes add up to. Any live rejection rejects (either team can veto);
 * approval needs `required` distinct people, the requester never among them, and at least one
 * approver from each of NetOps and SecOps.
 */
export function approvalStatus(change: TChangeForVote): TApprovalStatus {
  const live = liveVotes(change).filter((vote) => vote.userId !== change.requesterId);
  const required = Math.max(2, change.track === "EMERGENCY" ? 2 : change.requiredApprovals);
  const approvers = new Map<string, Team>();
  for (const vote of live) if (vote.decision === "APPROVE") approvers.set(vote.userId, vote.team);
  const teams = new Set(approvers.values());
  const teamsMissing = APPROVING_TEAMS.filter((team) => !teams.has(team));
  if (live.some((vote) => vote.decision === "REJECT")) return { outcome: "REJECTED", approvers: approvers.size, required, teamsMissing };
  const approved = teamsMissing.length === 0 && approvers.size >= required;
  return { outcome: approved ? "APPROVED" : "PENDING", approvers: approvers.size, required, teamsMissing };
}

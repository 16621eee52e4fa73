import type { ApprovalDecision, Role, Team } from "@/lib/db/generated/enums.ts";

/**
 * A retrospective review of an emergency change is a CAB decision like any other: it completes
 * only with an approving CAB member of each of NetOps and SecOps, never the requester, each still
 * an active CAB member of that team when the outcome is taken. Any counted rejection rejects.
 */
export type TReviewVote = { userId: string; decision: ApprovalDecision; voter: { team: Team; roles: readonly Role[]; active: boolean } };
export type TRetrospectiveOutcome = "REVIEWED" | "REJECTED" | null;

export const REVIEW_TEAMS: readonly Team[] = ["NETOPS", "SECOPS"];

export function countedReviews(votes: readonly TReviewVote[], requesterId: string): TReviewVote[] {
  return votes.filter((vote) => vote.userId !== requesterId && vote.voter.active && vote.voter.roles.includes("CAB_MEMBER"));
}

export function retrospectiveOutcome(votes: readonly TReviewVote[], requesterId: string): TRetrospectiveOutcome {
  const counted = countedReviews(votes, requesterId);
  if (counted.some((vote) => vote.decision === "REJECT")) return "REJECTED";
  const teams = new Set(counted.filter((vote) => vote.decision === "APPROVE").map((vote) => vote.voter.team));
  return REVIEW_TEAMS.every((team) => teams.has(team)) ? "REVIEWED" : null;
}

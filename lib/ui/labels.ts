import type { Role, Team } from "@/lib/db/generated/enums.ts";

/** How the console names each team, everywhere: badges, sentences, options. */
export const TEAM_LABELS: Record<Team, string> = { NETOPS: "NetOps", SECOPS: "SecOps", LEADERSHIP: "Leadership", NONE: "No team" };

/** The teams a person can be in; only service accounts are in none. */
export const PERSON_TEAMS = ["NETOPS", "SECOPS", "LEADERSHIP"] as const;
export type TPersonTeam = (typeof PERSON_TEAMS)[number];

const ROLE_LABELS: Record<Role, string> = {
  VIEWER: "Viewer",
  CONTRIBUTOR: "Contributor",
  CAB_MEMBER: "CAB member",
  EXECUTIVE: "Executive",
  ADMIN: "Admin",
};

export function formatRole(role: Role): string {
  return ROLE_LABELS[role];
}

/** The team whose agreement a joint decision still needs once `team` has given its own. */
export function otherTeam(team: Team): "NETOPS" | "SECOPS" {
  return team === "NETOPS" ? "SECOPS" : "NETOPS";
}

/** How a change's track reads in sentences and in the minutes. */
export const TRACK_LABELS: Record<"PRE_APPROVED" | "CAB" | "EMERGENCY", string> = {
  PRE_APPROVED: "Pre-approved track",
  CAB: "CAB track",
  EMERGENCY: "Emergency track",
};

export function formatTrack(track: string | null): string {
  return track && track in TRACK_LABELS ? TRACK_LABELS[track as keyof typeof TRACK_LABELS] : "Not classified";
}

/** What a CAB meeting recorded for an agenda item, in words. */
export const CAB_OUTCOME_LABELS: Record<string, string> = {
  APPROVED: "Approved",
  REJECTED: "Rejected",
  NEEDS_INFO: "Sent back for more information",
  REVIEWED: "Reviewed and accepted",
  DEFERRED: "Deferred to the next meeting",
  CARRIED: "Carried to another meeting",
};

export function formatCabOutcome(outcome: string | null): string {
  if (!outcome) return "No decision yet";
  return CAB_OUTCOME_LABELS[outcome] ?? outcome.charAt(0) + outcome.slice(1).toLowerCase().replace(/_/g, " ");
}

export const VOTE_LABELS: Record<"APPROVE" | "REJECT", string> = { APPROVE: "Approve", REJECT: "Reject" };

export function formatTeam(team: string): string {
  return team in TEAM_LABELS ? TEAM_LABELS[team as Team] : team;
}

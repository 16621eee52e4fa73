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

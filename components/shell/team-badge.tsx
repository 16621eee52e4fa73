import type { Role, Team } from "@/lib/db/generated/enums.ts";
import { Badge } from "@/components/ui/card";

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

export function TeamBadge({ team }: { team: Team }) {
  return <Badge tone={team === "NETOPS" ? "netops" : team === "SECOPS" ? "secops" : "neutral"}>{TEAM_LABELS[team]}</Badge>;
}

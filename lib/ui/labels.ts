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

/**
 * Words for every value of the schema's enums, so no page shows an internal code (DRAFT, RESTRICTED,
 * CAB_REVIEW). A value shared by two enums (PRE_APPROVED, SERVICE) reads the same in both.
 */
export const ENUM_LABELS: Record<string, string> = {
  ...TEAM_LABELS,
  ...ROLE_LABELS,
  PERSON: "Person",
  SERVICE_ACCOUNT: "Service account",
  ACTIVE: "Active",
  DISABLED: "Disabled",
  PUBLIC: "Public",
  INTERNAL: "Internal",
  CONFIDENTIAL: "Confidential",
  RESTRICTED: "Restricted",
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  AGREED: "Agreed",
  DATA: "Data",
  APPLICATION: "Application",
  ASSET: "Asset",
  SERVICE: "Service",
  USER_GROUP: "User group",
  DEVICE: "Device",
  WORKLOAD: "Workload",
  DATASTORE: "Datastore",
  EXTERNAL: "External party",
  ZONE: "Zone",
  OBSERVED: "Observed",
  PROPOSED: "Proposed",
  APPROVED: "Approved",
  DENIED: "Denied",
  TCP: "TCP",
  UDP: "UDP",
  ICMP: "ICMP",
  ANY: "Any",
  NONE: "None",
  TLS: "TLS",
  MTLS: "mTLS",
  TOKEN: "Token",
  CERTIFICATE: "Certificate",
  MFA: "MFA",
  SUBMITTED: "Submitted",
  PRE_APPROVED: "Pre-approved",
  CAB_REVIEW: "CAB review",
  EMERGENCY: "Emergency",
  REJECTED: "Rejected",
  NEEDS_INFO: "Needs info",
  SCHEDULED: "Scheduled",
  IMPLEMENTED: "Implemented",
  VERIFIED: "Verified",
  ROLLED_BACK: "Rolled back",
  CLOSED: "Closed",
  CAB: "CAB",
  ADD: "Added",
  MODIFY: "Changed",
  REMOVE: "Removed",
  APPROVE: "Approve",
  REJECT: "Reject",
  RETIRED: "Retired",
  SUSPENDED: "Suspended",
  TRADITIONAL: "Traditional",
  INITIAL: "Initial",
  ADVANCED: "Advanced",
  OPTIMAL: "Optimal",
  HIGHER_IS_BETTER: "Higher is better",
  LOWER_IS_BETTER: "Lower is better",
  RUNNING: "Running",
  DONE: "Done",
  CANCELLED: "Cancelled",
  FAILED: "Failed",
  UNDONE: "Undone",
};

/** A code in words ("CAB_REVIEW" → "CAB review"); an unknown code is spelled out rather than shown raw. */
export function labelOf(code: string): string {
  const word = ENUM_LABELS[code];
  if (word) return word;
  const spaced = code.toLowerCase().replace(/_/g, " ");
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Codes that are words in their own right (acronyms): shown as they are, never a sign of a raw enum. */
const ACRONYMS = new Set(["TCP", "UDP", "ICMP", "TLS", "MFA", "CAB"]);

/** Every enum value a page must not show as it is stored: what the labels-not-codes test looks for. */
export const RAW_ENUM_CODES: readonly string[] = Object.keys(ENUM_LABELS).filter((code) => !ACRONYMS.has(code));

/** A value that may be a stored code (a diff's before and after): its label if it is one, else itself. */
export function labelIfCode(value: string): string {
  return value in ENUM_LABELS ? labelOf(value) : value;
}

/** Stored text that may hold codes written before they had words ("classification RESTRICTED"), in words. */
export function labelCodesIn(text: string): string {
  return text.replace(/\b[A-Z][A-Z_]*[A-Z]\b/g, (word) => (RAW_ENUM_CODES.includes(word) ? labelOf(word) : word));
}

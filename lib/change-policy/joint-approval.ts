import type { Team } from "@/lib/db/generated/enums.ts";

/** A co-authored artefact (rule or template) becomes active with one NetOps and one SecOps approval, from two different people. */
export function isJointlyApproved(approvals: ReadonlyArray<{ userId: string; team: Team }>): boolean {
  const netops = approvals.filter((approval) => approval.team === "NETOPS");
  return netops.some((net) => approvals.some((sec) => sec.team === "SECOPS" && sec.userId !== net.userId));
}

/** Why this person may not approve, or null. The author's own approval counts for their team. */
export function jointApprovalRefusal(
  approvals: ReadonlyArray<{ userId: string; team: Team }>,
  approver: { id: string; team: Team },
): string | null {
  if (approver.team !== "NETOPS" && approver.team !== "SECOPS") return "Rules and templates are approved by NetOps and SecOps people.";
  if (approvals.some((approval) => approval.userId === approver.id)) return "You have already approved this.";
  if (approvals.some((approval) => approval.team === approver.team))
    return `${approver.team === "NETOPS" ? "NetOps" : "SecOps"} has already approved; the other team must approve.`;
  return null;
}

/** Names and trace annotations shared by every target. */
import type { TApprovalTrace, TPolicyFlow, TPolicyNode, TPolicySurface } from "./model";

export const ANNOTATION_PREFIX = "concord.io";

/** A DNS-1123 name part: lower case, digits and dashes, at most `max` characters. */
export function slugOf(text: string, max = 40): string {
  const slug = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
  return slug || "x";
}

/** A stable resource name: the surface and node slugs plus a short id so renames never collide. */
export function resourceName(surface: TPolicySurface, node: TPolicyNode, suffix: string): string {
  return `concord-${slugOf(surface.name, 20)}-${slugOf(node.label, 20)}-${node.id.slice(0, 8)}-${suffix}`;
}

export function approvalText(approval: TApprovalTrace | null): string {
  if (!approval) return "approval not recorded";
  return approval.kind === "change"
    ? `change CHG-${approval.changeNumber} (${approval.changeId})`
    : `agreement of surface version ${approval.surfaceVersion}`;
}

/** Annotations every Kubernetes document carries: the surface and each flow with its approval. */
export function traceAnnotations(surface: TPolicySurface, flows: TPolicyFlow[]): Record<string, string> {
  return {
    [`${ANNOTATION_PREFIX}/surface`]: `${surface.name} (${surface.id})`,
    [`${ANNOTATION_PREFIX}/flows`]: flows.map((flow) => flow.id).join(",") || "none",
    [`${ANNOTATION_PREFIX}/approvals`]: [...new Set(flows.map((flow) => approvalText(flow.approval)))].join("; ") || "none",
  };
}

export function traceLabels(surface: TPolicySurface): Record<string, string> {
  return { "app.kubernetes.io/managed-by": "concord", [`${ANNOTATION_PREFIX}/surface-id`]: surface.id };
}

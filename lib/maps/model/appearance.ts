import type { TClassification, TEncryption, TFlowStatus, TMapEdge, TMapNode } from "./schemas";

export type TFlowWarning = { code: "unencrypted-sensitive" | "approved-unjustified"; message: string };

const SENSITIVE: ReadonlySet<TClassification> = new Set(["CONFIDENTIAL", "RESTRICTED"]);

/**
 * What a flow should make a reviewer stop at: cleartext into Confidential or Restricted data (the
 * target is a DAAS element of that classification), and explicit trust granted without a reason.
 */
export function flowWarnings(
  edge: Pick<TMapEdge, "status" | "encryption" | "justification">,
  target: Pick<TMapNode, "daasElementId"> | undefined,
  classificationOf: (elementId: string) => TClassification | undefined,
): TFlowWarning[] {
  const warnings: TFlowWarning[] = [];
  const classification = target?.daasElementId ? classificationOf(target.daasElementId) : undefined;
  if (edge.status !== "DENIED" && edge.encryption === "NONE" && classification && SENSITIVE.has(classification)) {
    warnings.push({ code: "unencrypted-sensitive", message: `Unencrypted flow into ${classification.toLowerCase()} data` });
  }
  if (edge.status === "APPROVED" && edge.justification.trim() === "") {
    warnings.push({ code: "approved-unjustified", message: "Approved without a justification" });
  }
  return warnings;
}

export type TEdgeAppearance = { stroke: string; dash: string | undefined; width: number; animated: boolean };

/** How the drawing speaks: colour by status, dashes for intent not yet trusted, weight for encryption. */
export function edgeAppearance(status: TFlowStatus, encryption: TEncryption, hasWarning: boolean): TEdgeAppearance {
  const stroke = { OBSERVED: "var(--muted)", PROPOSED: "var(--accent)", APPROVED: "var(--success)", DENIED: "var(--danger)" }[status];
  const dash = status === "PROPOSED" ? "8 5" : status === "OBSERVED" ? "2 4" : undefined;
  const width = encryption === "MTLS" ? 3 : encryption === "TLS" ? 2.25 : 1.5;
  return { stroke: hasWarning && status !== "DENIED" ? "var(--warning)" : stroke, dash, width, animated: false };
}

/** A flow's HTTP rule as one line ("POST /v1/tokens"); empty when it names neither method nor path. */
export function httpRuleText(flow: { httpMethod?: string; httpPath?: string }): string {
  return [flow.httpMethod, flow.httpPath].filter(Boolean).join(" ");
}

/** An HTTP rule longer than this is cut with an ellipsis on the label; the inspector shows it whole. */
const HTTP_LABEL_LIMIT = 28;

export function describeFlow(
  edge: Pick<TMapEdge, "protocol" | "ports" | "appProtocol" | "encryption"> & Partial<Pick<TMapEdge, "httpMethod" | "httpPath">>,
): string {
  const transport = edge.ports ? `${edge.protocol} ${edge.ports}` : edge.protocol;
  const app = edge.appProtocol ? ` ${edge.appProtocol}` : "";
  const rule = httpRuleText(edge);
  const http = rule ? ` ${rule.length > HTTP_LABEL_LIMIT ? `${rule.slice(0, HTTP_LABEL_LIMIT - 1)}…` : rule}` : "";
  const encryption = edge.encryption === "NONE" ? "" : ` · ${edge.encryption === "MTLS" ? "mTLS" : "TLS"}`;
  return `${transport}${app}${http}${encryption}`;
}

export const STATUS_LABELS: Record<TFlowStatus, string> = {
  OBSERVED: "Observed",
  PROPOSED: "Proposed",
  APPROVED: "Approved",
  DENIED: "Denied",
};
export const KIND_LABELS = {
  USER_GROUP: "User group",
  DEVICE: "Device",
  WORKLOAD: "Workload",
  SERVICE: "Service",
  DATASTORE: "Datastore",
  EXTERNAL: "External party",
  ZONE: "Zone",
} as const;

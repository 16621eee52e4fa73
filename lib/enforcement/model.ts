/**
 * What policy generation reads: one protect surface's map reduced to the fields that decide
 * enforcement. Only APPROVED flows (explicit trust, granted jointly) become allow rules; every
 * generated rule carries the ids of its flows and the decision that approved them.
 */
import type { TFlowStatus, TNodeKind, TProtocol } from "@/lib/maps/model/schemas";

export const POLICY_TARGETS = ["kubernetes", "cilium", "istio", "aws", "firewall"] as const;
export type TPolicyTarget = (typeof POLICY_TARGETS)[number];

export const POLICY_TARGET_LABELS: Record<TPolicyTarget, string> = {
  kubernetes: "Kubernetes NetworkPolicy",
  cilium: "CiliumNetworkPolicy",
  istio: "Istio AuthorizationPolicy",
  aws: "AWS security group rules",
  firewall: "Firewall rule table (CSV)",
};

/** The joint decision that made a flow APPROVED: a verified change, or both owners' agreement. */
export type TApprovalTrace = { kind: "change"; changeId: string; changeNumber: number } | { kind: "agreement"; surfaceVersion: number };

export type TPolicyNode = {
  id: string;
  kind: TNodeKind;
  label: string;
  /** Free text; `sg-…` names an AWS security group, a SPIFFE id or `ns/sa` a workload identity. */
  identity: string;
  labels: Record<string, string>;
  addresses: string[];
  /** Linked to one of the surface's DAAS elements: what the surface protects, hence default-deny. */
  protected: boolean;
};

export type TPolicyFlow = {
  id: string;
  sourceId: string;
  targetId: string;
  protocol: TProtocol;
  ports: string;
  appProtocol: string;
  /** The identity the caller must present (Istio principal), when the flow requires one. */
  principal: string;
  /** L7 HTTP: the method and the absolute path pattern the flow allows; empty or absent: any (L4 only). */
  httpMethod?: string;
  httpPath?: string;
  status: TFlowStatus;
  approval: TApprovalTrace | null;
};

export type TPolicySurface = { id: string; name: string; nodes: TPolicyNode[]; flows: TPolicyFlow[] };

/** A flow a target cannot express, and why: never dropped silently. */
export type TUnsupportedFlow = { flowId: string; reason: string };

/** One generated file: a path inside the GitOps folder and its text. */
export type TPolicyFile = { path: string; content: string };

export type TGeneratedPolicy = {
  target: TPolicyTarget;
  /** The structured documents (Kubernetes objects, AWS permission sets, table rows). */
  documents: unknown[];
  files: TPolicyFile[];
  unsupported: TUnsupportedFlow[];
};

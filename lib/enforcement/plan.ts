/**
 * The plan every workload-based target (Kubernetes, Cilium, Istio) shares: which workloads get a
 * policy and which approved flows become their ingress and egress rules.
 * - Each protected workload (linked to a DAAS element) gets one policy that denies by default in
 *   both directions; its approved flows in and out are the exceptions.
 * - A workload that is not protected but receives an approved flow from outside the surface gets
 *   nothing: restricting a peer's ingress would break traffic the surface never decided on.
 * - An approved flow that touches no protected workload is reported, not dropped.
 */
import { endpointOf, type TEndpoint } from "./endpoints";
import type { TPolicyFlow, TPolicyNode, TPolicySurface, TUnsupportedFlow } from "./model";
import { trafficOf, type TFlowTraffic } from "./ports";

export type TWorkloadEndpoint = Extract<TEndpoint, { kind: "workload" }>;
export type TPeerRule = {
  flow: TPolicyFlow;
  peerNode: TPolicyNode;
  peer: Exclude<TEndpoint, { kind: "none" }>;
  traffic: Exclude<TFlowTraffic, { kind: "invalid" }>;
};
export type TWorkloadPlan = { node: TPolicyNode; endpoint: TWorkloadEndpoint; ingress: TPeerRule[]; egress: TPeerRule[] };
export type TPolicyPlan = { workloads: TWorkloadPlan[]; unsupported: TUnsupportedFlow[] };

export function approvedFlows(surface: TPolicySurface): TPolicyFlow[] {
  return surface.flows.filter((flow) => flow.status === "APPROVED").sort((a, b) => a.id.localeCompare(b.id));
}

export function planWorkloadPolicies(surface: TPolicySurface): TPolicyPlan {
  const nodes = new Map(surface.nodes.map((node) => [node.id, node]));
  const plans = new Map<string, TWorkloadPlan>();
  for (const node of [...surface.nodes].sort((a, b) => a.id.localeCompare(b.id))) {
    const endpoint = endpointOf(node);
    if (node.protected && endpoint.kind === "workload") plans.set(node.id, { node, endpoint, ingress: [], egress: [] });
  }
  const unsupported: TUnsupportedFlow[] = [];
  for (const flow of approvedFlows(surface)) {
    const source = nodes.get(flow.sourceId);
    const target = nodes.get(flow.targetId);
    if (!source || !target) {
      unsupported.push({ flowId: flow.id, reason: "one of its ends is no longer on the map" });
      continue;
    }
    const traffic = trafficOf(flow);
    if (traffic.kind === "invalid") {
      unsupported.push({ flowId: flow.id, reason: traffic.reason });
      continue;
    }
    const into = plans.get(target.id);
    const outOf = plans.get(source.id);
    if (!into && !outOf) {
      unsupported.push({
        flowId: flow.id,
        reason: `neither "${source.label}" nor "${target.label}" is a protected workload of this surface (a workload, service or datastore with pod labels, linked to a DAAS element)`,
      });
      continue;
    }
    const sourceEndpoint = endpointOf(source);
    const targetEndpoint = endpointOf(target);
    if (into) {
      if (sourceEndpoint.kind === "none") unsupported.push({ flowId: flow.id, reason: sourceEndpoint.reason });
      else into.ingress.push({ flow, peerNode: source, peer: sourceEndpoint, traffic });
    }
    if (outOf) {
      if (targetEndpoint.kind === "none") unsupported.push({ flowId: flow.id, reason: targetEndpoint.reason });
      else outOf.egress.push({ flow, peerNode: target, peer: targetEndpoint, traffic });
    }
  }
  return { workloads: [...plans.values()], unsupported: dedupe(unsupported) };
}

/** One reason per flow and reason, in a stable order. */
/** The flow's HTTP rule (a method, and a path as a regular expression matched against the whole path), or null when it names neither. */
export function httpRuleOf(flow: TPolicyFlow): { method?: string; path?: string } | null {
  const method = flow.httpMethod?.trim() ?? "";
  const path = flow.httpPath?.trim() ?? "";
  if (!method && !path) return null;
  return { ...(method ? { method } : {}), ...(path ? { path } : {}) };
}

/**
 * The approved flows naming an HTTP method or path, for a target that matches addresses and ports
 * only: they are enforced at L4, and the reader is told so rather than left to assume more.
 */
export function l7NotEnforced(surface: TPolicySurface, target: string): TUnsupportedFlow[] {
  return approvedFlows(surface)
    .filter((flow) => httpRuleOf(flow) !== null)
    .map((flow) => ({ flowId: flow.id, reason: `${target} has no HTTP rules: enforced at L4 without the method and path` }));
}

export function dedupe(unsupported: TUnsupportedFlow[]): TUnsupportedFlow[] {
  const seen = new Set<string>();
  return unsupported
    .filter((entry) => {
      const key = `${entry.flowId}\u0000${entry.reason}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.flowId.localeCompare(b.flowId) || a.reason.localeCompare(b.reason));
}

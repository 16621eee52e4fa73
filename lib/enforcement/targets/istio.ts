/**
 * Istio AuthorizationPolicy (security.istio.io/v1): enforced by the receiving workload's proxy, so
 * it covers the ingress side only. Each protected workload gets an ALLOW policy; with no rule it
 * allows nothing (Istio's "allow-nothing"), which is the surface's default deny. Callers are named
 * by the flow's required identity (principal), else by namespace or address block.
 */
import type { TPolicySurface, TUnsupportedFlow } from "../model";
import { dedupe, httpRuleOf, planWorkloadPolicies, type TPeerRule, type TWorkloadPlan } from "../plan";
import { resourceName, traceAnnotations, traceLabels } from "../trace";

/** Istio lists ports one by one; wider ranges are reported rather than expanded into noise. */
export const MAX_EXPANDED_PORTS = 64;

function portsOf(rule: TPeerRule): string[] | null | "too-many" {
  if (rule.traffic.kind !== "l4") return null;
  if (rule.traffic.matches.some((match) => match.from === null)) return null;
  const ports: string[] = [];
  for (const match of rule.traffic.matches) {
    if (match.from === null) continue;
    for (let port = match.from; port <= match.to; port += 1) {
      ports.push(String(port));
      if (ports.length > MAX_EXPANDED_PORTS) return "too-many";
    }
  }
  return [...new Set(ports)];
}

const REGEX_SPECIAL = new Set([..."\\^$.|?*+()[]{}"]);

/** The pattern as plain text when it is one (escaped specials unescaped), else null. */
function literalOf(pattern: string): string | null {
  let text = "";
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === "\\") {
      const next = pattern[index + 1];
      if (next === undefined || !REGEX_SPECIAL.has(next)) return null;
      text += next;
      index += 1;
    } else if (REGEX_SPECIAL.has(char)) {
      return null;
    } else {
      text += char;
    }
  }
  return text;
}

/**
 * A flow's path is a regular expression matched against the whole path (Cilium's form). Istio
 * matches paths exactly, by prefix ("/v1/*") or by suffix ("*.json") and never by pattern, so
 * only patterns that say one of those translate; anything else is null.
 */
export function istioPathOf(pattern: string): string | null {
  const anchored = pattern.replace(/^\^/, "").replace(/(?<!\\)\$$/, "");
  const exact = literalOf(anchored);
  if (exact !== null) return exact;
  if (anchored.endsWith(".*")) {
    const prefix = literalOf(anchored.slice(0, -2));
    if (prefix) return `${prefix}*`;
  }
  if (anchored.startsWith(".*")) {
    const suffix = literalOf(anchored.slice(2));
    if (suffix) return `*${suffix}`;
  }
  return null;
}

/** The request part of a rule: its ports, and the flow's HTTP method and path where it names them. */
function operationOf(rule: TPeerRule, ports: string[] | null, unsupported: TUnsupportedFlow[]) {
  const http = httpRuleOf(rule.flow);
  const operation: { ports?: string[]; methods?: string[]; paths?: string[] } = {};
  if (ports) operation.ports = ports;
  if (http?.method) operation.methods = [http.method];
  if (http?.path) {
    const path = istioPathOf(http.path);
    if (path) operation.paths = [path];
    else
      unsupported.push({
        flowId: rule.flow.id,
        reason: `Istio matches paths exactly, by prefix or by suffix, not by the pattern "${http.path}": enforced without the path`,
      });
  }
  return Object.keys(operation).length > 0 ? operation : null;
}

function sourceOf(rule: TPeerRule, unsupported: TUnsupportedFlow[]): Record<string, string[]> | null {
  if (rule.flow.principal.trim()) return { principals: [rule.flow.principal.trim()] };
  if (rule.peer.kind === "workload") return { namespaces: [rule.peer.namespace] };
  if (rule.peer.hostnames.length > 0) {
    unsupported.push({
      flowId: rule.flow.id,
      reason: `Istio cannot match callers by DNS name: ${rule.peer.hostnames.join(", ")} of "${rule.peerNode.label}"`,
    });
  }
  return rule.peer.cidrs.length > 0 ? { ipBlocks: rule.peer.cidrs } : null;
}

function ruleOf(rule: TPeerRule, unsupported: TUnsupportedFlow[]) {
  if (rule.traffic.kind === "icmp") {
    unsupported.push({
      flowId: rule.flow.id,
      reason: "Istio authorization applies to TCP traffic; ICMP cannot be allowed or denied by it",
    });
    return null;
  }
  if (rule.traffic.kind === "l4" && rule.traffic.matches.some((match) => match.protocol === "UDP") && rule.flow.protocol === "UDP") {
    unsupported.push({ flowId: rule.flow.id, reason: "Istio authorization applies to TCP traffic; UDP cannot be allowed or denied by it" });
    return null;
  }
  const ports = portsOf(rule);
  if (ports === "too-many") {
    unsupported.push({ flowId: rule.flow.id, reason: `Istio lists ports one by one and this flow opens more than ${MAX_EXPANDED_PORTS}` });
    return null;
  }
  const source = sourceOf(rule, unsupported);
  if (!source) return null;
  const operation = operationOf(rule, ports, unsupported);
  return operation ? { from: [{ source }], to: [{ operation }] } : { from: [{ source }] };
}

function policyOf(surface: TPolicySurface, plan: TWorkloadPlan, unsupported: TUnsupportedFlow[]) {
  const rules = plan.ingress.map((rule) => ruleOf(rule, unsupported)).filter((rule) => rule !== null);
  return {
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: {
      name: resourceName(surface, plan.node, "authz"),
      namespace: plan.endpoint.namespace,
      labels: traceLabels(surface),
      annotations: traceAnnotations(
        surface,
        plan.ingress.map((rule) => rule.flow),
      ),
    },
    spec: { selector: { matchLabels: plan.endpoint.selector }, action: "ALLOW", ...(rules.length > 0 ? { rules } : {}) },
  };
}

export function istioPolicies(surface: TPolicySurface) {
  const plan = planWorkloadPolicies(surface);
  const unsupported = [...plan.unsupported];
  const documents = plan.workloads.map((workload) => policyOf(surface, workload, unsupported));
  // A flow out of the surface is enforced only if its receiver is one of the surface's workloads.
  const enforcedOnArrival = new Set(plan.workloads.flatMap((workload) => workload.ingress.map((rule) => rule.flow.id)));
  for (const workload of plan.workloads) {
    for (const rule of workload.egress.filter((outbound) => !enforcedOnArrival.has(outbound.flow.id))) {
      unsupported.push({
        flowId: rule.flow.id,
        reason: `Istio authorization is enforced where traffic arrives, and "${rule.peerNode.label}" is not a protected workload of this surface: the flow out of "${workload.node.label}" is not enforced by this target`,
      });
    }
  }
  return { documents, unsupported: dedupe(unsupported) };
}

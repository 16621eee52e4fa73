/**
 * CiliumNetworkPolicy (cilium.io/v2): one policy per protected workload with default deny both
 * ways; peers as endpoints (namespace-qualified labels), CIDR sets or, for egress, FQDNs; ports as
 * toPorts (port "0" means every port of the protocol); ICMP as echo; DNS egress to kube-dns with a
 * DNS rule, which toFQDNs needs to learn the names' addresses.
 */
import type { TPolicySurface, TUnsupportedFlow } from "../model";
import { dedupe, httpRuleOf, planWorkloadPolicies, type TPeerRule, type TWorkloadPlan } from "../plan";
import type { TL4Match } from "../ports";
import { resourceName, traceAnnotations, traceLabels } from "../trace";
import { KUBE_DNS } from "./kubernetes";
import { isIpv6Cidr } from "../endpoints";

const NAMESPACE_KEY = "k8s:io.kubernetes.pod.namespace";
/** Cilium accepts at most 40 ports in one toPorts entry. */
const MAX_PORTS_PER_ENTRY = 40;

function endpointSelector(namespace: string, labels: Record<string, string>) {
  return { matchLabels: { ...labels, [NAMESPACE_KEY]: namespace } };
}

export function ciliumToPorts(matches: TL4Match[]) {
  const ports = matches.map((match) => {
    if (match.from === null) return { port: "0", protocol: match.protocol };
    return match.to === match.from
      ? { port: String(match.from), protocol: match.protocol }
      : { port: String(match.from), endPort: match.to, protocol: match.protocol };
  });
  const entries = [];
  for (let index = 0; index < ports.length; index += MAX_PORTS_PER_ENTRY)
    entries.push({ ports: ports.slice(index, index + MAX_PORTS_PER_ENTRY) });
  return entries;
}

function icmpsOf(rule: TPeerRule) {
  const families = rule.peer.kind === "network" && rule.peer.cidrs.length > 0 && rule.peer.cidrs.every(isIpv6Cidr) ? ["IPv6"] : ["IPv4"];
  // A drawn ICMP flow means reachability checks: echo request (8 in IPv4, 128 in IPv6).
  return [{ fields: families.map((family) => ({ family, type: family === "IPv4" ? 8 : 128 })) }];
}

/**
 * L7 rules are parsed by Cilium's proxy on TCP ports it can redirect one by one: a flow naming a
 * method or path on anything else keeps its L4 rule and says the HTTP part is not enforced.
 */
function trafficPart(rule: TPeerRule, unsupported: TUnsupportedFlow[]): Record<string, unknown> {
  const http = httpRuleOf(rule.flow);
  const l4 = rule.traffic.kind === "l4" ? rule.traffic.matches : [];
  const l7Expressible = l4.length > 0 && l4.every((match) => match.protocol === "TCP" && match.from !== null && match.from === match.to);
  if (http && !l7Expressible)
    unsupported.push({
      flowId: rule.flow.id,
      reason: "Cilium applies HTTP method and path rules only to single TCP ports: enforced at L4 without them",
    });
  if (rule.traffic.kind === "icmp") return { icmps: icmpsOf(rule) };
  if (rule.traffic.kind === "any") return {};
  const toPorts = ciliumToPorts(rule.traffic.matches);
  if (!http || !l7Expressible) return { toPorts };
  return { toPorts: toPorts.map((entry) => ({ ...entry, rules: { http: [http] } })) };
}

function ingressRule(rule: TPeerRule, unsupported: TUnsupportedFlow[]) {
  if (rule.peer.kind === "workload")
    return { fromEndpoints: [endpointSelector(rule.peer.namespace, rule.peer.selector)], ...trafficPart(rule, unsupported) };
  if (rule.peer.hostnames.length > 0) {
    unsupported.push({
      flowId: rule.flow.id,
      reason: `Cilium cannot match incoming traffic by DNS name: ${rule.peer.hostnames.join(", ")} of "${rule.peerNode.label}"`,
    });
  }
  if (rule.peer.cidrs.length === 0) return null;
  return { fromCIDRSet: rule.peer.cidrs.map((cidr) => ({ cidr })), ...trafficPart(rule, unsupported) };
}

function fqdnSelector(hostname: string) {
  return hostname.startsWith("*.") ? { matchPattern: hostname } : { matchName: hostname };
}

function egressRules(rule: TPeerRule, unsupported: TUnsupportedFlow[]) {
  if (rule.peer.kind === "workload")
    return [{ toEndpoints: [endpointSelector(rule.peer.namespace, rule.peer.selector)], ...trafficPart(rule, unsupported) }];
  const rules: Record<string, unknown>[] = [];
  if (rule.peer.cidrs.length > 0) rules.push({ toCIDRSet: rule.peer.cidrs.map((cidr) => ({ cidr })), ...trafficPart(rule, unsupported) });
  if (rule.peer.hostnames.length > 0) rules.push({ toFQDNs: rule.peer.hostnames.map(fqdnSelector), ...trafficPart(rule, unsupported) });
  return rules;
}

const DNS_EGRESS = {
  toEndpoints: [endpointSelector(KUBE_DNS.namespace, KUBE_DNS.labels)],
  toPorts: [
    {
      ports: [
        { port: "53", protocol: "UDP" },
        { port: "53", protocol: "TCP" },
      ],
      rules: { dns: [{ matchPattern: "*" }] },
    },
  ],
};

function policyOf(surface: TPolicySurface, plan: TWorkloadPlan, unsupported: TUnsupportedFlow[]) {
  const flows = [...plan.ingress, ...plan.egress].map((rule) => rule.flow);
  return {
    apiVersion: "cilium.io/v2",
    kind: "CiliumNetworkPolicy",
    metadata: {
      name: resourceName(surface, plan.node, "cnp"),
      namespace: plan.endpoint.namespace,
      labels: traceLabels(surface),
      annotations: traceAnnotations(surface, flows),
    },
    spec: {
      description: `Concord: approved flows of "${plan.node.label}" in protect surface "${surface.name}"`,
      endpointSelector: { matchLabels: plan.endpoint.selector },
      enableDefaultDeny: { ingress: true, egress: true },
      ingress: plan.ingress.map((rule) => ingressRule(rule, unsupported)).filter((rule) => rule !== null),
      egress: [...plan.egress.flatMap((rule) => egressRules(rule, unsupported)), DNS_EGRESS],
    },
  };
}

export function ciliumPolicies(surface: TPolicySurface) {
  const plan = planWorkloadPolicies(surface);
  const unsupported = [...plan.unsupported];
  const documents = plan.workloads.map((workload) => policyOf(surface, workload, unsupported));
  return { documents, unsupported: dedupe(unsupported) };
}

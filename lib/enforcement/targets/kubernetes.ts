/**
 * Kubernetes NetworkPolicy (networking.k8s.io/v1): one policy per protected workload, with both
 * policy types so everything not listed is denied, one rule per approved flow, and DNS egress to
 * kube-dns (an egress policy would otherwise cut name resolution).
 */
import type { TWorkloadPlan, TPeerRule } from "../plan";
import type { TPolicySurface, TUnsupportedFlow } from "../model";
import { planWorkloadPolicies, dedupe, l7NotEnforced } from "../plan";
import { resourceName, traceAnnotations, traceLabels } from "../trace";
import type { TL4Match } from "../ports";

export const KUBE_DNS = { namespace: "kube-system", labels: { "k8s-app": "kube-dns" } };
const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

type TNetworkPolicyPort = { protocol: string; port?: number; endPort?: number };
type TNetworkPolicyPeer = Record<string, unknown>;

export function kubernetesPorts(matches: TL4Match[]): TNetworkPolicyPort[] {
  return matches.map((match) => {
    if (match.from === null) return { protocol: match.protocol };
    return match.to === match.from
      ? { protocol: match.protocol, port: match.from }
      : { protocol: match.protocol, port: match.from, endPort: match.to };
  });
}

function peersOf(rule: TPeerRule, unsupported: TUnsupportedFlow[]): TNetworkPolicyPeer[] {
  if (rule.peer.kind === "workload") {
    return [
      {
        namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: rule.peer.namespace } },
        podSelector: { matchLabels: rule.peer.selector },
      },
    ];
  }
  if (rule.peer.hostnames.length > 0) {
    unsupported.push({
      flowId: rule.flow.id,
      reason: `NetworkPolicy selects addresses, not DNS names: ${rule.peer.hostnames.join(", ")} of "${rule.peerNode.label}" cannot be allowed`,
    });
  }
  return rule.peer.cidrs.map((cidr) => ({ ipBlock: { cidr } }));
}

function ruleOf(rule: TPeerRule, direction: "from" | "to", unsupported: TUnsupportedFlow[]): Record<string, unknown> | null {
  if (rule.traffic.kind === "icmp") {
    unsupported.push({ flowId: rule.flow.id, reason: "NetworkPolicy cannot match ICMP (only TCP, UDP and SCTP)" });
    return null;
  }
  const peers = peersOf(rule, unsupported);
  if (peers.length === 0) return null;
  return rule.traffic.kind === "any" ? { [direction]: peers } : { [direction]: peers, ports: kubernetesPorts(rule.traffic.matches) };
}

const DNS_EGRESS = {
  to: [
    { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: KUBE_DNS.namespace } }, podSelector: { matchLabels: KUBE_DNS.labels } },
  ],
  ports: [
    { protocol: "UDP", port: 53 },
    { protocol: "TCP", port: 53 },
  ],
};

function policyOf(surface: TPolicySurface, plan: TWorkloadPlan, unsupported: TUnsupportedFlow[]) {
  const ingress = plan.ingress.map((rule) => ruleOf(rule, "from", unsupported)).filter((rule) => rule !== null);
  const egress = plan.egress.map((rule) => ruleOf(rule, "to", unsupported)).filter((rule) => rule !== null);
  const flows = [...plan.ingress, ...plan.egress].map((rule) => rule.flow);
  return {
    apiVersion: "networking.k8s.io/v1",
    kind: "NetworkPolicy",
    metadata: {
      name: resourceName(surface, plan.node, "np"),
      namespace: plan.endpoint.namespace,
      labels: traceLabels(surface),
      annotations: traceAnnotations(surface, flows),
    },
    spec: {
      podSelector: { matchLabels: plan.endpoint.selector },
      policyTypes: ["Ingress", "Egress"],
      ingress,
      egress: [...egress, DNS_EGRESS],
    },
  };
}

export function kubernetesPolicies(surface: TPolicySurface) {
  const plan = planWorkloadPolicies(surface);
  const unsupported = [...plan.unsupported];
  const documents = plan.workloads.map((workload) => policyOf(surface, workload, unsupported));
  unsupported.push(...l7NotEnforced(surface, "NetworkPolicy"));
  return { documents, unsupported: dedupe(unsupported) };
}

import type { TObservedEndpoint } from "./records";

/**
 * Kubernetes labels that change with every rollout: two pods of one workload must share a key,
 * so these never take part in it.
 */
const VOLATILE_LABELS = new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "pod-template-generation",
  "statefulset.kubernetes.io/pod-name",
]);

/** What an endpoint key stands for, kept once per surface so resolution can read it. */
export type TEndpointDetails = {
  key: string;
  address: string | null;
  hostname: string | null;
  namespace: string | null;
  labels: Record<string, string>;
};

function stableLabels(labels: Record<string, string> | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of Object.keys(labels ?? {}).sort()) {
    if (!VOLATILE_LABELS.has(name) && !name.startsWith("io.kubernetes.pod.")) kept[name] = labels![name]!;
  }
  return kept;
}

/**
 * The identity observations are aggregated under. A Kubernetes endpoint is its namespace and stable
 * labels (pods come and go, the workload stays); otherwise the address, else the name.
 */
export function endpointKey(endpoint: TObservedEndpoint): string {
  if (endpoint.namespace) {
    const labels = stableLabels(endpoint.labels);
    const selector = Object.entries(labels)
      .map(([name, value]) => `${name}=${value}`)
      .join(",");
    if (selector) return `k8s:${endpoint.namespace}/${selector}`;
    if (endpoint.service) return `k8s:${endpoint.namespace}/service=${endpoint.service}`;
    if (endpoint.pod) return `k8s:${endpoint.namespace}/pod=${endpoint.pod}`;
    return `k8s:${endpoint.namespace}/`;
  }
  if (endpoint.address) return `ip:${endpoint.address}`;
  if (endpoint.hostname) return `dns:${endpoint.hostname.toLowerCase()}`;
  return "unknown";
}

export function endpointDetails(endpoint: TObservedEndpoint): TEndpointDetails {
  return {
    key: endpointKey(endpoint),
    address: endpoint.address ?? null,
    hostname: endpoint.hostname?.toLowerCase() ?? null,
    namespace: endpoint.namespace ?? null,
    labels: endpoint.namespace ? stableLabels(endpoint.labels) : {},
  };
}

/** A short text for people: the address, the name or the workload. */
export function describeEndpointKey(key: string): string {
  const colon = key.indexOf(":");
  return colon < 0 ? key : key.slice(colon + 1);
}

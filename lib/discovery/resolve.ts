import ipaddr from "ipaddr.js";
import type { TEndpointDetails } from "./endpoints";

/** What resolution needs of a map node. */
export type TResolvableNode = { id: string; kind: string; addresses: string[]; labels: Record<string, string> };

/** The label key a node selector uses for the Kubernetes namespace. */
const NAMESPACE_LABELS = ["namespace", "k8s:io.kubernetes.pod.namespace", "io.kubernetes.pod.namespace"];

type TPrefix = { nodeId: string; range: [ipaddr.IPv4 | ipaddr.IPv6, number] };

/** An address as a number (IPv4) or bigint (IPv6), so a prefix is a shift and a map look-up. */
function addressBits(address: ipaddr.IPv4 | ipaddr.IPv6): { kind: "ipv4" | "ipv6"; bits: bigint; width: number } {
  const parts = address.kind() === "ipv4" ? (address as ipaddr.IPv4).octets : (address as ipaddr.IPv6).parts;
  const step = address.kind() === "ipv4" ? 8n : 16n;
  let bits = 0n;
  for (const part of parts) bits = (bits << step) | BigInt(part);
  return { kind: address.kind(), bits, width: address.kind() === "ipv4" ? 32 : 128 };
}

function networkKey(kind: string, bits: bigint, width: number, length: number): string {
  return `${kind}/${length}/${(bits >> BigInt(width - length)).toString(16)}`;
}

export type TEndpointResolver = {
  /** The node an endpoint belongs to, or null: it goes to the unmapped queue. */
  resolve: (endpoint: TEndpointDetails) => string | null;
};

function parseRange(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | null {
  try {
    if (text.includes("/")) {
      const [address, bits] = ipaddr.parseCIDR(text);
      return [
        address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address,
        bits,
      ];
    }
    const address = ipaddr.process(text);
    return [address, address.kind() === "ipv4" ? 32 : 128];
  } catch {
    return null;
  }
}

function hostnameMatches(pattern: string, hostname: string): boolean {
  if (pattern.startsWith("*.")) return hostname.endsWith(pattern.slice(1)) && hostname.length > pattern.length - 1;
  return pattern === hostname;
}

/**
 * Builds a resolver for one map. Addresses match the node whose address or CIDR holds them, the
 * longest prefix winning (a /32 host inside a /16 zone is the host); then hostnames (an exact name
 * before a wildcard); Kubernetes endpoints match the node whose selector labels (namespace among
 * them) are all present, the most specific selector winning. Zones are never a flow's end, so they
 * resolve nothing.
 */
export function endpointResolver(nodes: readonly TResolvableNode[]): TEndpointResolver {
  const prefixes: TPrefix[] = [];
  const exactNames = new Map<string, string>();
  const wildcardNames: Array<{ pattern: string; nodeId: string }> = [];
  const selectors: Array<{ nodeId: string; namespace: string | null; labels: Array<[string, string]> }> = [];
  for (const node of nodes) {
    if (node.kind === "ZONE") continue;
    for (const address of node.addresses) {
      const range = parseRange(address);
      if (range) prefixes.push({ nodeId: node.id, range });
      else if (address.startsWith("*.")) wildcardNames.push({ pattern: address.toLowerCase(), nodeId: node.id });
      else if (!exactNames.has(address.toLowerCase())) exactNames.set(address.toLowerCase(), node.id);
    }
    const entries = Object.entries(node.labels ?? {});
    const namespace = entries.find(([key]) => NAMESPACE_LABELS.includes(key))?.[1] ?? null;
    const labels = entries.filter(([key]) => !NAMESPACE_LABELS.includes(key));
    if (namespace || labels.length > 0) selectors.push({ nodeId: node.id, namespace, labels });
  }
  // Networks by prefix length, longest first: an address is looked up once per length in use,
  // never compared with every range of the map.
  const networks = new Map<string, string>();
  const lengths = { ipv4: new Set<number>(), ipv6: new Set<number>() };
  prefixes.sort((a, b) => b.range[1] - a.range[1]);
  for (const prefix of prefixes) {
    const { kind, bits, width } = addressBits(prefix.range[0]);
    const key = networkKey(kind, bits, width, prefix.range[1]);
    if (!networks.has(key)) networks.set(key, prefix.nodeId);
    lengths[kind].add(prefix.range[1]);
  }
  const lengthsByKind = { ipv4: [...lengths.ipv4].sort((a, b) => b - a), ipv6: [...lengths.ipv6].sort((a, b) => b - a) };
  wildcardNames.sort((a, b) => b.pattern.length - a.pattern.length);
  selectors.sort((a, b) => b.labels.length + (b.namespace ? 1 : 0) - (a.labels.length + (a.namespace ? 1 : 0)));
  const cache = new Map<string, string | null>();

  const byAddress = (text: string): string | null => {
    const cached = cache.get(text);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    try {
      const { kind, bits, width } = addressBits(ipaddr.process(text));
      for (const length of lengthsByKind[kind]) {
        const nodeId = networks.get(networkKey(kind, bits, width, length));
        if (nodeId) {
          found = nodeId;
          break;
        }
      }
    } catch {
      found = null;
    }
    cache.set(text, found);
    return found;
  };

  const byName = (hostname: string): string | null => {
    const exact = exactNames.get(hostname);
    if (exact) return exact;
    return wildcardNames.find((entry) => hostnameMatches(entry.pattern, hostname))?.nodeId ?? null;
  };

  const byLabels = (endpoint: TEndpointDetails): string | null => {
    if (!endpoint.namespace) return null;
    for (const selector of selectors) {
      if (selector.namespace && selector.namespace !== endpoint.namespace) continue;
      // A selector of labels only, without a namespace, still needs at least one label to match.
      if (!selector.namespace && selector.labels.length === 0) continue;
      if (selector.labels.every(([key, value]) => endpoint.labels[key] === value)) return selector.nodeId;
    }
    return null;
  };

  return {
    resolve: (endpoint) =>
      byLabels(endpoint) ??
      (endpoint.address ? byAddress(endpoint.address) : null) ??
      (endpoint.hostname ? byName(endpoint.hostname) : null),
  };
}

/**
 * The unmapped queue groups what no node claims: IPv4 by /24, IPv6 by /64, Kubernetes endpoints by
 * namespace, names by their parent domain.
 */
export function unmappedGroup(endpoint: TEndpointDetails): string {
  if (endpoint.namespace) return `namespace ${endpoint.namespace}`;
  if (endpoint.address) {
    try {
      const address = ipaddr.process(endpoint.address);
      if (address.kind() === "ipv4") {
        const octets = (address as ipaddr.IPv4).octets;
        return `${octets[0]}.${octets[1]}.${octets[2]}.0/24`;
      }
      const parts = (address as ipaddr.IPv6).parts;
      const network = new ipaddr.IPv6([parts[0]!, parts[1]!, parts[2]!, parts[3]!, 0, 0, 0, 0]);
      return `${network.toString()}/64`;
    } catch {
      return endpoint.address;
    }
  }
  if (endpoint.hostname) {
    const labels = endpoint.hostname.split(".");
    return labels.length > 2 ? `*.${labels.slice(1).join(".")}` : endpoint.hostname;
  }
  return "unknown";
}

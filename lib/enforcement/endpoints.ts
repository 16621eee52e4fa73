/**
 * How a map node becomes something an enforcement point can select:
 * - a workload, service or datastore node with labels is a Kubernetes workload; the `namespace` label names its
 *   namespace (default "default") and the other labels are its pod selector;
 * - otherwise its addresses: IPs and CIDRs become address blocks (an IP is its /32 or /128),
 *   hostnames become DNS names (a leading "*." is a wildcard);
 * - a node with neither cannot be selected, and every flow touching it says so.
 */
import ipaddr from "ipaddr.js";
import type { TPolicyNode } from "./model";

export const NAMESPACE_LABEL = "namespace";
export const DEFAULT_NAMESPACE = "default";
const WORKLOAD_KINDS = new Set<TPolicyNode["kind"]>(["WORKLOAD", "SERVICE", "DATASTORE"]);

export type TEndpoint =
  | { kind: "workload"; namespace: string; selector: Record<string, string> }
  | { kind: "network"; cidrs: string[]; hostnames: string[] }
  | { kind: "none"; reason: string };

/** Canonical CIDR text of an address or block, or null when it is a hostname. */
export function cidrOf(address: string): string | null {
  const text = address.trim();
  try {
    if (text.includes("/")) {
      const [ip, bits] = ipaddr.parseCIDR(text);
      // The network address, so "10.1.2.3/24" and "10.1.2.0/24" generate the same rule.
      const network = ip.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
      return `${network.toString()}/${bits}`;
    }
    const ip = ipaddr.parse(text);
    return `${ip.toString()}/${ip.kind() === "ipv4" ? 32 : 128}`;
  } catch {
    return null;
  }
}

export function isIpv6Cidr(cidr: string): boolean {
  return cidr.includes(":");
}

export function endpointOf(node: TPolicyNode): TEndpoint {
  const selector = Object.fromEntries(Object.entries(node.labels).filter(([key]) => key !== NAMESPACE_LABEL));
  // People, devices and external systems carry labels for the map's sake, never pod labels.
  // A namespace label alone stands for every pod of that namespace (what a namespace-wide rule reads as).
  if (WORKLOAD_KINDS.has(node.kind) && (Object.keys(selector).length > 0 || node.labels[NAMESPACE_LABEL])) {
    return { kind: "workload", namespace: node.labels[NAMESPACE_LABEL] || DEFAULT_NAMESPACE, selector };
  }
  const cidrs: string[] = [];
  const hostnames: string[] = [];
  for (const address of node.addresses) {
    const cidr = cidrOf(address);
    if (cidr) cidrs.push(cidr);
    else hostnames.push(address.trim().toLowerCase());
  }
  if (cidrs.length + hostnames.length > 0) return { kind: "network", cidrs: unique(cidrs), hostnames: unique(hostnames) };
  const reason = WORKLOAD_KINDS.has(node.kind)
    ? `"${node.label}" has neither pod labels nor addresses, so no rule can select it`
    : `"${node.label}" is selected by its addresses (people, devices and external systems carry no pod labels), and it has none`;
  return { kind: "none", reason };
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

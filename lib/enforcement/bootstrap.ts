/**
 * Bootstrap from existing policy: what deployed NetworkPolicy, Cilium or Istio documents allow,
 * as a map file whose flows are all PROPOSED, imported through the map's one write path. A team
 * that already enforces something starts from it; approving those flows stays a joint decision.
 */
import { MAP_DOCUMENT_FORMAT, type TMapDocument } from "@/lib/maps/model/document";
import { peerKey, workloadKey, type TAccess, type TAccessPeer, type TWorkloadRef } from "./access";
import { NAMESPACE_LABEL } from "./endpoints";
import { normalizePorts } from "@/lib/maps/model/ports";

type TDocumentNode = TMapDocument["nodes"][number];
type TDocumentEdge = TMapDocument["edges"][number];

const PRINCIPAL_PREFIX = "principal:";
const COLUMN_WIDTH = 280;

function labelOfWorkload(ref: TWorkloadRef): string {
  const app = ref.selector.app ?? ref.selector["app.kubernetes.io/name"] ?? Object.values(ref.selector)[0];
  return app ? `${app} (${ref.namespace})` : `all pods in ${ref.namespace}`;
}

function nodeOf(peer: TAccessPeer | ({ kind: "workload" } & TWorkloadRef), id: string): TDocumentNode {
  const base = {
    id,
    identity: "",
    labels: {},
    addresses: [],
    zoneId: null,
    environment: "",
    notes: "Imported from deployed policy.",
    daasElementId: null,
    x: 0,
    y: 0,
    width: null,
    height: null,
  };
  if (peer.kind === "workload" && peer.namespace.startsWith(PRINCIPAL_PREFIX)) {
    const principal = peer.namespace.slice(PRINCIPAL_PREFIX.length);
    return { ...base, kind: "WORKLOAD", label: principal.split("/").slice(-1)[0] || principal, identity: principal };
  }
  if (peer.kind === "workload")
    return { ...base, kind: "WORKLOAD", label: labelOfWorkload(peer), labels: { ...peer.selector, [NAMESPACE_LABEL]: peer.namespace } };
  if (peer.kind === "cidr") return { ...base, kind: "EXTERNAL", label: peer.cidr, addresses: [peer.cidr] };
  if (peer.kind === "fqdn") return { ...base, kind: "EXTERNAL", label: peer.name, addresses: [peer.name] };
  return { ...base, kind: "EXTERNAL", label: "Anywhere" };
}

function portText(entries: TAccess[]): string {
  if (entries.some((entry) => entry.from === null)) return "";
  return normalizePorts(entries.map((entry) => (entry.from === entry.to ? String(entry.from) : `${entry.from}-${entry.to}`)).join(","));
}

/**
 * One node per distinct workload, address block or name; one PROPOSED flow per direction of
 * traffic, pair and protocol with its ports merged. The same flow read from both ends (ingress on
 * the receiver, egress on the sender) is one flow. A peer of "any" is not a flow: it is skipped
 * and returned, since an allow-all rule is exactly what a Zero Trust map replaces.
 */
export function mapFromAccess(access: TAccess[]): { document: TMapDocument; skipped: TAccess[] } {
  const nodes = new Map<string, TDocumentNode>();
  const nodeId = (key: string, make: () => TDocumentNode) => {
    if (!nodes.has(key)) nodes.set(key, make());
    return nodes.get(key)!.id;
  };
  const skipped: TAccess[] = [];
  const flows = new Map<
    string,
    { sourceId: string; targetId: string; protocol: TAccess["protocol"]; principal: string; entries: TAccess[] }
  >();
  for (const entry of access) {
    if (entry.peer.kind === "any") {
      skipped.push(entry);
      continue;
    }
    const subjectKey = `workload:${workloadKey(entry.subject)}`;
    const subjectId = nodeId(subjectKey, () => nodeOf({ kind: "workload", ...entry.subject }, `n${nodes.size + 1}`));
    const peerId = nodeId(peerKey(entry.peer), () => nodeOf(entry.peer, `n${nodes.size + 1}`));
    const [sourceId, targetId] = entry.direction === "ingress" ? [peerId, subjectId] : [subjectId, peerId];
    const principal =
      entry.peer.kind === "workload" && entry.peer.namespace.startsWith(PRINCIPAL_PREFIX)
        ? entry.peer.namespace.slice(PRINCIPAL_PREFIX.length)
        : "";
    const key = `${sourceId}>${targetId}>${entry.protocol}>${principal}`;
    const flow = flows.get(key) ?? { sourceId, targetId, protocol: entry.protocol, principal, entries: [] };
    flow.entries.push(entry);
    flows.set(key, flow);
  }
  const placed = [...nodes.values()].map((node, index) => ({ ...node, x: (index % 4) * COLUMN_WIDTH, y: Math.floor(index / 4) * 160 }));
  const edges: TDocumentEdge[] = [...flows.values()].map((flow) => ({
    sourceId: flow.sourceId,
    targetId: flow.targetId,
    protocol: flow.protocol,
    ports: flow.protocol === "ICMP" || flow.protocol === "ANY" ? "" : portText(flow.entries),
    appProtocol: "",
    principal: flow.principal,
    httpMethod: "",
    httpPath: "",
    encryption: "NONE",
    authentication: "NONE",
    status: "PROPOSED",
    justification: `Allowed by deployed policy ${[...new Set(flow.entries.map((entry) => entry.origin.name))].join(", ")}`.slice(0, 2000),
    ownerId: null,
    statementId: null,
    connections: null,
    bytes: null,
    firstSeen: null,
    lastSeen: null,
  }));
  return { document: { format: MAP_DOCUMENT_FORMAT, version: 1, nodes: placed, edges }, skipped };
}

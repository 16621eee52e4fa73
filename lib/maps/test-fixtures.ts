import type { TFlowMap, TMapEdge, TMapNode } from "./model/schemas";

/** Small maps for the unit tests of the canvas conversion. */
export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
export const baseNode = (n: number, overrides: Partial<TMapNode> = {}): TMapNode => ({
  id: id(n),
  kind: "WORKLOAD",
  label: `node ${n}`,
  identity: "",
  labels: {},
  addresses: [],
  zoneId: null,
  environment: "",
  notes: "",
  daasElementId: null,
  x: 0,
  y: 0,
  width: null,
  height: null,
  version: 1,
  ...overrides,
});
export const baseEdge = (n: number, source: number, target: number, overrides: Partial<TMapEdge> = {}): TMapEdge => ({
  id: id(n),
  sourceId: id(source),
  targetId: id(target),
  protocol: "TCP",
  ports: "443",
  appProtocol: "HTTPS",
  principal: "",
  httpMethod: "",
  httpPath: "",
  encryption: "TLS",
  authentication: "NONE",
  status: "APPROVED",
  justification: "needed",
  ownerId: null,
  statementId: null,
  connections: null,
  bytes: null,
  firstSeen: null,
  lastSeen: null,
  version: 1,
  ...overrides,
});
export const elementId = id(900);

export function map(nodes: TMapNode[], edges: TMapEdge[]): Pick<TFlowMap, "nodes" | "edges" | "elements" | "surface"> {
  return {
    nodes,
    edges,
    elements: [{ id: elementId, type: "DATA", name: "Card vault", classification: "RESTRICTED" }],
    surface: { id: id(999), name: "Card payments", classification: "RESTRICTED", status: "AGREED" },
  };
}

/** A drawn flow as a person proposes it (no application protocol or justification yet) between two nodes. */
export const proposedEdge = (n: number, source: TMapNode, target: TMapNode, overrides: Partial<TMapEdge> = {}): TMapEdge =>
  baseEdge(n, 0, 0, { sourceId: source.id, targetId: target.id, appProtocol: "", status: "PROPOSED", justification: "", ...overrides });

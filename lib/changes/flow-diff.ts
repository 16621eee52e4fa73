import { describeFlow } from "@/lib/maps/model/appearance";
import { orderParentsFirst } from "@/lib/maps/model/geometry";
import type { TMapEdge, TMapNode } from "@/lib/maps/model/schemas";
import { toFlowSnapshot } from "./flow-snapshot";
import type { TFlowSnapshot } from "@/lib/change-policy/types";
import type { TStoredOperation } from "./snapshot";

export type TDiffMark = "added" | "changed" | "removed" | "unchanged";

/** The flow attributes a change can alter, in the order a reader scans them. */
const COMPARED = [
  "protocol",
  "ports",
  "appProtocol",
  "httpMethod",
  "httpPath",
  "encryption",
  "authentication",
  "justification",
] as const satisfies ReadonlyArray<keyof TFlowSnapshot>;
export type TChangedField = (typeof COMPARED)[number];
export const FIELD_LABELS: Record<TChangedField, string> = {
  protocol: "protocol",
  ports: "ports",
  appProtocol: "application protocol",
  httpMethod: "HTTP method",
  httpPath: "HTTP path",
  encryption: "encryption",
  authentication: "authentication",
  justification: "justification",
};

/** Maps with up to this many nodes (zones aside) are drawn whole; larger ones only around the flows the change touches. */
export const WHOLE_MAP_LIMIT = 12;

export type TDiffEdge = { id: string; sourceId: string; targetId: string; mark: TDiffMark; label: string; changedFields: TChangedField[] };
/** An operation the map cannot show: its flow (or, for a new flow, an end point) is gone from the map. */
export type TMissingFlow = { kind: TStoredOperation["kind"]; flow: string };
/**
 * The nodes both sides draw (stored nodes, zones before their members, at their stored positions),
 * each side's flows, and the end points of the flows the change touches, which the view opens on.
 */
export type TFlowDiff = {
  nodes: TMapNode[];
  focus: string[];
  before: TDiffEdge[];
  after: TDiffEdge[];
  missing: TMissingFlow[];
  trimmed: boolean;
};

type TOperation = Pick<TStoredOperation, "kind" | "edgeId" | "before" | "after">;

/** An HTTP field a record leaves out reads as empty (any), so older records compare like newer ones. */
export function changedFields(before: TFlowSnapshot | null, after: TFlowSnapshot | null): TChangedField[] {
  if (!before || !after) return [];
  return COMPARED.filter((field) => (before[field] ?? "") !== (after[field] ?? ""));
}

const snapshotOf = (edge: TMapEdge, labels: ReadonlyMap<string, string>): TFlowSnapshot =>
  toFlowSnapshot(edge, { source: labels.get(edge.sourceId) ?? "", target: labels.get(edge.targetId) ?? "" });

/**
 * What a change does to one surface's map, as two drawings of the stored map. A small map
 * is drawn whole; a large one keeps the touched flows' end points, the other flows between them and
 * the zones around them, so the diff stays readable. `applied` says the map already carries the
 * change (it was verified), so "before" is rebuilt from the operations' records instead of "after".
 */
export function flowDiff(map: { nodes: TMapNode[]; edges: TMapEdge[] }, operations: TOperation[], applied: boolean): TFlowDiff {
  const nodesById = new Map(map.nodes.map((node) => [node.id, node]));
  const labels = new Map(map.nodes.map((node) => [node.id, node.label]));
  const edgesById = new Map(map.edges.map((edge) => [edge.id, edge]));
  const before = new Map<string, TDiffEdge>();
  const after = new Map<string, TDiffEdge>();
  const touched = new Set<string>();
  const missing: TMissingFlow[] = [];
  const addEdge = (side: Map<string, TDiffEdge>, id: string, flow: TFlowSnapshot, mark: TDiffMark, fields: TChangedField[] = []) => {
    touched.add(flow.sourceId).add(flow.targetId);
    side.set(id, { id, sourceId: flow.sourceId, targetId: flow.targetId, mark, label: describeFlow(flow), changedFields: fields });
  };
  operations.forEach((operation, index) => {
    const recorded = operation.before ?? operation.after;
    const gone = () => {
      missing.push({ kind: operation.kind, flow: recorded ? `${recorded.sourceLabel} → ${recorded.targetLabel}` : "a flow" });
    };
    if (operation.kind === "ADD") {
      if (!operation.after || !nodesById.has(operation.after.sourceId) || !nodesById.has(operation.after.targetId)) return gone();
      addEdge(after, operation.edgeId ?? `added-${index}`, operation.after, "added");
      return;
    }
    const current = operation.edgeId ? edgesById.get(operation.edgeId) : undefined;
    const was = applied ? operation.before : current ? snapshotOf(current, labels) : null;
    if (!operation.edgeId || !was || !nodesById.has(was.sourceId) || !nodesById.has(was.targetId)) return gone();
    if (operation.kind === "REMOVE") return addEdge(before, operation.edgeId, was, "removed");
    const becomes = applied && current ? snapshotOf(current, labels) : operation.after;
    if (!becomes) return gone();
    const fields = changedFields(was, becomes);
    addEdge(before, operation.edgeId, was, "changed", fields);
    addEdge(after, operation.edgeId, becomes, "changed", fields);
  });

  const flowNodes = map.nodes.filter((node) => node.kind !== "ZONE");
  const trimmed = flowNodes.length > WHOLE_MAP_LIMIT;
  const shown = new Set(trimmed ? touched : map.nodes.map((node) => node.id));
  // Context: the map's other flows among the shown nodes, the same on both sides.
  for (const edge of map.edges) {
    if (before.has(edge.id) || after.has(edge.id) || !shown.has(edge.sourceId) || !shown.has(edge.targetId)) continue;
    const context: TDiffEdge = {
      id: edge.id,
      sourceId: edge.sourceId,
      targetId: edge.targetId,
      mark: "unchanged",
      label: describeFlow(edge),
      changedFields: [],
    };
    before.set(edge.id, context);
    after.set(edge.id, context);
  }
  // The zones around every shown node, so trust boundaries crossed by a flow stay visible.
  for (const id of [...shown]) {
    for (let zoneId = nodesById.get(id)?.zoneId; zoneId && !shown.has(zoneId); zoneId = nodesById.get(zoneId)?.zoneId) shown.add(zoneId);
  }
  const nodes = orderParentsFirst(map.nodes.filter((node) => shown.has(node.id)));
  return { nodes, focus: [...touched], before: [...before.values()], after: [...after.values()], missing, trimmed };
}

/** A change's operations grouped by the surface whose map they alter, in the change's surface order. */
export function operationsBySurface<TSurface extends { id: string }, TOp extends { surfaceId: string }>(
  surfaces: TSurface[],
  operations: TOp[],
): Array<{ surface: TSurface; operations: TOp[] }> {
  return surfaces
    .map((surface) => ({ surface, operations: operations.filter((operation) => operation.surfaceId === surface.id) }))
    .filter((entry) => entry.operations.length > 0);
}

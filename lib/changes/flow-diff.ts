import { absolutePosition } from "@/lib/maps/convert";
import type { TMapEdge, TMapNode } from "@/lib/maps/schemas";
import { toFlowSnapshot } from "./flow-snapshot";
import type { TFlowSnapshot, TStoredOperation } from "./snapshot";

export type TDiffMark = "added" | "changed" | "removed" | "unchanged";

export type TDiffNode = { id: string; label: string; kind: TMapNode["kind"]; x: number; y: number; touched: boolean };
export type TDiffEdge = { id: string; sourceId: string; targetId: string; mark: TDiffMark; label: string; changedFields: string[] };
export type TDiffSide = { nodes: TDiffNode[]; edges: TDiffEdge[] };
export type TFlowDiff = { before: TDiffSide; after: TDiffSide; missing: string[] };

type TOperation = Pick<TStoredOperation, "kind" | "edgeId" | "before" | "after">;

/** The flow attributes a change can alter, in the order a reader scans them. */
const COMPARED: Array<keyof TFlowSnapshot> = ["protocol", "ports", "appProtocol", "encryption", "authentication", "justification"];

export const flowLabel = (flow: Pick<TFlowSnapshot, "protocol" | "ports" | "encryption">) => `${flow.protocol}${flow.ports ? `/${flow.ports}` : ""} · ${flow.encryption}`;

export function changedFields(before: TFlowSnapshot | null, after: TFlowSnapshot | null): string[] {
  if (!before || !after) return [];
  return COMPARED.filter((field) => before[field] !== after[field]);
}

const snapshotOf = (edge: TMapEdge, labels: ReadonlyMap<string, string>): TFlowSnapshot =>
  toFlowSnapshot(edge, { source: labels.get(edge.sourceId) ?? "", target: labels.get(edge.targetId) ?? "" });

/**
 * What a change does to one surface's map, as two drawings: the touched flows and their end points,
 * plus the map's other flows between those end points for context (zones and unrelated parts of a
 * large map are left out). `applied` says the map already carries the change (it was verified), so
 * "before" is rebuilt from the operations' records instead of "after".
 */
export function flowDiff(map: { nodes: TMapNode[]; edges: TMapEdge[] }, operations: TOperation[], applied: boolean): TFlowDiff {
  const nodesById = new Map(map.nodes.map((node) => [node.id, node]));
  const labels = new Map(map.nodes.map((node) => [node.id, node.label]));
  const edgesById = new Map(map.edges.map((edge) => [edge.id, edge]));
  const before = new Map<string, TDiffEdge>();
  const after = new Map<string, TDiffEdge>();
  const touched = new Set<string>();
  const missing: string[] = [];
  const addEdge = (side: Map<string, TDiffEdge>, id: string, flow: TFlowSnapshot, mark: TDiffMark, fields: string[] = []) => {
    touched.add(flow.sourceId).add(flow.targetId);
    side.set(id, { id, sourceId: flow.sourceId, targetId: flow.targetId, mark, label: flowLabel(flow), changedFields: fields });
  };
  operations.forEach((operation, index) => {
    const current = operation.edgeId ? edgesById.get(operation.edgeId) : undefined;
    const id = operation.edgeId ?? `added-${index}`;
    if (operation.kind === "ADD" && operation.after) {
      addEdge(after, id, operation.after, "added");
      return;
    }
    const was = applied ? operation.before : current ? snapshotOf(current, labels) : operation.before;
    const becomes = operation.kind === "MODIFY" ? (applied && current ? snapshotOf(current, labels) : operation.after) : null;
    if (!was || (!applied && !current)) {
      const flow = operation.before ?? operation.after;
      missing.push(flow ? `${flow.sourceLabel} → ${flow.targetLabel}` : "a flow");
      return;
    }
    if (operation.kind === "REMOVE") addEdge(before, id, was, "removed");
    else if (becomes) {
      const fields = changedFields(was, becomes);
      addEdge(before, id, was, "changed", fields);
      addEdge(after, id, becomes, "changed", fields);
    }
  });
  // Context: the map's other flows between the nodes the change touches, the same on both sides.
  for (const edge of map.edges) {
    if (before.has(edge.id) || after.has(edge.id) || !touched.has(edge.sourceId) || !touched.has(edge.targetId)) continue;
    const context: TDiffEdge = { id: edge.id, sourceId: edge.sourceId, targetId: edge.targetId, mark: "unchanged", label: flowLabel(edge), changedFields: [] };
    before.set(edge.id, context);
    after.set(edge.id, context);
  }
  const nodes: TDiffNode[] = [...touched].flatMap((id) => {
    const node = nodesById.get(id);
    return node ? [{ id, label: node.label, kind: node.kind, ...absolutePosition(node, nodesById), touched: true }] : [];
  });
  const drawable = (edges: Map<string, TDiffEdge>) => [...edges.values()].filter((edge) => nodesById.has(edge.sourceId) && nodesById.has(edge.targetId));
  return { before: { nodes, edges: drawable(before) }, after: { nodes, edges: drawable(after) }, missing };
}

import type { TFlowEdgeData, TFlowNodeData, TRfEdge, TRfNode } from "./to-react-flow";
import type { TMapNode } from "../model/schemas";

/**
 * Every map update (an edit, a live event, a layout) is converted to React Flow nodes and edges
 * afresh. React Flow redraws a node or edge whose object changed, so these merges hand back the
 * previous object wherever nothing it shows has changed: a layout that moves 500 nodes then redraws
 * what moved, once, and the save and live confirmations that follow redraw nothing.
 */

/** Fields of a node the canvas takes from the React Flow node itself, not from its data. */
const PLACEMENT_FIELDS: ReadonlySet<string> = new Set(["x", "y", "version"]);

function sameValue(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  return JSON.stringify(left) === JSON.stringify(right);
}

function sameNodeLook(previous: TMapNode, next: TMapNode): boolean {
  if (previous === next) return true;
  for (const key of Object.keys(next) as Array<keyof TMapNode>) {
    if (!PLACEMENT_FIELDS.has(key) && !sameValue(previous[key], next[key])) return false;
  }
  return true;
}

const sameEditors = (left: TFlowNodeData["editors"], right: TFlowNodeData["editors"]) =>
  left.length === right.length && left.every((editor, index) => editor.name === right[index]!.name && editor.team === right[index]!.team);

/** The data a node is drawn from; its node's position and version may be older than the map's (positions live on the React Flow node). */
export function sameNodeData(previous: TFlowNodeData, next: TFlowNodeData): boolean {
  return (
    previous.dimmed === next.dimmed &&
    previous.readOnly === next.readOnly &&
    sameValue(previous.element, next.element) &&
    sameEditors(previous.editors, next.editors) &&
    sameNodeLook(previous.node, next.node)
  );
}

export function sameEdgeData(previous: TFlowEdgeData, next: TFlowEdgeData): boolean {
  return (
    (previous.edge === next.edge || sameValue(previous.edge, next.edge)) &&
    previous.label === next.label &&
    previous.description === next.description &&
    previous.dimmed === next.dimmed &&
    sameEditors(previous.editors, next.editors) &&
    previous.warnings.map((warning) => warning.message).join("\n") === next.warnings.map((warning) => warning.message).join("\n")
  );
}

function sameShallow(left: object, right: object): boolean {
  const a = left as Record<string, unknown>;
  const b = right as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const value = a[key];
    const other = b[key];
    if (value === other) continue;
    // Positions and measured sizes are small objects that React Flow and the converter each create anew.
    if ((key === "position" || key === "measured") && sameValue(value, other)) continue;
    return false;
  }
  return true;
}

function isFlowData(node: TRfNode): node is Extract<TRfNode, { type?: "flowNode" | "zone" }> {
  return node.type === "flowNode" || node.type === "zone";
}

/**
 * The previous list itself when every element of the next one is the previous object at the same
 * place: React Flow then has nothing to take in (a new list, even of the same objects, makes it
 * re-index every node or flow and re-run every selector).
 */
function keepUnchanged<T>(merged: T[], previous: T[]): T[] {
  return merged.length === previous.length && merged.every((item, index) => item === previous[index]) ? previous : merged;
}

/**
 * The converted nodes, keeping what React Flow owns (selection, measured size, a drag or resize in
 * progress) and the previous object of every node that looks the same.
 */
export function mergeNodes(next: TRfNode[], previous: TRfNode[]): TRfNode[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  const merged = next.map((node) => {
    const old = byId.get(node.id);
    if (!old) return node;
    const data = isFlowData(node) && isFlowData(old) && sameNodeData(old.data, node.data) ? old.data : node.data;
    const candidate = {
      ...node,
      data,
      selected: Boolean(old.selected),
      ...(old.measured ? { measured: old.measured } : {}),
      ...(old.dragging ? { position: old.position, dragging: true } : {}),
      ...(old.resizing ? { width: old.width, height: old.height, resizing: true } : {}),
    } as TRfNode;
    return sameShallow(candidate, old) ? old : candidate;
  });
  return keepUnchanged(merged, previous);
}

/** The converted edges, keeping the selection and the previous object of every edge that looks the same. */
export function mergeEdges(next: TRfEdge[], previous: TRfEdge[]): TRfEdge[] {
  const byId = new Map(previous.map((edge) => [edge.id, edge]));
  const merged = next.map((edge) => {
    const old = byId.get(edge.id);
    if (!old) return edge;
    const data = old.data && edge.data && sameEdgeData(old.data, edge.data) ? old.data : edge.data;
    const candidate: TRfEdge = { ...edge, data, selected: Boolean(old.selected) };
    return sameShallow(candidate, old) ? old : candidate;
  });
  return keepUnchanged(merged, previous);
}

/** Moves nodes to new positions (and zones to new sizes), leaving every other node object as it was. */
export function placeNodes(
  nodes: TRfNode[],
  placements: ReadonlyMap<string, { x?: number; y?: number; width?: number | null; height?: number | null }>,
): TRfNode[] {
  return nodes.map((node) => {
    const place = placements.get(node.id);
    if (!place) return node;
    return {
      ...node,
      position: { x: place.x ?? node.position.x, y: place.y ?? node.position.y },
      ...(typeof place.width === "number" ? { width: place.width } : {}),
      ...(typeof place.height === "number" ? { height: place.height } : {}),
    } as TRfNode;
  });
}

/**
 * The nodes or flows with `selected` set by `isSelected`, keeping every object whose selection does
 * not change (React Flow then redraws only what did).
 */
export function withSelection<T extends { id: string; selected?: boolean }>(items: T[], isSelected: (item: T) => boolean): T[] {
  return items.map((item) => (Boolean(item.selected) === isSelected(item) ? item : { ...item, selected: isSelected(item) }));
}

/**
 * The flows without the last `hidden` of the list (the map editor's flow curtain); a selected flow
 * stays, so the selection and its inspector outlive a layout. With nothing hidden, the list itself.
 */
export function withoutLastFlows<T extends { id: string; selected?: boolean }>(edges: T[], hidden: number): T[] {
  if (hidden <= 0) return edges;
  const kept = edges.length - hidden;
  return edges.filter((edge, index) => index < kept || edge.selected);
}

import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import { sizeOf } from "./convert";
import type { TMapEdge, TMapNode, TMapOperation } from "./schemas";

const ZONE_PADDING = "[top=44,left=24,bottom=24,right=24]";

/** The map as an ELK graph: zones are compound nodes holding their members, flows left to right. */
export function toElkGraph(nodes: TMapNode[], edges: TMapEdge[]): ElkNode {
  const ids = new Set(nodes.map((node) => node.id));
  const children = new Map<string | null, TMapNode[]>();
  for (const node of nodes) {
    const parent = node.zoneId && ids.has(node.zoneId) ? node.zoneId : null;
    const siblings = children.get(parent);
    if (siblings) siblings.push(node);
    else children.set(parent, [node]);
  }
  const build = (node: TMapNode): ElkNode => {
    const inner = children.get(node.id) ?? [];
    const size = sizeOf(node);
    return inner.length > 0
      ? { id: node.id, layoutOptions: { "elk.padding": ZONE_PADDING }, children: inner.map(build) }
      : { id: node.id, width: size.width, height: size.height };
  };
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.hierarchyHandling": "INCLUDE_CHILDREN",
      "elk.spacing.nodeNode": "40",
      "elk.layered.spacing.nodeNodeBetweenLayers": "90",
      "elk.layered.crossingMinimization.strategy": "LAYER_SWEEP",
    },
    children: (children.get(null) ?? []).map(build),
    edges: edges.filter((edge) => edge.sourceId !== edge.targetId && ids.has(edge.sourceId) && ids.has(edge.targetId)).map((edge): ElkExtendedEdge => ({ id: edge.id, sources: [edge.sourceId], targets: [edge.targetId] })),
  };
}

/** ELK positions are relative to the parent, as stored; zones also take the size ELK gave them. */
export function layoutOperations(result: ElkNode, nodes: TMapNode[]): TMapOperation[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const operations: TMapOperation[] = [];
  const visit = (elk: ElkNode) => {
    const node = byId.get(elk.id);
    if (node) {
      const patch: Record<string, number> = {};
      const x = Math.round(elk.x ?? 0);
      const y = Math.round(elk.y ?? 0);
      if (x !== node.x) patch.x = x;
      if (y !== node.y) patch.y = y;
      if (node.kind === "ZONE" && elk.children?.length) {
        patch.width = Math.round(elk.width ?? sizeOf(node).width);
        patch.height = Math.round(elk.height ?? sizeOf(node).height);
      }
      if (Object.keys(patch).length > 0) operations.push({ op: "updateNode", id: node.id, version: node.version, patch });
    }
    elk.children?.forEach(visit);
  };
  result.children?.forEach(visit);
  return operations;
}

/**
 * How a laid-out map is moved onto the canvas: a batch of nodes a frame, as many as the machine draws
 * in time. Never fewer than 16: every canvas update has a fixed cost (React Flow recomputes every
 * flow's position), so tiny batches would stretch a layout over many seconds.
 */
export const REVEAL_BATCH = { first: 16, min: 16, max: 128, frameBudgetMs: 32 } as const;

/**
 * The next batch size from how long the last frame took: halve after a slow frame, grow after a
 * quick one. A fixed size is either too slow on a fast laptop or too janky on a slow one.
 */
export function nextRevealBatch(current: number, frameMs: number): number {
  if (frameMs > REVEAL_BATCH.frameBudgetMs) return Math.max(REVEAL_BATCH.min, Math.floor(current / 2));
  if (frameMs < REVEAL_BATCH.frameBudgetMs / 2) return Math.min(REVEAL_BATCH.max, Math.ceil(current * 1.5));
  return current;
}

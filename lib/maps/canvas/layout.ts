import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";
import { boundsOf, sizeOf, unionOf, type TBounds } from "../model/geometry";
import type { TMapEdge, TMapNode, TMapOperation } from "../model/schemas";

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
    edges: edges
      .filter((edge) => edge.sourceId !== edge.targetId && ids.has(edge.sourceId) && ids.has(edge.targetId))
      .map((edge): ElkExtendedEdge => ({ id: edge.id, sources: [edge.sourceId], targets: [edge.targetId] })),
  };
}

/** Where ELK put a node: relative to its zone, as stored; a zone holding nodes also with the size ELK gave it. */
export type TLaidOutNode = { id: string; x: number; y: number; width?: number; height?: number };

/** Every node's place in an ELK result, zone members included. */
export function laidOutNodes(result: ElkNode): TLaidOutNode[] {
  const placed: TLaidOutNode[] = [];
  const visit = (elk: ElkNode) => {
    placed.push({
      id: elk.id,
      x: Math.round(elk.x ?? 0),
      y: Math.round(elk.y ?? 0),
      ...(elk.children?.length ? { width: Math.round(elk.width ?? 0), height: Math.round(elk.height ?? 0) } : {}),
    });
    elk.children?.forEach(visit);
  };
  result.children?.forEach(visit);
  return placed;
}

/** The map operations that move each node where the layout put it; nodes already there are left alone. */
export function layoutOperations(placed: TLaidOutNode[], nodes: TMapNode[]): TMapOperation[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const operations: TMapOperation[] = [];
  for (const place of placed) {
    const node = byId.get(place.id);
    if (!node) continue;
    const patch: Record<string, number> = {};
    if (place.x !== node.x) patch.x = place.x;
    if (place.y !== node.y) patch.y = place.y;
    if (node.kind === "ZONE" && place.width !== undefined && place.height !== undefined) {
      patch.width = place.width || sizeOf(node).width;
      patch.height = place.height || sizeOf(node).height;
    }
    if (Object.keys(patch).length > 0) operations.push({ op: "updateNode", id: node.id, version: node.version, patch });
  }
  return operations;
}

/**
 * The canvas area a layout moves nodes through: every node where it is now and where the layout
 * puts it. Shown whole before the nodes move, no node enters or leaves the view while they do, so
 * the canvas never has to draw nodes it had left out as off-screen in the middle of the move.
 */
export function layoutBounds(nodes: TMapNode[], operations: TMapOperation[]): TBounds | null {
  const before = new Map(nodes.map((node) => [node.id, node]));
  const after = new Map(before);
  for (const operation of operations) {
    const node = operation.op === "updateNode" ? before.get(operation.id) : undefined;
    if (node && operation.op === "updateNode") after.set(node.id, { ...node, ...operation.patch } as TMapNode);
  }
  const was = boundsOf(before.values(), before);
  const will = boundsOf(after.values(), after);
  return was && will ? unionOf(was, will) : null;
}

/**
 * How a large change is drawn on the canvas (a laid-out map moved into place, its flows taken off
 * and brought back): a batch a step, each step its own task on the main thread, sized so a step's
 * work stays within `stepBudgetMs` on the machine at hand. Every canvas update also has a fixed cost
 * (React Flow re-runs each node's and flow's selectors), which smaller batches do not cut, so a
 * change is never spread over more than `maxSteps` steps, lest a large map take many seconds to arrive.
 */
export const STEP_BATCH = { first: 8, min: 4, max: 128, maxSteps: 24, stepBudgetMs: 24 } as const;

/** The smallest batch for a change of `total` items: enough to finish within `maxSteps` steps. */
export function smallestStepBatch(total: number): number {
  return Math.min(STEP_BATCH.max, Math.max(STEP_BATCH.min, Math.ceil(total / STEP_BATCH.maxSteps)));
}

/**
 * The next batch size from how long the last step took: cut in proportion after a slow step (never
 * below `floor`), grow after a quick one. A fixed size is either too slow on a fast laptop or too
 * janky on a slow one.
 */
export function nextStepBatch(current: number, stepMs: number, floor: number = STEP_BATCH.min): number {
  if (stepMs > STEP_BATCH.stepBudgetMs) return Math.max(floor, Math.floor((current * STEP_BATCH.stepBudgetMs) / stepMs));
  if (stepMs < STEP_BATCH.stepBudgetMs / 2) return Math.min(STEP_BATCH.max, Math.ceil(current * 1.5));
  return current;
}

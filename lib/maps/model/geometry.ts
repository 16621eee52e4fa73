import type { TMapNode } from "./schemas";

/** Where nodes sit on the canvas: sizes, zone-relative positions, bounds. Shared by the canvas, layout and the server. */
export const NODE_SIZE = { width: 184, height: 60 } as const;
export const ZONE_SIZE = { width: 420, height: 280 } as const;

export function sizeOf(node: Pick<TMapNode, "kind" | "width" | "height">): { width: number; height: number } {
  const fallback = node.kind === "ZONE" ? ZONE_SIZE : NODE_SIZE;
  return { width: node.width ?? fallback.width, height: node.height ?? fallback.height };
}

/** Stored positions are relative to the containing zone; this walks up to canvas coordinates. */
export function absolutePosition(node: TMapNode, nodesById: ReadonlyMap<string, TMapNode>): { x: number; y: number } {
  let x = node.x;
  let y = node.y;
  const seen = new Set([node.id]);
  let zoneId = node.zoneId;
  while (zoneId && !seen.has(zoneId)) {
    seen.add(zoneId);
    const zone = nodesById.get(zoneId);
    if (!zone) break;
    x += zone.x;
    y += zone.y;
    zoneId = zone.zoneId;
  }
  return { x, y };
}

export type TBounds = { x: number; y: number; width: number; height: number };

/**
 * The canvas rectangle the nodes cover, each placed by the zones in `nodesById` (the whole map, or
 * the map as a layout will leave it); null for no nodes.
 */
export function boundsOf(nodes: Iterable<TMapNode>, nodesById: ReadonlyMap<string, TMapNode>): TBounds | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const { x, y } = absolutePosition(node, nodesById);
    const { width, height } = sizeOf(node);
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + width);
    maxY = Math.max(maxY, y + height);
  }
  return Number.isFinite(minX) ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

/** The smallest rectangle holding both. */
export function unionOf(a: TBounds, b: TBounds): TBounds {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/** The position a node takes when it moves into another zone (or out of every zone) without moving on screen. */
export function reparentPosition(
  node: TMapNode,
  zoneId: string | null,
  nodesById: ReadonlyMap<string, TMapNode>,
): { x: number; y: number } {
  const absolute = absolutePosition(node, nodesById);
  if (!zoneId) return absolute;
  const zone = nodesById.get(zoneId);
  if (!zone) return absolute;
  const origin = absolutePosition(zone, nodesById);
  return { x: absolute.x - origin.x, y: absolute.y - origin.y };
}

/** The innermost zone under a canvas point (for dropping a node into a zone), excluding a node and its own descendants. */
export function zoneAt(point: { x: number; y: number }, nodes: TMapNode[], excludeId?: string): TMapNode | null {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const inside = nodes.filter((node) => {
    if (node.kind !== "ZONE" || node.id === excludeId) return false;
    for (let zone: TMapNode | undefined = node; zone; zone = zone.zoneId ? byId.get(zone.zoneId) : undefined)
      if (zone.id === excludeId) return false;
    const origin = absolutePosition(node, byId);
    const size = sizeOf(node);
    return point.x >= origin.x && point.x <= origin.x + size.width && point.y >= origin.y && point.y <= origin.y + size.height;
  });
  const depth = (node: TMapNode) => {
    let count = 0;
    for (let zone = node.zoneId; zone; zone = byId.get(zone)?.zoneId ?? null) count += 1;
    return count;
  };
  return inside.sort((a, b) => depth(b) - depth(a))[0] ?? null;
}

/** Parents first: React Flow needs a zone before the nodes it contains. */
export function orderParentsFirst(nodes: TMapNode[]): TMapNode[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const ordered: TMapNode[] = [];
  const placed = new Set<string>();
  const visit = (node: TMapNode, trail: Set<string>) => {
    if (placed.has(node.id) || trail.has(node.id)) return;
    trail.add(node.id);
    const parent = node.zoneId ? byId.get(node.zoneId) : undefined;
    if (parent) visit(parent, trail);
    placed.add(node.id);
    ordered.push(node);
  };
  for (const node of nodes) visit(node, new Set());
  return ordered;
}

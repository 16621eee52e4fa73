import { absolutePosition, sizeOf, type TBounds } from "./geometry";
import type { TMapNode } from "./schemas";

type TPoint = { x: number; y: number };
type TSize = { width: number; height: number };

/** Room kept between a placed box and its neighbours, so labels and handles stay readable. */
export const PLACEMENT_GAP = 32;
/** Candidates are tried on rings this far apart around the wished-for point. */
const STEP = 24;
/** After this many rings (about 2,900 px out) the box goes just below everything instead. */
const MAX_RINGS = 120;

function overlaps(a: TBounds, b: TBounds, gap: number): boolean {
  return a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;
}

/** Offsets on the square ring `ring` steps out, nearest to the centre first (then left before right, top before bottom). */
function ringOffsets(ring: number): TPoint[] {
  if (ring === 0) return [{ x: 0, y: 0 }];
  const offsets: TPoint[] = [];
  for (let i = -ring; i <= ring; i++) {
    offsets.push({ x: i, y: -ring }, { x: i, y: ring });
    if (i !== -ring && i !== ring) offsets.push({ x: -ring, y: i }, { x: ring, y: i });
  }
  return offsets.sort((a, b) => a.x * a.x + a.y * a.y - (b.x * b.x + b.y * b.y) || a.y - b.y || a.x - b.x);
}

/**
 * Where a box of `size` goes so that it covers none of `occupied` (kept `gap` apart), as near as
 * possible to `centre` (the box's wished-for centre): the top-left corner, in whole pixels.
 * Deterministic: the same map and the same view place the same way on every screen.
 */
export function freeSpotNear(centre: TPoint, size: TSize, occupied: readonly TBounds[], gap = PLACEMENT_GAP): TPoint {
  const origin = { x: Math.round(centre.x - size.width / 2), y: Math.round(centre.y - size.height / 2) };
  for (let ring = 0; ring <= MAX_RINGS; ring++) {
    for (const offset of ringOffsets(ring)) {
      const box = { x: origin.x + offset.x * STEP, y: origin.y + offset.y * STEP, ...size };
      if (!occupied.some((other) => overlaps(box, other, gap))) return { x: box.x, y: box.y };
    }
  }
  const bottom = Math.max(...occupied.map((other) => other.y + other.height));
  return { x: origin.x, y: Math.round(bottom + gap) };
}

/**
 * What a new node must stay clear of: every node's box on the canvas. A new zone also keeps clear of
 * the other zones; a new node may land inside a zone (it then joins it), but not on the nodes in it.
 */
export function occupiedBounds(nodes: readonly TMapNode[], newKind: TMapNode["kind"]): TBounds[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return nodes
    .filter((node) => newKind === "ZONE" || node.kind !== "ZONE")
    .map((node) => ({ ...absolutePosition(node, byId), ...sizeOf(node) }));
}

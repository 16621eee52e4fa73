import { KIND_LABELS } from "../model/appearance";
import { ZONE_SIZE, absolutePosition, sizeOf, zoneAt } from "../model/geometry";
import type { TMapNode, TMapOperationInput, TNodeCreateInput, TNodeKind } from "../model/schemas";

/**
 * What a gesture on the canvas asks of the map, as operations: pure, so the editor component only
 * reads positions off React Flow and hands them here.
 */

type TPoint = { x: number; y: number };

/**
 * A drag that ended: each node dropped into the zone under its centre (positions become relative to
 * it), or moved within its zone. Nodes that did not move are left out.
 */
export function dropOperations(
  dropped: Array<{ id: string; position: TPoint; absolute: TPoint }>,
  nodes: TMapNode[],
  nodeById: ReadonlyMap<string, TMapNode>,
): TMapOperationInput[] {
  const operations: TMapOperationInput[] = [];
  for (const { id, position, absolute } of dropped) {
    const node = nodeById.get(id);
    if (!node) continue;
    const size = sizeOf(node);
    const zone = zoneAt({ x: absolute.x + size.width / 2, y: absolute.y + size.height / 2 }, nodes, node.id);
    const zoneId = zone?.id ?? null;
    if (zoneId !== node.zoneId) {
      const origin = zone ? absolutePosition(zone, nodeById) : { x: 0, y: 0 };
      operations.push({
        op: "updateNode",
        id: node.id,
        version: node.version,
        patch: { zoneId, x: Math.round(absolute.x - origin.x), y: Math.round(absolute.y - origin.y) },
      });
    } else if (Math.round(position.x) !== node.x || Math.round(position.y) !== node.y) {
      operations.push({
        op: "updateNode",
        id: node.id,
        version: node.version,
        patch: { x: Math.round(position.x), y: Math.round(position.y) },
      });
    }
  }
  return operations;
}

/** Resizes that ended (a resizer's handle let go): the new size and the position it left the node at. */
export function resizeOperations(
  resized: Array<{ id: string; width: number; height: number; position: TPoint }>,
  nodeById: ReadonlyMap<string, TMapNode>,
): TMapOperationInput[] {
  return resized.flatMap(({ id, width, height, position }): TMapOperationInput[] => {
    const node = nodeById.get(id);
    return node
      ? [
          {
            op: "updateNode",
            id: node.id,
            version: node.version,
            patch: { width: Math.round(width), height: Math.round(height), x: Math.round(position.x), y: Math.round(position.y) },
          },
        ]
      : [];
  });
}

/** A new node of a kind at a canvas point: inside the zone under the point (zones go on the top level), numbered after its kind. */
export function newNode(
  kind: TNodeKind,
  position: TPoint,
  nodes: TMapNode[],
  nodeById: ReadonlyMap<string, TMapNode>,
  id: string,
): TNodeCreateInput {
  const zone = kind === "ZONE" ? null : zoneAt(position, nodes);
  const origin = zone ? absolutePosition(zone, nodeById) : { x: 0, y: 0 };
  const count = nodes.filter((node) => node.kind === kind).length + 1;
  const size = kind === "ZONE" ? ZONE_SIZE : { width: null, height: null };
  return {
    id,
    kind,
    label: `${KIND_LABELS[kind]} ${count}`,
    zoneId: zone?.id ?? null,
    x: Math.round(position.x - origin.x),
    y: Math.round(position.y - origin.y),
    ...size,
  };
}

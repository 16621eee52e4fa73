import type { ElkNode } from "elkjs/lib/elk-api";
import { NODE_SIZE, boundsOf, type TBounds } from "./geometry";
import { freeSpotNear, occupiedBounds, PLACEMENT_GAP } from "./placement";
import type { TMapNode, TMapOperation, TNodeKind } from "./schemas";

/**
 * A protect surface's DAAS elements on its flow map. Each element becomes a node of the kind that
 * draws it (data as a datastore, an application as a workload, an asset as a device, a service as
 * a service), linked to the element, so it sits inside the surface's boundary.
 */
export type TDaasType = "DATA" | "APPLICATION" | "ASSET" | "SERVICE";
export type TPlaceableElement = { id: string; type: TDaasType; name: string };

export const DAAS_NODE_KIND: Record<TDaasType, Exclude<TNodeKind, "ZONE">> = {
  DATA: "DATASTORE",
  APPLICATION: "WORKLOAD",
  ASSET: "DEVICE",
  SERVICE: "SERVICE",
};

/** The longest node label (see the node schema). */
const LABEL_MAX = 120;

/**
 * The new nodes as an ELK graph packed into a block about twice as wide as it is tall (rectangle
 * packing keeps their order: data, applications, assets, services as the surface lists them).
 */
export function elementPackingGraph(elements: readonly TPlaceableElement[]): ElkNode {
  return {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "rectpacking",
      "elk.spacing.nodeNode": "48",
      "elk.aspectRatio": "2.2",
      "elk.padding": "[top=0,left=0,bottom=0,right=0]",
    },
    children: elements.map((element) => ({ id: element.id, ...NODE_SIZE })),
  };
}

/** Where the block goes: beside the surface's members already drawn, else in the middle of the map, clear of every node. */
function blockOrigin(block: TBounds, nodes: readonly TMapNode[], memberIds: ReadonlySet<string>): { x: number; y: number } {
  if (nodes.length === 0) return { x: 0, y: 0 };
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const members = boundsOf(
    nodes.filter((node) => node.daasElementId && memberIds.has(node.daasElementId)),
    byId,
  );
  const all = boundsOf(nodes, byId)!;
  const anchor = members ?? all;
  const centre = members
    ? { x: anchor.x + anchor.width + PLACEMENT_GAP + block.width / 2, y: anchor.y + anchor.height / 2 }
    : { x: anchor.x + anchor.width / 2, y: anchor.y + anchor.height / 2 };
  return freeSpotNear(centre, block, occupiedBounds(nodes, "ZONE"));
}

/**
 * The map operations that draw `elements` on a map holding `nodes`: one top-level node each, at the
 * place the packing gave it, the whole block moved into free space (beside the members already
 * drawn, so the boundary grows around them). `placed` is the packing's result for `elements`.
 */
export function elementNodeOperations(
  elements: readonly TPlaceableElement[],
  placed: ReadonlyArray<{ id: string; x: number; y: number }>,
  nodes: readonly TMapNode[],
  memberIds: ReadonlySet<string>,
  newId: () => string,
): TMapOperation[] {
  if (elements.length === 0) return [];
  const at = new Map(placed.map((place) => [place.id, place]));
  const local = elements.map((element, index) => at.get(element.id) ?? { x: 0, y: index * (NODE_SIZE.height + PLACEMENT_GAP) });
  const block = {
    x: 0,
    y: 0,
    width: Math.max(...local.map((place) => place.x)) + NODE_SIZE.width,
    height: Math.max(...local.map((place) => place.y)) + NODE_SIZE.height,
  };
  const origin = blockOrigin(block, nodes, memberIds);
  return elements.map((element, index) => ({
    op: "createNode",
    node: {
      id: newId(),
      kind: DAAS_NODE_KIND[element.type],
      label: element.name.slice(0, LABEL_MAX),
      identity: "",
      labels: {},
      addresses: [],
      zoneId: null,
      environment: "",
      notes: "",
      daasElementId: element.id,
      x: Math.round(origin.x + local[index]!.x),
      y: Math.round(origin.y + local[index]!.y),
      width: null,
      height: null,
    },
  }));
}

/**
 * What the map does when elements leave the surface or are renamed: nodes standing for a removed
 * element stay on the map with their flows (a flow is a joint record, not something a form edit
 * should take away) but are no longer members; a node still labelled with an element's old name
 * takes its new one.
 */
export function elementChangeOperations(
  nodes: readonly TMapNode[],
  removedIds: ReadonlySet<string>,
  renamed: ReadonlyArray<{ id: string; from: string; to: string }>,
): TMapOperation[] {
  const renames = new Map(renamed.map((rename) => [rename.id, rename]));
  return nodes.flatMap((node): TMapOperation[] => {
    if (!node.daasElementId) return [];
    if (removedIds.has(node.daasElementId))
      return [{ op: "updateNode", id: node.id, version: node.version, patch: { daasElementId: null } }];
    const rename = renames.get(node.daasElementId);
    if (rename && rename.from !== rename.to && node.label === rename.from.slice(0, LABEL_MAX))
      return [{ op: "updateNode", id: node.id, version: node.version, patch: { label: rename.to.slice(0, LABEL_MAX) } }];
    return [];
  });
}

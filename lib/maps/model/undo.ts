import { asProposal } from "./approval";
import { EDGE_FIELDS, NODE_FIELDS, pickFields } from "./fields";
import { orderParentsFirst } from "./geometry";
import type { TFlowMap, TMapEdge, TMapEditResult, TMapNode, TMapOperation } from "./schemas";

function differing<T extends object>(before: T, after: T, keys: readonly (keyof T)[]): Partial<T> {
  return Object.fromEntries(
    keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map((key) => [key, before[key]]),
  ) as Partial<T>;
}

/**
 * The operations that take an edit back, from the map as it was before and what the edit returned:
 * created elements are deleted, changed ones get their old values, deleted ones come back with
 * their ids (so a restored node gets its flows back). Versions are those the edit produced.
 */
export function inverseOperations(before: Pick<TFlowMap, "nodes" | "edges">, result: TMapEditResult): TMapOperation[] {
  const nodesBefore = new Map(before.nodes.map((node) => [node.id, node]));
  const edgesBefore = new Map(before.edges.map((edge) => [edge.id, edge]));
  const restoreNodes = orderParentsFirst(
    result.deletedNodeIds.map((id) => nodesBefore.get(id)).filter((node): node is TMapNode => Boolean(node)),
  );
  const operations: TMapOperation[] = [];
  for (const node of restoreNodes) operations.push({ op: "createNode", node: { id: node.id, ...pickFields(node, NODE_FIELDS) } });
  for (const node of result.nodes) {
    const previous = nodesBefore.get(node.id);
    if (!previous) continue;
    const patch = differing(previous, node, NODE_FIELDS);
    if (Object.keys(patch).length > 0) operations.push({ op: "updateNode", id: node.id, version: node.version, patch });
  }
  for (const id of result.deletedEdgeIds) {
    const edge = edgesBefore.get(id);
    // A restored flow comes back as a proposal: its approval was a joint decision, not an edit to replay.
    if (edge) operations.push({ op: "createEdge", edge: asProposal({ id: edge.id, ...pickFields(edge, EDGE_FIELDS) }) });
  }
  for (const edge of result.edges) {
    const previous = edgesBefore.get(edge.id);
    if (!previous) operations.push({ op: "deleteEdge", id: edge.id, version: edge.version });
    else {
      const { status, ...rest } = differing(previous, edge, EDGE_FIELDS);
      // Undo never re-approves: an approval lost to an edit is regained by a change or the owners' agreement.
      const patch = status === undefined || status === "APPROVED" ? rest : { ...rest, status };
      if (Object.keys(patch).length > 0) operations.push({ op: "updateEdge", id: edge.id, version: edge.version, patch });
    }
  }
  const createdNodes = result.nodes.filter((node) => !nodesBefore.has(node.id));
  for (const node of orderParentsFirst(createdNodes).reverse()) operations.push({ op: "deleteNode", id: node.id, version: node.version });
  return operations;
}

export type TClipboard = { nodes: TMapNode[]; edges: TMapEdge[] };

/** What copying a selection keeps: the nodes, and the flows between them. */
export function copySelection(map: Pick<TFlowMap, "nodes" | "edges">, selectedIds: ReadonlySet<string>): TClipboard {
  const nodes = map.nodes.filter((node) => selectedIds.has(node.id));
  const ids = new Set(nodes.map((node) => node.id));
  return { nodes, edges: map.edges.filter((edge) => ids.has(edge.sourceId) && ids.has(edge.targetId)) };
}

/**
 * Paste as new elements: fresh ids, shifted so the copy does not hide the original, zones kept when
 * copied along (or when still on this map), and no DAAS membership (an element is drawn once).
 */
export function pasteOperations(
  clipboard: TClipboard,
  existingNodeIds: ReadonlySet<string>,
  newId: () => string,
  offset = 40,
): TMapOperation[] {
  const ids = new Map(clipboard.nodes.map((node) => [node.id, newId()]));
  const nodes = orderParentsFirst(clipboard.nodes).map((node): TMapOperation => {
    const zoneCopied = node.zoneId !== null && ids.has(node.zoneId);
    const zoneId = zoneCopied ? ids.get(node.zoneId!)! : node.zoneId !== null && existingNodeIds.has(node.zoneId) ? node.zoneId : null;
    const shift = zoneCopied ? 0 : offset;
    return {
      op: "createNode",
      node: {
        ...pickFields(node, NODE_FIELDS),
        id: ids.get(node.id)!,
        zoneId,
        daasElementId: null,
        label: node.label,
        x: node.x + shift,
        y: node.y + shift,
      },
    };
  });
  const edges = clipboard.edges.map((edge): TMapOperation => ({
    op: "createEdge",
    edge: asProposal({
      ...pickFields(edge, EDGE_FIELDS),
      id: newId(),
      sourceId: ids.get(edge.sourceId)!,
      targetId: ids.get(edge.targetId)!,
    }),
  }));
  return [...nodes, ...edges];
}

import { applyEvents, graphOf, type TMapGraph } from "../model/rules";
import type { TFlowMap, TMapEditResult, TMapEvent } from "../model/schemas";
import { orderParentsFirst } from "../model/geometry";

/**
 * The map's lists after the graph changed, keeping a list itself where every element in it is the
 * one held before (an edit echoed back by the live stream): the canvas then converts nothing again.
 */
function listsOf(map: TFlowMap, graph: TMapGraph): Pick<TFlowMap, "nodes" | "edges"> {
  const same = <T extends { id: string }>(list: T[], next: ReadonlyMap<string, T>) =>
    list.length === next.size && list.every((item) => next.get(item.id) === item);
  return {
    nodes: same(map.nodes, graph.nodes) ? map.nodes : orderParentsFirst([...graph.nodes.values()]),
    edges: same(map.edges, graph.edges) ? map.edges : [...graph.edges.values()],
  };
}

/**
 * Puts the elements an edit returned into the cached map at once. The map version is left alone:
 * only the live stream advances it, so the events of others that precede this edit still apply.
 */
export function applyEditResult(map: TFlowMap, result: TMapEditResult): TFlowMap {
  const graph = applyEvents(graphOf(map.nodes, map.edges), [
    ...result.nodes.map((node) => ({ kind: "node.update" as const, entityId: node.id, after: node })),
    ...result.edges.map((edge) => ({ kind: "edge.update" as const, entityId: edge.id, after: edge })),
    ...result.deletedEdgeIds.map((id) => ({ kind: "edge.delete" as const, entityId: id, after: null })),
    ...result.deletedNodeIds.map((id) => ({ kind: "node.delete" as const, entityId: id, after: null })),
  ]);
  return { ...map, ...listsOf(map, graph) };
}

/** Applies one map version's events from the live stream; versions already held are ignored, so replays are harmless. */
export function applyLiveBatch(
  map: TFlowMap,
  batch: { mapVersion: number; events: Array<Pick<TMapEvent, "kind" | "entityId" | "after">> },
): TFlowMap {
  if (batch.mapVersion <= map.version) return map;
  const graph = applyEvents(graphOf(map.nodes, map.edges), batch.events);
  return { ...map, version: batch.mapVersion, ...listsOf(map, graph) };
}

/** Shows an edit at once, before the server confirms it (the same rules the server applies). */
export function applyLocalChanges(map: TFlowMap, changes: Array<Pick<TMapEvent, "kind" | "entityId" | "after">>): TFlowMap {
  const graph = applyEvents(graphOf(map.nodes, map.edges), changes);
  return { ...map, ...listsOf(map, graph) };
}

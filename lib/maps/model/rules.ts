import type { TFieldError } from "@/lib/errors";
import { normalizePorts, parsePorts } from "./ports";
import type {
  TEdgeCreate,
  TEdgePatch,
  TMapEdge,
  TMapEventKind,
  TMapNode,
  TMapOperation,
  TNodeCreate,
  TNodeKind,
  TNodePatch,
  TProtocol,
} from "./schemas";

/** The map as the rules see it: every element by id. */
export type TMapGraph = { nodes: Map<string, TMapNode>; edges: Map<string, TMapEdge> };

/** What the surface offers for references: its DAAS elements, Kipling statements, and known people. */
export type TMapReferences = { elementIds: ReadonlySet<string>; statementIds: ReadonlySet<string>; personIds: ReadonlySet<string> };

export type TMapChange = { kind: TMapEventKind; entityId: string; before: TMapNode | TMapEdge | null; after: TMapNode | TMapEdge | null };

export type TConflict = { id: string; path: string; fields: string[]; current: TMapNode | TMapEdge | null };

/** An element an operation names that is not on the map: a conflict for an update, harmless for a delete. */
export type TMissing = { id: string; kind: "node" | "edge" };

export type TPlan = { changes: TMapChange[]; errors: TFieldError[]; conflicts: TConflict[]; missing: TMissing[]; graph: TMapGraph };

/** Kinds whose instances talk to each other (cluster peers, replicas), so a flow to itself means something. */
export const SELF_LOOP_KINDS: ReadonlySet<TNodeKind> = new Set(["WORKLOAD", "SERVICE", "DATASTORE"]);

/** Where a node sits and how big it is: moving never conflicts, the last position wins. */
export const LAYOUT_FIELDS: ReadonlySet<string> = new Set(["x", "y", "width", "height"]);

export function protocolTakesPorts(protocol: TProtocol): boolean {
  return protocol === "TCP" || protocol === "UDP";
}

export function graphOf(nodes: TMapNode[], edges: TMapEdge[]): TMapGraph {
  return { nodes: new Map(nodes.map((node) => [node.id, node])), edges: new Map(edges.map((edge) => [edge.id, edge])) };
}

/** Rules of one node against the rest of the map. Paths are the node's own field names. */
export function validateNode(node: TMapNode, graph: TMapGraph, references: TMapReferences): TFieldError[] {
  const errors: TFieldError[] = [];
  if (node.zoneId !== null) {
    const zone = graph.nodes.get(node.zoneId);
    if (!zone) errors.push({ path: "zoneId", message: "refers to a zone that is not on this map" });
    else if (zone.kind !== "ZONE")
      errors.push({ path: "zoneId", message: `must be a zone; "${zone.label}" is a ${zone.kind.toLowerCase()}` });
    else if (zoneChainHasCycle(node, graph)) errors.push({ path: "zoneId", message: "would put the zone inside itself" });
  }
  if (node.daasElementId !== null) {
    if (!references.elementIds.has(node.daasElementId))
      errors.push({ path: "daasElementId", message: "is not a DAAS element of this surface" });
    else if (node.kind === "ZONE") errors.push({ path: "daasElementId", message: "a zone cannot stand for a DAAS element" });
    else {
      for (const other of graph.nodes.values()) {
        if (other.id !== node.id && other.daasElementId === node.daasElementId) {
          errors.push({ path: "daasElementId", message: `is already drawn as "${other.label}"` });
          break;
        }
      }
    }
  }
  return errors;
}

function zoneChainHasCycle(node: TMapNode, graph: TMapGraph): boolean {
  const seen = new Set<string>([node.id]);
  let current = node.zoneId;
  while (current !== null) {
    if (seen.has(current)) return true;
    seen.add(current);
    current = graph.nodes.get(current)?.zoneId ?? null;
  }
  return false;
}

/** Rules of one flow: endpoints on the map, protocol and ports, self-loops, counters, references. */
export function validateEdge(edge: TMapEdge, graph: TMapGraph, references: TMapReferences): TFieldError[] {
  const errors: TFieldError[] = [];
  const source = graph.nodes.get(edge.sourceId);
  const target = graph.nodes.get(edge.targetId);
  if (!source) errors.push({ path: "sourceId", message: "refers to a node that is not on this map" });
  if (!target) errors.push({ path: "targetId", message: "refers to a node that is not on this map" });
  if (source && edge.sourceId === edge.targetId && !SELF_LOOP_KINDS.has(source.kind)) {
    errors.push({
      path: "targetId",
      message: "a flow to itself is only meaningful for workloads, services and datastores (traffic between their instances)",
    });
  }
  if (protocolTakesPorts(edge.protocol)) {
    const parsed = parsePorts(edge.ports);
    if (!parsed.ok) errors.push({ path: "ports", message: `${edge.protocol} ${parsed.message}` });
  } else if (edge.ports.trim() !== "") {
    errors.push({ path: "ports", message: `${edge.protocol} takes no ports; leave them empty` });
  }
  if (edge.firstSeen && edge.lastSeen && Date.parse(edge.firstSeen) > Date.parse(edge.lastSeen)) {
    errors.push({ path: "lastSeen", message: "must not be before first seen" });
  }
  if (edge.statementId !== null && !references.statementIds.has(edge.statementId)) {
    errors.push({ path: "statementId", message: "is not a Kipling statement of this surface" });
  }
  if (edge.ownerId !== null && !references.personIds.has(edge.ownerId)) errors.push({ path: "ownerId", message: "is not a known user" });
  if (source && target && errors.length === 0) {
    for (const other of graph.edges.values()) {
      if (
        other.id !== edge.id &&
        other.sourceId === edge.sourceId &&
        other.targetId === edge.targetId &&
        other.protocol === edge.protocol &&
        other.ports === edge.ports
      ) {
        errors.push({ path: "ports", message: `the same flow from "${source.label}" to "${target.label}" is already on the map` });
        break;
      }
    }
  }
  return errors;
}

/**
 * The conflict rule. An update made against an older version of an element goes through when none
 * of the fields it sets were changed by someone else since that version (two people editing
 * different fields of one element both win); it is refused when a field it sets was changed in the
 * meantime to a different value. Positions never conflict: the last move wins.
 */
export function conflictingFields(
  patch: Record<string, unknown>,
  current: Record<string, unknown>,
  expectedVersion: number,
  currentVersion: number,
  changedSince: ReadonlySet<string>,
): string[] {
  if (expectedVersion >= currentVersion) return [];
  return Object.keys(patch).filter(
    (field) => !LAYOUT_FIELDS.has(field) && changedSince.has(field) && JSON.stringify(patch[field]) !== JSON.stringify(current[field]),
  );
}

/** The fields whose values differ between two snapshots of one element. */
export function changedFields(before: object | null, after: object | null): string[] {
  if (!before || !after) return [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return Object.keys(b).filter((key) => key !== "version" && JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

function createdNode(input: TNodeCreate, id: string): TMapNode {
  return { ...input, id, version: 1 };
}

function createdEdge(input: TEdgeCreate, id: string): TMapEdge {
  return { ...input, id, ports: protocolTakesPorts(input.protocol) ? normalizePorts(input.ports) : input.ports, version: 1 };
}

function patchedEdge(current: TMapEdge, patch: TEdgePatch): TMapEdge {
  const next = { ...current, ...patch };
  if (patch.ports !== undefined && protocolTakesPorts(next.protocol)) next.ports = normalizePorts(next.ports);
  return next;
}

function prefixed(errors: TFieldError[], prefix: string): TFieldError[] {
  return errors.map((error) => ({ path: `${prefix}.${error.path}`, message: error.message }));
}

/**
 * Applies a list of operations to a copy of the map, all or nothing: the resulting changes (one per
 * element, cascades included: a deleted node takes its flows with it and frees its zone members),
 * every validation error with its path (`operations.<i>.<field>`), and every version conflict.
 * `changedSince` lists, per element, the fields others changed after the version a request holds.
 */
export function planOperations(
  start: TMapGraph,
  operations: TMapOperation[],
  references: TMapReferences,
  newId: () => string,
  changedSince: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): TPlan {
  const graph: TMapGraph = { nodes: new Map(start.nodes), edges: new Map(start.edges) };
  const errors: TFieldError[] = [];
  const conflicts: TConflict[] = [];
  const missing: TMissing[] = [];
  const log: TMapChange[] = [];
  const touchedNodes = new Set<string>();
  const touchedEdges = new Set<string>();
  const pathById = new Map<string, string>();
  /** Versions are checked against the map as the request found it, so one batch may touch an element twice. */
  const baseVersion = (id: string, current: { version: number }) =>
    start.nodes.get(id)?.version ?? start.edges.get(id)?.version ?? current.version;

  const record = (kind: TMapEventKind, entityId: string, before: TMapNode | TMapEdge | null, after: TMapNode | TMapEdge | null) => {
    log.push({ kind, entityId, before, after });
  };

  const removeEdge = (edge: TMapEdge) => {
    graph.edges.delete(edge.id);
    record("edge.delete", edge.id, edge, null);
  };

  /** An update of a node or a flow: refused on a conflicting field, left out when it changes nothing. */
  const updateElement = <T extends TMapNode | TMapEdge>(
    kind: "node" | "edge",
    elements: Map<string, T>,
    touched: Set<string>,
    operation: { id: string; version: number; patch: Record<string, unknown> },
    path: string,
    patched: (current: T) => T,
  ) => {
    const current = elements.get(operation.id);
    if (!current) {
      missing.push({ id: operation.id, kind });
      conflicts.push({ id: operation.id, path, fields: [], current: null });
      return;
    }
    const fields = conflictingFields(
      operation.patch,
      current,
      operation.version,
      baseVersion(operation.id, current),
      changedSince.get(operation.id) ?? new Set(),
    );
    if (fields.length > 0) {
      conflicts.push({ id: operation.id, path, fields, current });
      return;
    }
    const next: T = { ...patched(current), version: current.version + 1 };
    if (changedFields(current, next).length === 0) return;
    elements.set(next.id, next);
    touched.add(next.id);
    pathById.set(next.id, `${path}.patch`);
    record(`${kind}.update`, next.id, current, next);
  };

  operations.forEach((operation, index) => {
    const path = `operations.${index}`;
    switch (operation.op) {
      case "createNode": {
        const id = operation.node.id ?? newId();
        if (graph.nodes.has(id) || start.edges.has(id)) {
          errors.push({ path: `${path}.node.id`, message: "is already used on this map" });
          return;
        }
        const node = createdNode(operation.node, id);
        graph.nodes.set(id, node);
        touchedNodes.add(id);
        pathById.set(id, `${path}.node`);
        record("node.create", id, null, node);
        return;
      }
      case "updateNode":
        updateElement("node", graph.nodes, touchedNodes, operation, path, (current) => ({
          ...current,
          ...(operation.patch as TNodePatch),
        }));
        return;
      case "deleteNode": {
        const current = graph.nodes.get(operation.id);
        if (!current) {
          missing.push({ id: operation.id, kind: "node" });
          return; // Already gone: deleting twice is harmless.
        }
        if (operation.version < baseVersion(operation.id, current)) {
          conflicts.push({ id: operation.id, path, fields: [], current });
          return;
        }
        for (const edge of [...graph.edges.values()]) if (edge.sourceId === current.id || edge.targetId === current.id) removeEdge(edge);
        for (const member of [...graph.nodes.values()]) {
          if (member.zoneId === current.id) {
            // Members keep their place on the canvas: their position becomes absolute again.
            const freed: TMapNode = {
              ...member,
              zoneId: current.zoneId,
              x: member.x + current.x,
              y: member.y + current.y,
              version: member.version + 1,
            };
            graph.nodes.set(freed.id, freed);
            touchedNodes.add(freed.id);
            record("node.update", freed.id, member, freed);
          }
        }
        graph.nodes.delete(current.id);
        touchedNodes.delete(current.id);
        record("node.delete", current.id, current, null);
        return;
      }
      case "createEdge": {
        const id = operation.edge.id ?? newId();
        if (graph.edges.has(id) || start.nodes.has(id)) {
          errors.push({ path: `${path}.edge.id`, message: "is already used on this map" });
          return;
        }
        const edge = createdEdge(operation.edge, id);
        graph.edges.set(id, edge);
        touchedEdges.add(id);
        pathById.set(id, `${path}.edge`);
        record("edge.create", id, null, edge);
        return;
      }
      case "updateEdge":
        updateElement("edge", graph.edges, touchedEdges, operation, path, (current) => patchedEdge(current, operation.patch));
        return;
      case "deleteEdge": {
        const current = graph.edges.get(operation.id);
        if (!current) {
          missing.push({ id: operation.id, kind: "edge" });
          return;
        }
        if (operation.version < baseVersion(operation.id, current)) {
          conflicts.push({ id: operation.id, path, fields: [], current });
          return;
        }
        removeEdge(current);
        return;
      }
    }
  });

  // Validate the end state of every element the operations touched, reported at the operation that touched it last.
  const pathOf = (id: string): string => pathById.get(id) ?? `operations.cascade.${id}`;
  for (const id of touchedNodes) {
    const node = graph.nodes.get(id);
    if (node) errors.push(...prefixed(validateNode(node, graph, references), pathOf(id)));
  }
  for (const id of touchedEdges) {
    const edge = graph.edges.get(id);
    if (edge) errors.push(...prefixed(validateEdge(edge, graph, references), pathOf(id)));
  }
  return { changes: mergeChanges(log), errors, conflicts, missing, graph };
}

/** One change per element: first "before", last "after"; created-then-deleted elements vanish. */
export function mergeChanges(log: TMapChange[]): TMapChange[] {
  const byId = new Map<string, TMapChange>();
  for (const change of log) {
    const previous = byId.get(change.entityId);
    if (!previous) {
      byId.set(change.entityId, { ...change });
      continue;
    }
    const entity = change.kind.split(".")[0];
    const before = previous.before;
    const after = change.after;
    if (before === null && after === null) byId.delete(change.entityId);
    else
      byId.set(change.entityId, {
        kind: `${entity}.${before === null ? "create" : after === null ? "delete" : "update"}` as TMapEventKind,
        entityId: change.entityId,
        before,
        after,
      });
  }
  return [...byId.values()];
}

/** Applies stored events to a map state (forwards) — live updates and catch-up use it. Idempotent. */
export function applyEvents(graph: TMapGraph, events: Array<{ kind: TMapEventKind; entityId: string; after: unknown }>): TMapGraph {
  const next: TMapGraph = { nodes: new Map(graph.nodes), edges: new Map(graph.edges) };
  for (const event of events) {
    const target = event.kind.startsWith("node.") ? next.nodes : next.edges;
    if (event.after === null || event.kind.endsWith(".delete")) target.delete(event.entityId);
    else {
      // An element that arrives unchanged (our own edit echoed back) keeps its identity, so nothing re-renders.
      const existing = (target as Map<string, unknown>).get(event.entityId);
      if (existing === undefined || JSON.stringify(existing) !== JSON.stringify(event.after))
        (target as Map<string, unknown>).set(event.entityId, event.after);
    }
  }
  return next;
}

/** Undoes stored events from the newest back (time travel: the map as it was at an earlier version). */
export function revertEvents(
  graph: TMapGraph,
  eventsNewestFirst: Array<{ kind: TMapEventKind; entityId: string; before: unknown }>,
): TMapGraph {
  const next: TMapGraph = { nodes: new Map(graph.nodes), edges: new Map(graph.edges) };
  for (const event of eventsNewestFirst) {
    const target = event.kind.startsWith("node.") ? next.nodes : next.edges;
    if (event.before === null || event.kind.endsWith(".create")) target.delete(event.entityId);
    else (target as Map<string, unknown>).set(event.entityId, event.before);
  }
  return next;
}

/** Whether a list of changes alters what the surface's owners agreed to (moving boxes does not). */
export function changesContent(changes: TMapChange[]): boolean {
  return changes.some(
    (change) => !change.kind.endsWith(".update") || changedFields(change.before, change.after).some((field) => !LAYOUT_FIELDS.has(field)),
  );
}

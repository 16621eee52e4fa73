import type { Edge, Node } from "@xyflow/react";
import { describeFlow, flowWarnings, type TFlowWarning } from "../model/appearance";
import { boundsOf, orderParentsFirst, sizeOf } from "../model/geometry";
import type { TClassification, TFlowMap, TFlowStatus, TMapEdge, TMapNode, TNodeKind } from "../model/schemas";

export const BOUNDARY_ID = "protect-surface-boundary";
const BOUNDARY_PADDING = 36;

export type TFlowNodeData = {
  node: TMapNode;
  /** The DAAS element this node stands for, when it is a member of the protect surface. */
  element: { name: string; type: string; classification: TClassification } | null;
  dimmed: boolean;
  editors: Array<{ name: string; team: string }>;
  readOnly: boolean;
};
export type TBoundaryData = { surfaceName: string; classification: TClassification };
export type TFlowEdgeData = {
  edge: TMapEdge;
  warnings: TFlowWarning[];
  label: string;
  description: string;
  dimmed: boolean;
  editors: Array<{ name: string; team: string }>;
};

export type TRfNode = Node<TFlowNodeData, "flowNode" | "zone"> | Node<TBoundaryData, "surface">;
export type TRfEdge = Edge<TFlowEdgeData, "flow">;

export type TMapFilter = { query: string; statuses: TFlowStatus[]; kinds: TNodeKind[]; zoneId: string | null };
export const EMPTY_FILTER: TMapFilter = { query: "", statuses: [], kinds: [], zoneId: null };

export function nodeMatches(node: TMapNode, filter: TMapFilter): boolean {
  if (filter.kinds.length > 0 && !filter.kinds.includes(node.kind)) return false;
  if (filter.zoneId && node.zoneId !== filter.zoneId && node.id !== filter.zoneId) return false;
  const query = filter.query.trim().toLowerCase();
  if (query) {
    const haystack = [
      node.label,
      node.identity,
      node.environment,
      ...node.addresses,
      ...Object.entries(node.labels).map(([key, value]) => `${key}=${value}`),
    ]
      .join(" ")
      .toLowerCase();
    if (!haystack.includes(query)) return false;
  }
  return true;
}

export function isFilterActive(filter: TMapFilter): boolean {
  return filter.query.trim() !== "" || filter.statuses.length > 0 || filter.kinds.length > 0 || filter.zoneId !== null;
}

type TConvertOptions = {
  filter?: TMapFilter;
  readOnly?: boolean;
  /** Element id → people editing it right now (presence). */
  editing?: ReadonlyMap<string, Array<{ name: string; team: string }>>;
  selectedIds?: ReadonlySet<string>;
};

/** The stored map as React Flow nodes and edges: zones as parents, the protect surface as a boundary around its members. */
export function toReactFlow(
  map: Pick<TFlowMap, "nodes" | "edges" | "elements" | "surface">,
  options: TConvertOptions = {},
): { nodes: TRfNode[]; edges: TRfEdge[] } {
  const filter = options.filter ?? EMPTY_FILTER;
  const active = isFilterActive(filter);
  const elements = new Map(map.elements.map((element) => [element.id, element]));
  const byId = new Map(map.nodes.map((node) => [node.id, node]));
  const nodes: TRfNode[] = [];

  const members = boundsOf(
    map.nodes.filter((node) => node.daasElementId && elements.has(node.daasElementId)),
    byId,
  );
  if (members) {
    nodes.push({
      id: BOUNDARY_ID,
      type: "surface",
      position: { x: members.x - BOUNDARY_PADDING, y: members.y - BOUNDARY_PADDING - 18 },
      width: members.width + BOUNDARY_PADDING * 2,
      height: members.height + BOUNDARY_PADDING * 2 + 18,
      data: { surfaceName: map.surface.name, classification: map.surface.classification },
      selectable: false,
      draggable: false,
      connectable: false,
      focusable: false,
      deletable: false,
      zIndex: -2,
    });
  }

  const matchingNodes = new Set<string>();
  for (const node of orderParentsFirst(map.nodes)) {
    const matches = !active || nodeMatches(node, filter);
    if (matches) matchingNodes.add(node.id);
    const element = node.daasElementId ? (elements.get(node.daasElementId) ?? null) : null;
    const size = sizeOf(node);
    nodes.push({
      id: node.id,
      type: node.kind === "ZONE" ? "zone" : "flowNode",
      position: { x: node.x, y: node.y },
      ...(node.zoneId && byId.has(node.zoneId) ? { parentId: node.zoneId } : {}),
      ...(node.kind === "ZONE" ? { width: size.width, height: size.height, zIndex: -1 } : {}),
      selected: options.selectedIds?.has(node.id) ?? false,
      draggable: !options.readOnly,
      connectable: !options.readOnly,
      deletable: !options.readOnly,
      ariaLabel: `${node.kind.replace("_", " ").toLowerCase()} ${node.label}`,
      data: {
        node,
        element: element ? { name: element.name, type: element.type, classification: element.classification } : null,
        dimmed: active && !matches,
        editors: options.editing?.get(node.id) ?? [],
        readOnly: Boolean(options.readOnly),
      },
    });
  }

  const edges: TRfEdge[] = map.edges.map((edge) => {
    const warnings = flowWarnings(edge, byId.get(edge.targetId), (id) => elements.get(id)?.classification);
    const statusMatches = filter.statuses.length === 0 || filter.statuses.includes(edge.status);
    const endpointsMatch =
      !active || filter.query.trim() !== "" || filter.kinds.length > 0 || filter.zoneId !== null
        ? matchingNodes.has(edge.sourceId) || matchingNodes.has(edge.targetId)
        : true;
    const description = `Flow ${byId.get(edge.sourceId)?.label ?? "?"} to ${byId.get(edge.targetId)?.label ?? "?"}, ${edge.status.toLowerCase()}`;
    return {
      id: edge.id,
      type: "flow",
      source: edge.sourceId,
      target: edge.targetId,
      selected: options.selectedIds?.has(edge.id) ?? false,
      deletable: !options.readOnly,
      ariaLabel: description,
      data: {
        edge,
        warnings,
        label: describeFlow(edge),
        description,
        dimmed: active && !(statusMatches && endpointsMatch),
        editors: options.editing?.get(edge.id) ?? [],
      },
    };
  });
  return { nodes, edges };
}

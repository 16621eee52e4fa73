import "server-only";
import type { Prisma } from "@/lib/db";
import { EDGE_COLUMNS, EDGE_FIELDS, NODE_COLUMNS, NODE_FIELDS, pickFields, type TAssert, type TSameKeys } from "./model/fields";
import type { TMapEdge, TMapNode } from "./model/schemas";

export type TNodeRow = Prisma.FlowNodeGetPayload<object>;
export type TEdgeRow = Prisma.FlowEdgeGetPayload<object>;

/** Row fields that are not an element's data: keys and bookkeeping. */
type TRowOnly = "id" | "mapId" | "version" | "createdAt" | "updatedAt";
/** Fails to compile when the database gains (or loses) an element field that the column table does not list. */
export type TRowsMatchColumns = [
  TAssert<TSameKeys<Omit<TNodeRow, TRowOnly>, typeof NODE_COLUMNS>>,
  TAssert<TSameKeys<Omit<TEdgeRow, TRowOnly>, typeof EDGE_COLUMNS>>,
];

export function toMapNode(row: TNodeRow): TMapNode {
  return { id: row.id, ...pickFields(row, NODE_FIELDS), labels: (row.labels ?? {}) as Record<string, string>, version: row.version };
}

export function toMapEdge(row: TEdgeRow): TMapEdge {
  return {
    id: row.id,
    ...pickFields(row, EDGE_FIELDS),
    connections: row.connections === null ? null : Number(row.connections),
    bytes: row.bytes === null ? null : Number(row.bytes),
    firstSeen: row.firstSeen?.toISOString() ?? null,
    lastSeen: row.lastSeen?.toISOString() ?? null,
    version: row.version,
  };
}

/** A node as Prisma writes it. */
export function nodeData(node: TMapNode) {
  const { id: _id, version, ...fields } = node;
  return { ...fields, labels: fields.labels as Prisma.InputJsonValue, version };
}

/** A flow as Prisma writes it. */
export function edgeData(edge: TMapEdge) {
  const { id: _id, ...fields } = edge;
  return {
    ...fields,
    connections: fields.connections === null ? null : BigInt(fields.connections),
    bytes: fields.bytes === null ? null : BigInt(fields.bytes),
    firstSeen: fields.firstSeen ? new Date(fields.firstSeen) : null,
    lastSeen: fields.lastSeen ? new Date(fields.lastSeen) : null,
  };
}

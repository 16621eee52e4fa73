import "server-only";
import { Prisma, type TTx } from "@/lib/db";
import { EDGE_COLUMNS, NODE_COLUMNS, type TColumn } from "./model/fields";
import type { TMapEdge, TMapNode } from "./model/schemas";

const quoted = (name: string) => `"${name}"`;

/**
 * The SET list and the `jsonb_to_recordset` column list of a bulk update, from the one column table
 * (constants of this module, never input): adding a field to the table adds it to both.
 */
function bulkUpdateLists(columns: Readonly<Record<string, TColumn>>): { set: Prisma.Sql; record: Prisma.Sql } {
  const entries = Object.entries(columns);
  return {
    set: Prisma.raw(
      entries.map(([name, column]) => `${quoted(name)} = v.${quoted(name)}${column.enum ? `::${quoted(column.enum)}` : ""}`).join(", "),
    ),
    record: Prisma.raw(["id uuid", ...entries.map(([name, column]) => `${quoted(name)} ${column.type}`), "version integer"].join(", ")),
  };
}

const NODE_LISTS = bulkUpdateLists(NODE_COLUMNS);
const EDGE_LISTS = bulkUpdateLists(EDGE_COLUMNS);

/** Writes every changed node in one statement: a layout moves hundreds at once. */
export async function updateNodes(tx: TTx, mapId: string, nodes: TMapNode[]): Promise<void> {
  if (nodes.length === 0) return;
  await tx.$executeRaw`
    UPDATE "FlowNode" AS n SET ${NODE_LISTS.set}, version = v.version, "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(nodes)}::jsonb) AS v(${NODE_LISTS.record})
    WHERE n.id = v.id AND n."mapId" = ${mapId}::uuid`;
}

export async function updateEdges(tx: TTx, mapId: string, edges: TMapEdge[]): Promise<void> {
  if (edges.length === 0) return;
  await tx.$executeRaw`
    UPDATE "FlowEdge" AS e SET ${EDGE_LISTS.set}, version = v.version, "updatedAt" = now()
    FROM jsonb_to_recordset(${JSON.stringify(edges)}::jsonb) AS v(${EDGE_LISTS.record})
    WHERE e.id = v.id AND e."mapId" = ${mapId}::uuid`;
}

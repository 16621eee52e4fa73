import "server-only";
import { db, Prisma } from "@/lib/db";
import { EDGE_COLUMNS, NODE_COLUMNS, type TColumn } from "./model/fields";
import type { TMapEdge, TMapNode } from "./model/schemas";

/** `'field', <the column as the API shows it>` for every stored field, from the one field table. */
function jsonFields(alias: string, columns: Record<string, TColumn>): string {
  const expressions = Object.entries(columns).map(([field, column]) => {
    const ref = `${alias}."${field}"`;
    if (column.type === "jsonb") return `'${field}', COALESCE(${ref}, '{}'::jsonb)`;
    if (column.type === "text[]") return `'${field}', COALESCE(${ref}, '{}'::text[])`;
    // Counters are numbers in the API; timestamps ISO text in UTC, as JSON.stringify writes a Date.
    if (column.type === "bigint") return `'${field}', ${ref}::float8`;
    if (column.type.startsWith("timestamp")) return `'${field}', to_char(${ref}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    return `'${field}', ${ref}`;
  });
  return [`'id', ${alias}.id`, ...expressions, `'version', ${alias}.version`].join(", ");
}

const NODE_JSON = Prisma.raw(jsonFields("n", NODE_COLUMNS));
const EDGE_JSON = Prisma.raw(jsonFields("e", EDGE_COLUMNS));

/**
 * A map's version and elements as they are now, in ONE statement: one snapshot of the database, so
 * the elements belong to the version without a transaction around several reads. Postgres shapes each
 * row as the API's element (the same fields and values `toMapNode`/`toMapEdge` give) and sends the
 * whole map as one JSON text, which costs little more than reading the raw rows as JSON.
 */
export async function readCurrentGraph(mapId: string): Promise<{ version: number; nodes: TMapNode[]; edges: TMapEdge[] }> {
  const [row] = await db.$queryRaw<Array<{ map: string }>>`
    SELECT json_build_object(
      'version', m.version,
      'nodes', COALESCE((SELECT json_agg(json_build_object(${NODE_JSON}) ORDER BY n."createdAt") FROM "FlowNode" n WHERE n."mapId" = m.id), '[]'::json),
      'edges', COALESCE((SELECT json_agg(json_build_object(${EDGE_JSON}) ORDER BY e."createdAt") FROM "FlowEdge" e WHERE e."mapId" = m.id), '[]'::json)
    )::text AS map
    FROM "FlowMap" m WHERE m.id = ${mapId}::uuid`;
  if (!row) return { version: 0, nodes: [], edges: [] };
  return JSON.parse(row.map) as { version: number; nodes: TMapNode[]; edges: TMapEdge[] };
}

import { db } from "@/lib/db";
import type { TMapEdge, TMapNode } from "./schemas";

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
      'nodes', COALESCE((
        SELECT json_agg(json_build_object(
          'id', n.id, 'kind', n.kind, 'label', n.label, 'identity', n.identity, 'labels', COALESCE(n.labels, '{}'::jsonb),
          'addresses', COALESCE(n.addresses, '{}'::text[]), 'zoneId', n."zoneId", 'environment', n.environment, 'notes', n.notes,
          'daasElementId', n."daasElementId", 'x', n.x, 'y', n.y, 'width', n.width, 'height', n.height, 'version', n.version
        ) ORDER BY n."createdAt")
        FROM "FlowNode" n WHERE n."mapId" = m.id), '[]'::json),
      'edges', COALESCE((
        SELECT json_agg(json_build_object(
          'id', e.id, 'sourceId', e."sourceId", 'targetId', e."targetId", 'protocol', e.protocol, 'ports', e.ports,
          'appProtocol', e."appProtocol", 'principal', e.principal, 'encryption', e.encryption, 'authentication', e.authentication,
          'status', e.status, 'justification', e.justification, 'ownerId', e."ownerId", 'statementId', e."statementId",
          'connections', e.connections::float8, 'bytes', e.bytes::float8,
          'firstSeen', to_char(e."firstSeen", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'lastSeen', to_char(e."lastSeen", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          'version', e.version
        ) ORDER BY e."createdAt")
        FROM "FlowEdge" e WHERE e."mapId" = m.id), '[]'::json)
    )::text AS map
    FROM "FlowMap" m WHERE m.id = ${mapId}::uuid`;
  if (!row) return { version: 0, nodes: [], edges: [] };
  return JSON.parse(row.map) as { version: number; nodes: TMapNode[]; edges: TMapEdge[] };
}

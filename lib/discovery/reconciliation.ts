import { db, readAll } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { TEndpointDetails } from "./endpoints";
import { reconcile, type TObservedPair } from "./reconcile";
import type { TReconciliationResponse } from "./schemas";

/** Ghost edges sent to the canvas at most (the busiest first); the rest are counted. */
export const GHOST_LIMIT = 500;

type TPairRow = {
  sourceKey: string;
  destinationKey: string;
  protocol: string;
  destinationPort: number;
  connections: number;
  bytes: number;
  allowed: number;
  denied: number;
  dropReasons: Record<string, number> | null;
  lastSeenMs: number;
};

/** Times as epoch numbers and drop reasons only where something was denied: tens of thousands of rows decode quickly. */
function toPair(row: TPairRow): TObservedPair {
  const lastSeen = new Date(row.lastSeenMs);
  return { ...row, dropReasons: row.dropReasons ?? {}, firstSeen: lastSeen, lastSeen };
}

/** Reads a map and its pair totals (one row per connection kind, never per day) and reconciles them. */
export async function loadReconciliation(
  surfaceId: string,
  options: { ghostLimit?: number; now?: Date } = {},
): Promise<TReconciliationResponse> {
  const surface = await db.protectSurface.findUnique({ where: { id: surfaceId }, select: { id: true, flowMap: { select: { id: true } } } });
  if (!surface) throw new NotFoundError("The protect surface");
  const mapId = surface.flowMap?.id ?? null;
  const [nodes, edges, pairs, endpoints] = await readAll(db, [
    () =>
      mapId
        ? db.flowNode.findMany({ where: { mapId }, select: { id: true, kind: true, addresses: true, labels: true } })
        : Promise.resolve([]),
    () =>
      mapId
        ? db.flowEdge.findMany({
            where: { mapId },
            select: { id: true, sourceId: true, targetId: true, protocol: true, ports: true, status: true, createdAt: true },
          })
        : Promise.resolve([]),
    // float8 rather than bigint: counts stay exact far beyond what a map shows, and no BigInt per row.
    () => db.$queryRaw<TPairRow[]>`
      SELECT "sourceKey", "destinationKey", "protocol", "destinationPort",
             "connections"::float8 AS connections, "bytes"::float8 AS bytes, "allowed"::float8 AS allowed, "denied"::float8 AS denied,
             CASE WHEN "denied" > 0 THEN "dropReasons" END AS "dropReasons", (extract(epoch FROM "lastSeen") * 1000)::float8 AS "lastSeenMs"
      FROM "DiscoveryPair" WHERE "surfaceId" = ${surfaceId}::uuid`,
    () => db.$queryRaw<Array<TEndpointDetails & { labels: Record<string, string> }>>`
      SELECT "key", "address", "hostname", "namespace", "labels" FROM "DiscoveryEndpoint" WHERE "surfaceId" = ${surfaceId}::uuid`,
  ]);
  const unseenDays = getEnv().DISCOVERY_UNSEEN_DAYS;
  const result = reconcile({
    nodes: nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      addresses: node.addresses,
      labels: (node.labels ?? {}) as Record<string, string>,
    })),
    flows: edges,
    pairs: pairs.map(toPair),
    endpoints: new Map(endpoints.map((endpoint) => [endpoint.key, endpoint])),
    now: options.now ?? new Date(),
    unseenDays,
  });
  const limit = options.ghostLimit ?? GHOST_LIMIT;
  return {
    surfaceId,
    unseenDays,
    observedPairs: pairs.length,
    flows: result.flows,
    ghosts: result.ghosts.slice(0, limit),
    ghostsTruncated: Math.max(0, result.ghosts.length - limit),
    unmapped: result.unmapped.slice(0, 200),
    totals: result.totals,
  };
}

export async function getReconciliation(context: TActorContext, surfaceId: string): Promise<TReconciliationResponse> {
  assertCan(context.actor, "map.read");
  return loadReconciliation(surfaceId);
}

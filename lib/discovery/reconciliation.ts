import "server-only";
import { db, readAll, type Prisma, type TTx } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { TEndpointDetails } from "./endpoints";
import { mapFingerprint, overlayResponse, storedOverlayOf, type TStoredOverlay } from "./overlay-cache";
import { reconcile, type TDrawnFlow, type TObservedPair } from "./reconcile";
import type { TResolvableNode } from "./resolve";
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

type TMapRead = { nodes: TResolvableNode[]; flows: TDrawnFlow[] };

/** Reads every pair total and endpoint of a surface and reconciles them with the map. */
async function computeOverlay(
  surfaceId: string,
  map: TMapRead,
  now: Date,
  unseenDays: number,
  ghostLimit: number,
): Promise<TStoredOverlay> {
  const [pairs, endpoints] = await readAll(db, [
    // float8 rather than bigint: counts stay exact far beyond what a map shows, and no BigInt per row.
    () => db.$queryRaw<TPairRow[]>`
      SELECT "sourceKey", "destinationKey", "protocol", "destinationPort",
             "connections"::float8 AS connections, "bytes"::float8 AS bytes, "allowed"::float8 AS allowed, "denied"::float8 AS denied,
             CASE WHEN "denied" > 0 THEN "dropReasons" END AS "dropReasons", (extract(epoch FROM "lastSeen") * 1000)::float8 AS "lastSeenMs"
      FROM "DiscoveryPair" WHERE "surfaceId" = ${surfaceId}::uuid`,
    () => db.$queryRaw<Array<TEndpointDetails & { labels: Record<string, string> }>>`
      SELECT "key", "address", "hostname", "namespace", "labels" FROM "DiscoveryEndpoint" WHERE "surfaceId" = ${surfaceId}::uuid`,
  ]);
  const result = reconcile({
    nodes: map.nodes,
    flows: map.flows,
    pairs: pairs.map(toPair),
    endpoints: new Map(endpoints.map((endpoint) => [endpoint.key, endpoint])),
    now,
    unseenDays,
  });
  return storedOverlayOf(result, pairs.length, ghostLimit);
}

/**
 * The overlay of a surface's map. Served from DiscoveryOverlay (one row by key) while the map still
 * reads as it did when the overlay was computed and no import, undo or prune touched the
 * observations since; otherwise computed from the pair totals (one row per connection kind, never
 * per day) and stored for the next reader, unless an import stored a newer one meanwhile.
 */
export async function loadReconciliation(
  surfaceId: string,
  options: { ghostLimit?: number; now?: Date } = {},
): Promise<TReconciliationResponse> {
  const surface = await db.protectSurface.findUnique({ where: { id: surfaceId }, select: { id: true, flowMap: { select: { id: true } } } });
  if (!surface) throw new NotFoundError("The protect surface");
  const mapId = surface.flowMap?.id ?? null;
  const [nodes, flows, stored] = await readAll(db, [
    () =>
      mapId
        ? db.flowNode.findMany({
            where: { mapId },
            select: { id: true, kind: true, addresses: true, labels: true },
            orderBy: { id: "asc" },
          })
        : Promise.resolve([]),
    () =>
      mapId
        ? db.flowEdge.findMany({
            where: { mapId },
            select: { id: true, sourceId: true, targetId: true, protocol: true, ports: true, status: true, createdAt: true },
            orderBy: { id: "asc" },
          })
        : Promise.resolve([]),
    () => db.discoveryOverlay.findUnique({ where: { surfaceId } }),
  ]);
  const map: TMapRead = {
    nodes: nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      addresses: node.addresses,
      labels: (node.labels ?? {}) as Record<string, string>,
    })),
    flows,
  };
  const now = options.now ?? new Date();
  const unseenDays = getEnv().DISCOVERY_UNSEEN_DAYS;
  const ghostLimit = options.ghostLimit ?? GHOST_LIMIT;
  const fingerprint = mapFingerprint(map.nodes, map.flows);
  if (ghostLimit <= GHOST_LIMIT && stored?.result && stored.fingerprint === fingerprint)
    return overlayResponse(surfaceId, stored.result as TStoredOverlay, flows, { now, unseenDays, ghostLimit });

  const overlay = await computeOverlay(surfaceId, map, now, unseenDays, Math.max(ghostLimit, GHOST_LIMIT));
  if (ghostLimit <= GHOST_LIMIT) {
    const data = { fingerprint, result: overlay as unknown as Prisma.InputJsonValue, computedAt: now };
    // Written only over the version read: an import that finished meanwhile has dropped it, and its own is newer.
    if (stored) await db.discoveryOverlay.updateMany({ where: { surfaceId, observedVersion: stored.observedVersion }, data });
    else await db.discoveryOverlay.createMany({ data: [{ surfaceId, ...data }], skipDuplicates: true });
  }
  return overlayResponse(surfaceId, overlay, flows, { now, unseenDays, ghostLimit });
}

/** Drops a surface's stored overlay: its observations changed (an import merged, an undo). In the transaction of the change. */
export async function invalidateOverlay(tx: TTx, surfaceId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "DiscoveryOverlay" ("surfaceId", "observedVersion") VALUES (${surfaceId}::uuid, 1)
    ON CONFLICT ("surfaceId") DO UPDATE SET "observedVersion" = "DiscoveryOverlay"."observedVersion" + 1, "fingerprint" = NULL, "result" = NULL`;
}

/** Computes and stores a surface's overlay now, after its observations changed, so that the next map view reads it stored. */
export async function refreshOverlay(surfaceId: string): Promise<void> {
  await loadReconciliation(surfaceId);
}

export async function getReconciliation(context: TActorContext, surfaceId: string): Promise<TReconciliationResponse> {
  assertCan(context.actor, "map.read");
  return loadReconciliation(surfaceId);
}

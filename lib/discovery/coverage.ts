import "server-only";
import { db, type TTx } from "@/lib/db";
import type { TEndpointDetails } from "./endpoints";
import { reconcile, type TObservedPair } from "./reconcile";

/** What the coverage indicators read of one surface with observed traffic. */
export type TObservedCoverageRecord = {
  surfaceId: string;
  observedConnections: number;
  /** Observed connections that an APPROVED drawn flow covers. */
  approvedConnections: number;
  /** Ghost edges: allowed traffic between nodes with no drawn flow. */
  undrawnFlows: number;
  /** Drawn flows (not DENIED) that no observation matches. */
  neverObservedFlowIds: string[];
};

/** Reconciles every surface that has observations; the indicators sum the results. */
export async function loadDiscoveryCoverage(client: TTx = db, now = new Date()): Promise<TObservedCoverageRecord[]> {
  const surfaces = await client.$queryRaw<
    Array<{ surfaceId: string }>
  >`SELECT DISTINCT "surfaceId"::text AS "surfaceId" FROM "DiscoveryPair"`;
  const records: TObservedCoverageRecord[] = [];
  for (const { surfaceId } of surfaces) {
    const map = await client.flowMap.findUnique({ where: { surfaceId }, select: { id: true } });
    const nodes = map
      ? await client.flowNode.findMany({ where: { mapId: map.id }, select: { id: true, kind: true, addresses: true, labels: true } })
      : [];
    const flows = map
      ? await client.flowEdge.findMany({
          where: { mapId: map.id },
          select: { id: true, sourceId: true, targetId: true, protocol: true, ports: true, status: true, createdAt: true },
        })
      : [];
    const pairs = await client.$queryRaw<TObservedPair[]>`
      SELECT "sourceKey", "destinationKey", "protocol", "destinationPort", "connections"::float8 AS connections, "bytes"::float8 AS bytes,
             "allowed"::float8 AS allowed, "denied"::float8 AS denied, "dropReasons", "firstSeen", "lastSeen"
      FROM "DiscoveryPair" WHERE "surfaceId" = ${surfaceId}::uuid`;
    const endpoints = await client.$queryRaw<
      TEndpointDetails[]
    >`SELECT "key", "address", "hostname", "namespace", "labels" FROM "DiscoveryEndpoint" WHERE "surfaceId" = ${surfaceId}::uuid`;
    const input = {
      nodes: nodes.map((node) => ({
        id: node.id,
        kind: node.kind,
        addresses: node.addresses,
        labels: (node.labels ?? {}) as Record<string, string>,
      })),
      pairs,
      endpoints: new Map(endpoints.map((endpoint) => [endpoint.key, endpoint])),
      now,
      unseenDays: 30,
    };
    const all = reconcile({ ...input, flows });
    const approvedOnly = reconcile({ ...input, flows: flows.filter((flow) => flow.status === "APPROVED") });
    const denied = new Set(flows.filter((flow) => flow.status === "DENIED").map((flow) => flow.id));
    records.push({
      surfaceId,
      observedConnections: all.totals.observedConnections,
      approvedConnections: approvedOnly.totals.coveredConnections,
      undrawnFlows: all.ghosts.filter((ghost) => !ghost.deniedOnly).length,
      neverObservedFlowIds: all.flows.filter((flow) => !flow.seen && !denied.has(flow.edgeId)).map((flow) => flow.edgeId),
    });
  }
  return records;
}

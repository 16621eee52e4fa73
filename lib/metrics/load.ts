import "server-only";
import { db, readAll, type TTx } from "@/lib/db";
import { loadDiscoveryCoverage } from "@/lib/discovery/coverage";
import { latestDriftChecks } from "@/lib/enforcement/drift-store";
import type { TProgramRecords } from "./records";

/**
 * Reads the plain records every indicator formula needs, whatever rows exist. Only the columns the
 * formulas use are selected, so the whole program fits in memory even at tens of thousands of flows.
 */
export async function loadProgramRecords(client: TTx = db): Promise<TProgramRecords> {
  const [surfaces, maps, signOffs, edges, nodes, changes, approvals, transitions] = await readAll(client, [
    () =>
      client.protectSurface.findMany({
        select: { id: true, name: true, status: true, classification: true, version: true },
        orderBy: { name: "asc" },
      }),
    () => client.flowMap.findMany({ select: { id: true, surfaceId: true } }),
    () => client.surfaceSignOff.findMany({ select: { surfaceId: true, version: true, team: true, withdrawnAt: true, voidedAt: true } }),
    () =>
      client.flowEdge.findMany({
        select: {
          // Plain columns only: a relation select per edge costs seconds at 50,000 flows.
          id: true,
          mapId: true,
          sourceId: true,
          targetId: true,
          status: true,
          encryption: true,
          ports: true,
          justification: true,
        },
      }),
    () => client.flowNode.findMany({ select: { id: true, label: true, zoneId: true } }),
    () =>
      client.change.findMany({
        select: {
          id: true,
          number: true,
          title: true,
          state: true,
          track: true,
          submittedAt: true,
          implementedAt: true,
          rolledBackAt: true,
        },
      }),
    () => client.changeApproval.findMany({ select: { changeId: true, team: true, decision: true, voidedAt: true } }),
    () => client.changeTransition.findMany({ select: { changeId: true, from: true, to: true, createdAt: true } }),
  ]);
  const observed = await loadDiscoveryCoverage(client);
  const policyDrift = await latestDriftChecks(client);
  const surfaceById = new Map(surfaces.map((surface) => [surface.id, surface]));
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const surfaceIdByMap = new Map(maps.map((map) => [map.id, map.surfaceId]));
  const mappedSurfaces = new Set(maps.map((map) => map.surfaceId));
  return {
    surfaces: surfaces.map((surface) => ({
      id: surface.id,
      name: surface.name,
      status: surface.status,
      classification: surface.classification,
      version: surface.version,
      hasFlowMap: mappedSurfaces.has(surface.id),
    })),
    signOffs: signOffs.map((signOff) => ({
      surfaceId: signOff.surfaceId,
      version: signOff.version,
      team: signOff.team,
      active: !signOff.withdrawnAt && !signOff.voidedAt,
    })),
    flows: edges.map((edge) => {
      const surfaceId = surfaceIdByMap.get(edge.mapId) ?? "";
      const surface = surfaceById.get(surfaceId);
      const source = nodeById.get(edge.sourceId);
      const target = nodeById.get(edge.targetId);
      return {
        id: edge.id,
        surfaceId,
        surfaceName: surface?.name ?? "",
        surfaceClassification: surface?.classification ?? "INTERNAL",
        sourceLabel: source?.label ?? "",
        targetLabel: target?.label ?? "",
        sourceZoneId: source?.zoneId ?? null,
        targetZoneId: target?.zoneId ?? null,
        status: edge.status,
        encryption: edge.encryption,
        ports: edge.ports,
        justification: edge.justification,
      };
    }),
    changes,
    approvals: approvals.map((approval) => ({
      changeId: approval.changeId,
      team: approval.team,
      decision: approval.decision,
      active: !approval.voidedAt,
    })),
    transitions: transitions.map((transition) => ({
      changeId: transition.changeId,
      from: transition.from,
      to: transition.to,
      at: transition.createdAt,
    })),
    observed,
    policyDrift,
  };
}

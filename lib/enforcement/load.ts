/**
 * A surface's map as policy reads it, with the decision that approved each flow: the one read every
 * policy service (generation, drift, a change's preview) starts from. No authorization here: the
 * callers check it.
 */
import type { TTx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { TApprovalTrace, TPolicySurface } from "./model";

export async function loadPolicySurface(
  tx: TTx,
  surfaceId: string,
): Promise<TPolicySurface & { status: string; version: number; flowLabels: Record<string, string> }> {
  const surface = await tx.protectSurface.findFirst({
    where: { id: surfaceId },
    select: {
      id: true,
      name: true,
      status: true,
      version: true,
      flowMap: {
        select: {
          id: true,
          nodes: { select: { id: true, kind: true, label: true, identity: true, labels: true, addresses: true, daasElementId: true } },
          edges: {
            select: {
              id: true,
              sourceId: true,
              targetId: true,
              protocol: true,
              ports: true,
              appProtocol: true,
              principal: true,
              httpMethod: true,
              httpPath: true,
              status: true,
            },
          },
        },
      },
    },
  });
  if (!surface) throw new NotFoundError("Protect surface not found");
  const nodes = surface.flowMap?.nodes ?? [];
  const edges = surface.flowMap?.edges ?? [];
  const approvals = await approvalsOf(
    tx,
    surface.flowMap?.id ?? null,
    edges.filter((edge) => edge.status === "APPROVED").map((edge) => edge.id),
    surface.version,
  );
  const labels = new Map(nodes.map((node) => [node.id, node.label]));
  return {
    id: surface.id,
    name: surface.name,
    status: surface.status,
    version: surface.version,
    nodes: nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      label: node.label,
      identity: node.identity,
      labels: (node.labels ?? {}) as Record<string, string>,
      addresses: node.addresses,
      protected: node.daasElementId !== null,
    })),
    flows: edges.map((edge) => ({ ...edge, approval: approvals.get(edge.id) ?? null })),
    flowLabels: Object.fromEntries(
      edges.map((edge) => [
        edge.id,
        `${labels.get(edge.sourceId) ?? "?"} → ${labels.get(edge.targetId) ?? "?"} ${edge.protocol}${edge.ports ? ` ${edge.ports}` : ""}`,
      ]),
    ),
  };
}

/**
 * The decision behind each approved flow: the newest map event that set it APPROVED, which names
 * its change when a verified change did it; otherwise it was the owners' agreement.
 */
async function approvalsOf(tx: TTx, mapId: string | null, edgeIds: string[], surfaceVersion: number): Promise<Map<string, TApprovalTrace>> {
  const approvals = new Map<string, TApprovalTrace>();
  if (!mapId || edgeIds.length === 0) return approvals;
  const events = await tx.mapEvent.findMany({
    where: { mapId, entityId: { in: edgeIds }, after: { path: ["status"], equals: "APPROVED" } },
    orderBy: { id: "desc" },
    select: { entityId: true, changeId: true, change: { select: { number: true } } },
  });
  for (const event of events) {
    if (approvals.has(event.entityId)) continue;
    approvals.set(
      event.entityId,
      event.changeId && event.change
        ? { kind: "change", changeId: event.changeId, changeNumber: event.change.number }
        : { kind: "agreement", surfaceVersion },
    );
  }
  return approvals;
}

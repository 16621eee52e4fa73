import "server-only";
import { readAll, type Prisma, type TTx } from "@/lib/db";
import type { TActorContext } from "@/lib/auth/actor";
import { ConflictError, ValidationError, type TFieldError } from "@/lib/errors";
import { enqueueFlowStatusChangesOfChange } from "@/lib/outbox/enqueue";
import { enqueuePolicyChanged } from "@/lib/enforcement/change/webhook";
import type { TFlowOperationInput } from "./schemas";
import { flowAttributesOf, toFlowSnapshot } from "./flow-snapshot";
import { asSnapshot, type TFlowSnapshot } from "@/lib/change-policy/types";
import type { TStoredOperation } from "./snapshot";

/**
 * Every read and write of flow maps the change domain does lives here, so it can move behind the
 * map service later without touching the workflow.
 */

const edgeSelect = {
  id: true,
  mapId: true,
  sourceId: true,
  targetId: true,
  protocol: true,
  ports: true,
  appProtocol: true,
  httpMethod: true,
  httpPath: true,
  encryption: true,
  authentication: true,
  justification: true,
  status: true,
  version: true,
  source: { select: { label: true } },
  target: { select: { label: true } },
  map: { select: { surfaceId: true } },
} as const;

type TEdgeRow = Prisma.FlowEdgeGetPayload<{ select: typeof edgeSelect }>;

function snapshotOfEdge(edge: TEdgeRow): TFlowSnapshot {
  return toFlowSnapshot(edge, { source: edge.source.label, target: edge.target.label });
}

/** Turns requested operations into stored ones with before/after snapshots, checking every reference. */
export async function resolveOperations(tx: TTx, inputs: TFlowOperationInput[]): Promise<TStoredOperation[]> {
  const edgeIds = inputs.flatMap((input) => (input.kind === "ADD" ? [] : [input.edgeId]));
  const nodeIds = inputs.flatMap((input) => (input.kind === "ADD" ? [input.sourceNodeId, input.targetNodeId] : []));
  const [edges, nodes] = await readAll(tx, [
    () => tx.flowEdge.findMany({ where: { id: { in: edgeIds } }, select: edgeSelect }),
    () => tx.flowNode.findMany({ where: { id: { in: nodeIds } }, select: { id: true, label: true, map: { select: { surfaceId: true } } } }),
  ]);
  const edgeById = new Map(edges.map((edge) => [edge.id, edge]));
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const problems: TFieldError[] = [];
  const resolved = inputs.map((input, index): TStoredOperation | null => {
    const at = (field: string) => `operations.${index}.${field}`;
    if (input.kind === "ADD") {
      const source = nodeById.get(input.sourceNodeId);
      const target = nodeById.get(input.targetNodeId);
      if (!source || source.map.surfaceId !== input.surfaceId)
        problems.push({ path: at("sourceNodeId"), message: "must be a node on this surface's map" });
      if (!target || target.map.surfaceId !== input.surfaceId)
        problems.push({ path: at("targetNodeId"), message: "must be a node on this surface's map" });
      if (!source || !target) return null;
      return {
        kind: "ADD",
        surfaceId: input.surfaceId,
        edgeId: null,
        before: null,
        after: { sourceId: source.id, targetId: target.id, sourceLabel: source.label, targetLabel: target.label, ...input.flow },
      };
    }
    const edge = edgeById.get(input.edgeId);
    if (!edge || edge.map.surfaceId !== input.surfaceId) {
      problems.push({ path: at("edgeId"), message: "must be a flow on this surface's map" });
      return null;
    }
    const before = snapshotOfEdge(edge);
    return {
      kind: input.kind,
      surfaceId: input.surfaceId,
      edgeId: edge.id,
      before,
      after: input.kind === "MODIFY" ? { ...before, ...input.flow } : null,
    };
  });
  if (problems.length > 0) throw new ValidationError(problems, "Some flow operations do not match the maps.");
  return resolved.filter((operation): operation is TStoredOperation => operation !== null);
}

type TOperationRow = {
  id: string;
  kind: "ADD" | "MODIFY" | "REMOVE";
  surfaceId: string;
  edgeId: string | null;
  before: unknown;
  after: unknown;
};

/**
 * Applies a verified change to the maps in the caller's transaction: added flows become APPROVED
 * edges, modified ones are updated, removed ones deleted. Each touched map gets one new version;
 * every edit leaves a MapEvent naming the change.
 */
export async function applyOperations(
  tx: TTx,
  context: TActorContext,
  changeId: string,
  operations: TOperationRow[],
): Promise<{ mapsTouched: number; edgesTouched: number }> {
  const mapVersions = new Map<string, number>();
  const bumpMap = async (surfaceId: string): Promise<{ mapId: string; version: number }> => {
    const map = await tx.flowMap.findUnique({ where: { surfaceId }, select: { id: true } });
    if (!map) throw new ConflictError("The surface has no flow map to apply the change to.");
    const known = mapVersions.get(map.id);
    if (known !== undefined) return { mapId: map.id, version: known };
    const updated = await tx.flowMap.update({ where: { id: map.id }, data: { version: { increment: 1 } }, select: { version: true } });
    mapVersions.set(map.id, updated.version);
    return { mapId: map.id, version: updated.version };
  };
  const event = (mapId: string, mapVersion: number, kind: string, entityId: string, before: unknown, after: unknown) =>
    tx.mapEvent.create({
      data: {
        mapId,
        mapVersion,
        kind,
        entityId,
        changeId,
        actorId: context.actor?.id ?? null,
        before: (before ?? undefined) as Prisma.InputJsonValue,
        after: (after ?? undefined) as Prisma.InputJsonValue,
      },
    });
  for (const operation of operations) {
    const { mapId, version } = await bumpMap(operation.surfaceId);
    const after = asSnapshot(operation.after);
    if (operation.kind === "ADD" && after) {
      const { sourceLabel: _source, targetLabel: _target, ...attributes } = after;
      const edge = await tx.flowEdge.create({ data: { mapId, ...attributes, status: "APPROVED", ownerId: context.actor?.id ?? null } });
      await tx.flowOperation.update({ where: { id: operation.id }, data: { edgeId: edge.id } });
      await event(mapId, version, "edge.create", edge.id, null, { ...attributes, status: "APPROVED" });
      continue;
    }
    const edge = operation.edgeId ? await tx.flowEdge.findUnique({ where: { id: operation.edgeId }, select: edgeSelect }) : null;
    if (!edge) throw new ConflictError("A flow this change modifies or removes no longer exists on the map; edit the change.");
    if (operation.kind === "REMOVE") {
      await tx.flowEdge.delete({ where: { id: edge.id } });
      await event(mapId, version, "edge.delete", edge.id, snapshotOfEdge(edge), null);
    } else if (after) {
      const updated = await tx.flowEdge.update({
        where: { id: edge.id },
        data: {
          ...flowAttributesOf(after),
          status: "APPROVED",
          version: { increment: 1 },
        },
        select: edgeSelect,
      });
      await event(
        mapId,
        version,
        "edge.update",
        edge.id,
        { ...snapshotOfEdge(edge), status: edge.status },
        { ...snapshotOfEdge(updated), status: "APPROVED" },
      );
    }
  }
  await enqueueFlowStatusChangesOfChange(tx, changeId);
  if (operations.length > 0) {
    const { number } = await tx.change.findUniqueOrThrow({ where: { id: changeId }, select: { number: true } });
    await enqueuePolicyChanged(
      tx,
      { id: changeId, number },
      operations.map((operation) => operation.surfaceId),
    );
  }
  return { mapsTouched: mapVersions.size, edgesTouched: operations.length };
}

/** Flows of the given surfaces' maps a change can pick from, with their endpoints. */
export async function listPickableFlows(tx: TTx, surfaceIds: string[]) {
  const maps = await tx.flowMap.findMany({
    where: { surfaceId: { in: surfaceIds } },
    select: {
      surfaceId: true,
      nodes: { select: { id: true, label: true, kind: true }, orderBy: { label: "asc" } },
      edges: { select: edgeSelect, orderBy: { createdAt: "asc" } },
    },
  });
  return maps.map((map) => ({
    surfaceId: map.surfaceId,
    nodes: map.nodes.filter((node) => node.kind !== "ZONE"),
    edges: map.edges.map((edge) => ({ id: edge.id, status: edge.status, ...snapshotOfEdge(edge) })),
  }));
}

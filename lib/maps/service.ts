import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db, type Prisma, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { reopenSurfaceForReview } from "@/lib/surfaces/reopen";
import { enqueueFlowStatusChanges } from "@/lib/outbox/enqueue";
import { approvalByEditErrors, withEditedApprovalsReproposed } from "./model/approval";
import { documentToOperations, toDocumentPath } from "./model/document";
import { orderParentsFirst } from "./model/geometry";
import { changedFields, changesContent, graphOf, planOperations, revertEvents, type TMapChange, type TMapGraph } from "./model/rules";
import { ZMapOperation } from "./model/schemas";
import type {
  TMapImportMode,
  TMapOperationInput,
  TEdgeCreateInput,
  TNodeCreateInput,
  TEdgePatch,
  TFlowMap,
  TMapEdge,
  TMapEditResult,
  TMapEvent,
  TMapEventKind,
  TMapNode,
  TMapOperation,
  TNodePatch,
} from "./model/schemas";
import { MAP_EVENTS_CHANNEL } from "./channels";
import { updateEdges, updateNodes } from "./element-sql";
import { edgeData, nodeData, toMapEdge, toMapNode, type TEdgeRow, type TNodeRow } from "./mappers";
import { cachedSnapshot, readOnce, rememberSnapshot, type TMapSnapshot } from "./snapshots";
import { readCurrentGraph } from "./current-graph";

async function loadSurface(tx: TTx, surfaceId: string) {
  const surface = await tx.protectSurface.findUnique({
    where: { id: surfaceId },
    select: {
      id: true,
      name: true,
      classification: true,
      status: true,
      updatedAt: true,
      elements: { select: { id: true, type: true, name: true, classification: true }, orderBy: { position: "asc" } },
      statements: { select: { id: true, who: true, what: true, why: true }, orderBy: { createdAt: "asc" } },
      flowMap: { select: { id: true, version: true } },
    },
  });
  if (!surface) throw new NotFoundError("The protect surface");
  return surface;
}

async function loadGraph(tx: TTx, mapId: string | null): Promise<TMapGraph> {
  if (!mapId) return graphOf([], []);
  // One after the other: a transaction is one connection, and pg refuses overlapping queries on one from v9.
  const nodes = await tx.flowNode.findMany({ where: { mapId }, orderBy: { createdAt: "asc" } });
  const edges = await tx.flowEdge.findMany({ where: { mapId }, orderBy: { createdAt: "asc" } });
  return graphOf(nodes.map(toMapNode), edges.map(toMapEdge));
}

/** Nodes and edges read in one snapshot of the database, so both belong to the same map version. */
async function loadSnapshot(
  mapId: string,
  surfaceUpdatedAt: Date,
  atVersion: number | undefined,
): Promise<{ version: number; snapshot: TMapSnapshot }> {
  const current = await readCurrentGraph(mapId);
  if (atVersion === undefined || atVersion >= current.version) {
    const snapshot: TMapSnapshot = { nodes: orderParentsFirst(current.nodes), edges: current.edges };
    rememberSnapshot({ mapId, version: current.version, surfaceUpdatedAt }, snapshot);
    return { version: current.version, snapshot };
  }
  // An earlier version: the current elements with later events undone, all read in one transaction.
  return db.$transaction(
    async (tx) => {
      const { version: current } = await tx.flowMap.findUniqueOrThrow({ where: { id: mapId }, select: { version: true } });
      const version = atVersion !== undefined && atVersion < current ? atVersion : current;
      const key = { mapId, version, surfaceUpdatedAt };
      const cached = cachedSnapshot(key);
      if (cached) return { version, snapshot: cached };
      let graph = await loadGraph(tx, mapId);
      if (version < current) {
        const later = await tx.mapEvent.findMany({
          where: { mapId, mapVersion: { gt: version } },
          orderBy: [{ mapVersion: "desc" }, { id: "desc" }],
          select: { kind: true, entityId: true, before: true },
        });
        graph = revertEvents(
          graph,
          later.map((event) => ({ kind: event.kind as TMapEventKind, entityId: event.entityId, before: event.before })),
        );
      }
      const snapshot: TMapSnapshot = { nodes: orderParentsFirst([...graph.nodes.values()]), edges: [...graph.edges.values()] };
      rememberSnapshot(key, snapshot);
      return { version, snapshot };
    },
    { isolationLevel: "RepeatableRead", maxWait: 10_000, timeout: 30_000 },
  );
}

/**
 * The elements of a map at a version (the current one unless an earlier one is asked for): cached by
 * version, and read once however many ask for it at the same moment.
 */
async function readSnapshot(
  mapId: string,
  knownVersion: number,
  surfaceUpdatedAt: Date,
  atVersion: number | undefined,
): Promise<{ version: number; snapshot: TMapSnapshot }> {
  const version = atVersion !== undefined && atVersion < knownVersion ? atVersion : knownVersion;
  const key = { mapId, version, surfaceUpdatedAt };
  const cached = cachedSnapshot(key);
  if (cached) return { version, snapshot: cached };
  return readOnce(key, () => loadSnapshot(mapId, surfaceUpdatedAt, atVersion));
}

/** The whole map of a surface, as it is now or as it was at an earlier map version. */
export async function getMap(context: TActorContext, surfaceId: string, atVersion?: number): Promise<TFlowMap> {
  assertCan(context.actor, "map.read");
  const surface = await loadSurface(db, surfaceId);
  const mapId = surface.flowMap?.id ?? null;
  const [{ version, snapshot }, users] = await Promise.all([
    mapId
      ? readSnapshot(mapId, surface.flowMap!.version, surface.updatedAt, atVersion)
      : { version: 0, snapshot: { nodes: [], edges: [] } as TMapSnapshot },
    db.user.findMany({ select: { id: true, name: true, team: true, roles: true, status: true }, orderBy: { name: "asc" } }),
  ]);
  const ownerIds = new Set(snapshot.edges.map((edge) => edge.ownerId).filter((id): id is string => id !== null));
  // Who can own a flow: active contributors, and whoever owns one already. (Roles are filtered here:
  // the embedded database's adapter cannot compare enum arrays.)
  const people = users
    .filter((user) => (user.status === "ACTIVE" && user.roles.includes("CONTRIBUTOR")) || ownerIds.has(user.id))
    .map(({ id, name, team }) => ({ id, name, team }));
  return {
    surface: { id: surface.id, name: surface.name, classification: surface.classification, status: surface.status },
    mapId,
    version,
    nodes: snapshot.nodes as TMapNode[],
    edges: snapshot.edges as TMapEdge[],
    elements: surface.elements,
    statements: surface.statements.map((statement) => ({
      id: statement.id,
      summary: `${statement.who} → ${statement.what}: ${statement.why}`,
    })),
    people,
  };
}

/** Fields others changed on each element after the version a request holds: what the conflict rule compares against. */
async function fieldsChangedSince(
  tx: TTx,
  mapId: string,
  graph: TMapGraph,
  operations: TMapOperation[],
): Promise<Map<string, Set<string>>> {
  const stale = new Map<string, number>();
  for (const operation of operations) {
    if (operation.op !== "updateNode" && operation.op !== "updateEdge") continue;
    const current = operation.op === "updateNode" ? graph.nodes.get(operation.id) : graph.edges.get(operation.id);
    if (current && operation.version < current.version)
      stale.set(operation.id, Math.min(operation.version, stale.get(operation.id) ?? Infinity));
  }
  const changed = new Map<string, Set<string>>();
  if (stale.size === 0) return changed;
  const events = await tx.mapEvent.findMany({
    where: { mapId, entityId: { in: [...stale.keys()] } },
    select: { entityId: true, before: true, after: true },
  });
  for (const event of events) {
    const after = event.after as { version?: number } | null;
    if (!after || (after.version ?? 0) <= stale.get(event.entityId)!) continue;
    const fields = changed.get(event.entityId) ?? new Set<string>();
    for (const field of changedFields(event.before as object | null, after)) fields.add(field);
    changed.set(event.entityId, fields);
  }
  return changed;
}

/** One statement per kind of change, whatever the size of the edit. */
async function persistChanges(tx: TTx, mapId: string, changes: TMapChange[]): Promise<void> {
  const of = (kind: TMapEventKind) => changes.filter((change) => change.kind === kind);
  const ids = (kind: TMapEventKind) => of(kind).map((change) => change.entityId);
  const createdNodes = orderParentsFirst(of("node.create").map((change) => change.after as TMapNode));
  // Foreign keys are checked at the end of each statement, so members may follow their zone in the same insert.
  if (createdNodes.length > 0)
    await tx.flowNode.createMany({ data: createdNodes.map((node) => ({ id: node.id, mapId, ...nodeData(node) })) });
  await updateNodes(
    tx,
    mapId,
    of("node.update").map((change) => change.after as TMapNode),
  );
  if (ids("edge.delete").length > 0) await tx.flowEdge.deleteMany({ where: { mapId, id: { in: ids("edge.delete") } } });
  const createdEdges = of("edge.create");
  if (createdEdges.length > 0)
    await tx.flowEdge.createMany({
      data: createdEdges.map((change) => ({ id: change.entityId, mapId, ...edgeData(change.after as TMapEdge) })),
    });
  await updateEdges(
    tx,
    mapId,
    of("edge.update").map((change) => change.after as TMapEdge),
  );
  if (ids("node.delete").length > 0) await tx.flowNode.deleteMany({ where: { mapId, id: { in: ids("node.delete") } } });
}

/**
 * The one way a map changes: every single edit, paste, layout, import and undo goes through here.
 * All operations apply or none do; the map version bumps once; each changed element gets a
 * MapEvent, the request one audit row, and listeners a notification — all in one transaction.
 */
export function applyMapOperations(
  context: TActorContext,
  surfaceId: string,
  input: TMapOperationInput[],
  reason: string = "edit",
): Promise<TMapEditResult> {
  return runMapEdit(context, surfaceId, input, { reason, elementsMustExist: false });
}

async function runMapEdit(
  context: TActorContext,
  surfaceId: string,
  input: TMapOperationInput[],
  { reason, elementsMustExist }: { reason: string; elementsMustExist: boolean },
): Promise<TMapEditResult> {
  assertCan(context.actor, "map.write");
  // Parsed here as well as in the route: seeders and other domains call the service directly.
  const parsed = z.array(ZMapOperation).safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(
      parsed.error.issues.map((issue) => ({ path: ["operations", ...issue.path.map(String)].join("."), message: issue.message })),
      "The map edit is invalid.",
    );
  }
  const operations = parsed.data;
  return db.$transaction(
    (tx) => writeMapOperations(tx, { context, surfaceId, operations, reason, reopenAgreed: true, elementsMustExist }),
    { timeout: 60_000, maxWait: 20_000 },
  );
}

export type TWriteMapOperations = {
  context: TActorContext;
  surfaceId: string;
  operations: TMapOperation[];
  /** Why the edit was made ("edit", "layout", "import"…): named in the audit row of a batch. */
  reason: string;
  /** False only for the demo seeder, which draws the maps the owners agreed to. */
  reopenAgreed: boolean;
  /**
   * Set only where a joint decision approves flows (the owners' agreement, the seeder drawing an
   * agreed map); any other edit that would approve a flow is refused.
   */
  jointApproval?: boolean;
  /** For requests whose URL names the element: one that is not on the map is "not found", not a conflict. */
  elementsMustExist?: boolean;
};

/** The transaction body of a map edit, for callers that already hold a transaction. */
export async function writeMapOperations(
  tx: TTx,
  { context, surfaceId, operations: requested, reason, ...options }: TWriteMapOperations,
): Promise<TMapEditResult> {
  const surface = await loadSurface(tx, surfaceId);
  // The first edit creates the map: ON CONFLICT DO NOTHING waits for a concurrent creator and lets
  // every first edit through (Prisma's upsert would answer "already exists" to all but one).
  await tx.$executeRaw`INSERT INTO "FlowMap" (id, "surfaceId", "updatedAt") VALUES (gen_random_uuid(), ${surfaceId}::uuid, now()) ON CONFLICT ("surfaceId") DO NOTHING`;
  // One writer per map at a time, so map versions form one line.
  const [map] = await tx.$queryRaw<
    Array<{ id: string }>
  >`SELECT id::text AS id FROM "FlowMap" WHERE "surfaceId" = ${surfaceId}::uuid FOR UPDATE`;
  if (!map) throw new NotFoundError("The flow map");
  const { version } = await tx.flowMap.findUniqueOrThrow({ where: { id: map.id }, select: { version: true } });
  const graph = await loadGraph(tx, map.id);
  const operations = options.jointApproval ? requested : withEditedApprovalsReproposed(requested, (id) => graph.edges.get(id));
  if (!options.jointApproval) {
    const approvals = approvalByEditErrors(operations, (id) => graph.edges.get(id)?.status);
    if (approvals.length > 0) throw new ValidationError(approvals, "Editing the map cannot approve a flow.");
  }
  const ownerIds = operations
    .flatMap((operation) =>
      operation.op === "createEdge" ? [operation.edge.ownerId] : operation.op === "updateEdge" ? [operation.patch.ownerId] : [],
    )
    .filter((id): id is string => typeof id === "string");
  const people = ownerIds.length ? await tx.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true } }) : [];
  const references = {
    elementIds: new Set(surface.elements.map((element) => element.id)),
    statementIds: new Set(surface.statements.map((statement) => statement.id)),
    personIds: new Set([
      ...people.map((person) => person.id),
      ...[...graph.edges.values()].map((edge) => edge.ownerId).filter((id): id is string => id !== null),
    ]),
  };
  const plan = planOperations(
    graph,
    operations,
    references,
    () => crypto.randomUUID(),
    await fieldsChangedSince(tx, map.id, graph, operations),
  );
  if (options.elementsMustExist && plan.missing.length > 0)
    throw new NotFoundError(plan.missing[0]!.kind === "node" ? "The node" : "The flow");
  if (plan.conflicts.length > 0) {
    const conflict = plan.conflicts[0]!;
    const message =
      conflict.current === null
        ? "This element was deleted by someone else."
        : conflict.fields.length > 0
          ? `Someone else changed ${conflict.fields.join(", ")} of this element since you opened it.`
          : "Someone else changed this element since you opened it.";
    throw new ConflictError(message, {
      id: conflict.id,
      path: conflict.path,
      fields: conflict.fields,
      element: conflict.current,
      mapVersion: version,
    });
  }
  if (plan.errors.length > 0) throw new ValidationError(plan.errors, "The map edit is invalid.");
  if (plan.changes.length === 0) return { mapVersion: version, nodes: [], edges: [], deletedNodeIds: [], deletedEdgeIds: [] };

  const mapVersion = version + 1;
  await persistChanges(tx, map.id, plan.changes);
  await tx.flowMap.update({ where: { id: map.id }, data: { version: mapVersion } });
  await tx.mapEvent.createMany({
    data: plan.changes.map((change) => ({
      mapId: map.id,
      mapVersion,
      actorId: context.actor?.id ?? null,
      kind: change.kind,
      entityId: change.entityId,
      before: (change.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (change.after ?? undefined) as Prisma.InputJsonValue | undefined,
    })),
  });
  const single = plan.changes.length === 1 ? plan.changes[0]! : null;
  await recordAudit(
    tx,
    context,
    single
      ? {
          action: `map.${single.kind}`,
          entityType: single.kind.startsWith("node") ? "FlowNode" : "FlowEdge",
          entityId: single.entityId,
          before: single.before,
          after: { ...single.after, surfaceId, mapVersion },
        }
      : {
          action: `map.batch.${reason}`,
          entityType: "FlowMap",
          entityId: map.id,
          before: { mapVersion: version },
          after: {
            surfaceId,
            mapVersion,
            reason,
            changes: plan.changes.map((change) => ({
              kind: change.kind,
              entityId: change.entityId,
              fields: changedFields(change.before, change.after),
            })),
          },
        },
  );
  if (options.reopenAgreed && surface.status === "AGREED" && changesContent(plan.changes)) {
    await reopenSurfaceForReview(tx, context, surfaceId, `Flow map edited (map version ${mapVersion})`);
  }
  await enqueueFlowStatusChanges(tx, { surfaceId, mapVersion, actorId: context.actor?.id ?? null }, plan.changes);
  // Delivered to listeners when (and only if) the transaction commits.
  await tx.$executeRaw`SELECT pg_notify(${MAP_EVENTS_CHANNEL}, ${JSON.stringify({ surfaceId, mapVersion })})`;
  const after = (kind: string) =>
    plan.changes.filter((change) => change.kind.startsWith(kind) && change.after !== null).map((change) => change.after);
  const deleted = (kind: string) => plan.changes.filter((change) => change.kind === `${kind}.delete`).map((change) => change.entityId);
  return {
    mapVersion,
    nodes: after("node.") as TMapNode[],
    edges: after("edge.") as TMapEdge[],
    deletedNodeIds: deleted("node"),
    deletedEdgeIds: deleted("edge"),
  };
}

export async function createNode(
  context: TActorContext,
  surfaceId: string,
  input: TNodeCreateInput,
): Promise<TMapNode & { mapVersion: number }> {
  const id = input.id ?? crypto.randomUUID();
  const result = await applyMapOperations(context, surfaceId, [{ op: "createNode", node: { ...input, id } }]);
  return { ...result.nodes.find((node) => node.id === id)!, mapVersion: result.mapVersion };
}

export async function createEdge(
  context: TActorContext,
  surfaceId: string,
  input: TEdgeCreateInput,
): Promise<TMapEdge & { mapVersion: number }> {
  const id = input.id ?? crypto.randomUUID();
  const result = await applyMapOperations(context, surfaceId, [{ op: "createEdge", edge: { ...input, id } }]);
  return { ...result.edges.find((edge) => edge.id === id)!, mapVersion: result.mapVersion };
}

/** An element as it is now: what an edit that changed nothing answers with. */
async function readElement(surfaceId: string, kind: "node" | "edge", id: string) {
  const map = await db.flowMap.findUnique({ where: { surfaceId }, select: { id: true, version: true } });
  const row =
    map &&
    (kind === "node"
      ? await db.flowNode.findFirst({ where: { id, mapId: map.id } })
      : await db.flowEdge.findFirst({ where: { id, mapId: map.id } }));
  if (!row) throw new NotFoundError(kind === "node" ? "The node" : "The flow");
  return { mapVersion: map.version, element: kind === "node" ? toMapNode(row as TNodeRow) : toMapEdge(row as TEdgeRow) };
}

export async function updateNode(
  context: TActorContext,
  surfaceId: string,
  id: string,
  version: number,
  patch: TNodePatch,
): Promise<TMapNode & { mapVersion: number }> {
  const result = await runMapEdit(context, surfaceId, [{ op: "updateNode", id, version, patch }], {
    reason: "edit",
    elementsMustExist: true,
  });
  const node = result.nodes.find((candidate) => candidate.id === id);
  if (node) return { ...node, mapVersion: result.mapVersion };
  const current = await readElement(surfaceId, "node", id);
  return { ...(current.element as TMapNode), mapVersion: current.mapVersion };
}

export async function updateEdge(
  context: TActorContext,
  surfaceId: string,
  id: string,
  version: number,
  patch: TEdgePatch,
): Promise<TMapEdge & { mapVersion: number }> {
  const result = await runMapEdit(context, surfaceId, [{ op: "updateEdge", id, version, patch }], {
    reason: "edit",
    elementsMustExist: true,
  });
  const edge = result.edges.find((candidate) => candidate.id === id);
  if (edge) return { ...edge, mapVersion: result.mapVersion };
  const current = await readElement(surfaceId, "edge", id);
  return { ...(current.element as TMapEdge), mapVersion: current.mapVersion };
}

export async function deleteElement(
  context: TActorContext,
  surfaceId: string,
  kind: "node" | "edge",
  id: string,
  version: number,
): Promise<TMapEditResult> {
  return runMapEdit(context, surfaceId, [kind === "node" ? { op: "deleteNode", id, version } : { op: "deleteEdge", id, version }], {
    reason: "edit",
    elementsMustExist: true,
  });
}

/** Map events after a version, oldest first: live catch-up after a reconnect, and the history panel. */
export async function listMapEvents(
  context: TActorContext,
  surfaceId: string,
  options: { after?: number; limit?: number; newestFirst?: boolean },
): Promise<{ version: number; events: TMapEvent[] }> {
  assertCan(context.actor, "map.read");
  const map = await db.flowMap.findUnique({ where: { surfaceId }, select: { id: true, version: true } });
  if (!map) {
    if (!(await db.protectSurface.findUnique({ where: { id: surfaceId }, select: { id: true } })))
      throw new NotFoundError("The protect surface");
    return { version: 0, events: [] };
  }
  const rows = await db.mapEvent.findMany({
    where: { mapId: map.id, ...(options.after !== undefined ? { mapVersion: { gt: options.after } } : {}) },
    orderBy: options.newestFirst ? [{ mapVersion: "desc" }, { id: "desc" }] : [{ mapVersion: "asc" }, { id: "asc" }],
    take: options.limit,
    include: { actor: { select: { id: true, name: true, team: true } } },
  });
  return {
    version: map.version,
    events: rows.map((row) => ({
      mapVersion: row.mapVersion,
      kind: row.kind as TMapEventKind,
      entityId: row.entityId,
      before: (row.before ?? null) as TMapEvent["before"],
      after: (row.after ?? null) as TMapEvent["after"],
      actor: row.actor,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

/**
 * Imports a map file. Replacing deletes the elements at the versions read here, in the same edit as
 * the file's: someone editing the map meanwhile gets a conflict rather than losing their edit.
 */
export async function importMap(
  context: TActorContext,
  surfaceId: string,
  document: unknown,
  mode: TMapImportMode = "add",
): Promise<TMapEditResult> {
  assertCan(context.actor, "map.write");
  const plan = documentToOperations(document, () => crypto.randomUUID());
  if (!plan.ok) throw new ValidationError(plan.errors, "The file is not a valid flow map.");
  if (plan.operations.length === 0)
    throw new ValidationError([{ path: "nodes", message: "the file has no nodes to import" }], "The file is empty.");
  const removals = mode === "replace" ? removalsOf(await getMap(context, surfaceId)) : [];
  // Paths of errors in the file's operations shift by the removals placed before them.
  const documentPaths = [...removals.map(() => "(map)"), ...plan.documentPaths];
  try {
    return await applyMapOperations(context, surfaceId, [...removals, ...plan.operations], "import");
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new ValidationError(
        error.fields.map((field) => ({ path: toDocumentPath(field.path, documentPaths), message: field.message })),
        "The file does not fit this map.",
      );
    }
    throw error;
  }
}

/** Delete operations for everything on a map: flows first, then members before the zones that hold them. */
function removalsOf(map: TFlowMap): TMapOperation[] {
  return [
    ...map.edges.map((edge) => ({ op: "deleteEdge" as const, id: edge.id, version: edge.version })),
    ...[...map.nodes].reverse().map((node) => ({ op: "deleteNode" as const, id: node.id, version: node.version })),
  ];
}

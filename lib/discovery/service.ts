import "server-only";
import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { assertPersonDeciding } from "@/lib/auth/decisions";
import { systemContext, type TActorContext } from "@/lib/auth/actor";
import { getEnv } from "@/lib/env";
import { ConflictError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { applyMapOperations } from "@/lib/maps/service";
import { runImportPipeline, type TImportOutcome } from "./import";
import { flowLogSource } from "./source";
import { pruneBefore, subtractImport, type TPruneResult } from "./store";
import { invalidateOverlay, loadReconciliation, refreshOverlay } from "./reconciliation";
import { ghostKey, type TCsvMappingRecord, type TDiscoveryImport, type TImportQuery, type TProposeGhosts } from "./schemas";

const DAY_MS = 86_400_000;
/** An import still RUNNING after this long died with its process: its staging rows are dropped. */
const ABANDONED_AFTER_MS = DAY_MS;

type TImportRow = Awaited<ReturnType<typeof loadImportRow>>;

async function loadImportRow(client: TTx, id: string) {
  const row = await client.discoveryImport.findUnique({ where: { id }, include: { surface: { select: { name: true } } } });
  if (!row) throw new NotFoundError("The import");
  return row;
}

function toImport(row: NonNullable<TImportRow>): TDiscoveryImport {
  return {
    id: row.id,
    surfaceId: row.surfaceId,
    surfaceName: row.surface.name,
    format: row.format,
    sourceName: row.sourceName,
    strict: row.strict,
    status: row.status,
    createdByLabel: row.createdByLabel,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    bytesRead: Number(row.bytesRead),
    linesRead: row.linesRead,
    linesAccepted: row.linesAccepted,
    linesSkipped: row.linesSkipped,
    linesRejected: row.linesRejected,
    rejects: Array.isArray(row.rejects) ? (row.rejects as TDiscoveryImport["rejects"]) : [],
    error: row.error,
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoneByLabel: row.undoneByLabel,
  };
}

/** Imports running in this process, so a Cancel reaches them at once (other instances see the status). */
const globalForImports = globalThis as unknown as { concordRunningImports?: Map<string, AbortController> };
function runningImports(): Map<string, AbortController> {
  globalForImports.concordRunningImports ??= new Map();
  return globalForImports.concordRunningImports;
}

function actorLabel(context: TActorContext): string {
  return context.actor ? context.actor.name : (context.systemLabel ?? "system");
}

async function assertSurface(surfaceId: string): Promise<void> {
  const surface = await db.protectSurface.findUnique({ where: { id: surfaceId }, select: { id: true } });
  if (!surface) throw new NotFoundError("The protect surface");
}

/**
 * Streams a flow log into a surface's observations. The body is read as it arrives, parsed,
 * aggregated per batch and COPYed into staging; one merge at the end adds it all, in the
 * transaction that marks the import DONE and writes its audit row. An import only adds
 * observations: it never draws, proposes or approves a flow.
 */
export async function importFlowLog(
  context: TActorContext,
  surfaceId: string,
  query: TImportQuery,
  body: Readable | ReadableStream<Uint8Array>,
  signal?: AbortSignal,
): Promise<TDiscoveryImport> {
  assertCan(context.actor, "discovery.import");
  if (!context.actor) throw new UnauthorizedError();
  await assertSurface(surfaceId);
  const id = query.importId ?? crypto.randomUUID();
  if (await db.discoveryImport.findUnique({ where: { id }, select: { id: true } }))
    throw new ConflictError("An import with this id already exists.");
  await db.discoveryImport.create({
    data: {
      id,
      surfaceId,
      format: query.format,
      sourceName: query.source,
      strict: query.strict,
      createdById: context.actor.id,
      createdByLabel: actorLabel(context),
    },
  });
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal?.addEventListener("abort", abort, { once: true });
  runningImports().set(id, controller);
  try {
    const csvMapping =
      query.format === "csv" ? (await db.discoveryCsvMapping.findUnique({ where: { sourceName: query.source } }))?.mapping : undefined;
    const source = flowLogSource(query.format, body, {
      vpcFields: query.fields ? query.fields.split(/\s+/).filter(Boolean) : undefined,
      ...(csvMapping ? { csvMapping } : {}),
    } as Parameters<typeof flowLogSource>[2]);
    await runImportPipeline({
      importId: id,
      surfaceId,
      lines: source.lines,
      bytesRead: source.bytesRead,
      strict: query.strict,
      signal: controller.signal,
      onProgress: async (progress) => {
        const { count } = await db.discoveryImport.updateMany({
          where: { id, status: "RUNNING" },
          data: {
            bytesRead: progress.bytes,
            linesRead: progress.lines,
            linesAccepted: progress.accepted,
            linesSkipped: progress.skipped,
            linesRejected: progress.rejected,
          },
        });
        return count > 0;
      },
      finish: (tx, outcome) => finishImport(tx, context, id, outcome),
    });
  } finally {
    runningImports().delete(id);
    signal?.removeEventListener("abort", abort);
  }
  const result = toImport(await loadImportRow(db, id));
  // Computed now rather than by the next map view; if it fails, that view computes it.
  if (result.status === "DONE") await refreshOverlay(surfaceId).catch(() => undefined);
  if (result.status === "FAILED")
    throw new ValidationError(
      [{ path: "(body)", message: result.error ?? "could not be imported" }],
      result.error ?? "The file could not be imported.",
    );
  if (result.status === "CANCELLED") throw new ConflictError(result.error ?? "The import was cancelled.");
  return result;
}

async function finishImport(tx: TTx, context: TActorContext, id: string, outcome: TImportOutcome): Promise<boolean> {
  const [current] = await tx.$queryRaw<
    Array<{ status: string }>
  >`SELECT status::text AS status FROM "DiscoveryImport" WHERE id = ${id}::uuid FOR UPDATE`;
  // Cancelled from elsewhere while the merge was ready: the merge is refused.
  if (outcome.status === "DONE" && current?.status !== "RUNNING") return false;
  const counts = {
    bytesRead: outcome.bytes,
    linesRead: outcome.lines,
    linesAccepted: outcome.accepted,
    linesSkipped: outcome.skipped,
    linesRejected: outcome.rejected,
  };
  // A Cancel pressed while the upload was being cut off stays a cancellation, not a failure.
  const status = current?.status === "CANCELLED" ? "CANCELLED" : outcome.status;
  const row = await tx.discoveryImport.update({
    where: { id },
    data: {
      ...counts,
      status,
      error: status === "CANCELLED" ? "The import was cancelled; nothing was imported." : outcome.error,
      rejects: outcome.rejects,
      finishedAt: new Date(),
    },
  });
  // Only a merged import changed anything worth an audit row; a refused one is kept in its own record.
  if (status !== "DONE") return true;
  await invalidateOverlay(tx, row.surfaceId);
  await recordAudit(tx, context, {
    action: "discovery.import.create",
    entityType: "DiscoveryImport",
    entityId: id,
    after: {
      surfaceId: row.surfaceId,
      format: row.format,
      sourceName: row.sourceName,
      status: outcome.status,
      ...counts,
      contributed: outcome.contributed,
      error: outcome.error,
    },
  });
  return true;
}

export async function listImports(context: TActorContext, options: { surfaceId?: string; limit: number }): Promise<TDiscoveryImport[]> {
  assertCan(context.actor, "map.read");
  const rows = await db.discoveryImport.findMany({
    where: options.surfaceId ? { surfaceId: options.surfaceId } : {},
    include: { surface: { select: { name: true } } },
    orderBy: { createdAt: "desc" },
    take: options.limit,
  });
  return rows.map(toImport);
}

export async function getImport(context: TActorContext, id: string): Promise<TDiscoveryImport> {
  assertCan(context.actor, "map.read");
  return toImport(await loadImportRow(db, id));
}

/** Stops a running import: whoever started it, or an administrator. Nothing of it is merged. */
export async function cancelImport(context: TActorContext, id: string): Promise<TDiscoveryImport> {
  assertCan(context.actor, "discovery.import");
  const row = await loadImportRow(db, id);
  if (row.createdById !== context.actor?.id && !context.actor?.roles.includes("ADMIN"))
    throw new ForbiddenError("Only who started an import cancels it.");
  if (row.status !== "RUNNING") throw new ConflictError(`The import is ${row.status.toLowerCase()}, not running.`);
  await db.discoveryImport.updateMany({
    where: { id, status: "RUNNING" },
    data: { status: "CANCELLED", error: "The import was cancelled; nothing was imported." },
  });
  runningImports().get(id)?.abort();
  return toImport(await loadImportRow(db, id));
}

/** An administrator takes an import back: exactly what it added is subtracted. */
export async function undoImport(context: TActorContext, id: string): Promise<TDiscoveryImport> {
  assertCan(context.actor, "discovery.undo");
  assertPersonDeciding(context, "undo an import");
  await db.$transaction(
    async (tx) => {
      const [current] = await tx.$queryRaw<
        Array<{ status: string }>
      >`SELECT status::text AS status FROM "DiscoveryImport" WHERE id = ${id}::uuid FOR UPDATE`;
      if (!current) throw new NotFoundError("The import");
      if (current.status !== "DONE")
        throw new ConflictError(`Only a finished import can be undone; this one is ${current.status.toLowerCase()}.`);
      await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
      await subtractImport(tx, id);
      const row = await tx.discoveryImport.update({
        where: { id },
        data: { status: "UNDONE", undoneAt: new Date(), undoneByLabel: actorLabel(context) },
      });
      await invalidateOverlay(tx, row.surfaceId);
      await recordAudit(tx, context, {
        action: "discovery.import.undo",
        entityType: "DiscoveryImport",
        entityId: id,
        before: { status: "DONE" },
        after: { status: "UNDONE", surfaceId: row.surfaceId, linesAccepted: row.linesAccepted },
      });
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  const undone = toImport(await loadImportRow(db, id));
  await refreshOverlay(undone.surfaceId).catch(() => undefined);
  return undone;
}

/**
 * The retention part of the daily job: observations older than DISCOVERY_RETENTION_DAYS go, and so
 * do staging rows of imports whose process died.
 */
export async function pruneObservations(now = new Date()): Promise<TPruneResult & { abandoned: number }> {
  const days = getEnv().DISCOVERY_RETENTION_DAYS;
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY_MS);
  const context = systemContext("discovery-retention");
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
      const result = await pruneBefore(tx, cutoff);
      const abandoned = await tx.discoveryImport.findMany({
        where: { status: "RUNNING", createdAt: { lt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
        select: { id: true },
      });
      for (const { id } of abandoned) {
        await tx.$executeRawUnsafe(`DELETE FROM "DiscoveryStaging" WHERE "importId" = $1::uuid`, id);
        await tx.discoveryImport.update({
          where: { id },
          data: { status: "FAILED", error: "The import stopped with its server; nothing was imported.", finishedAt: now },
        });
      }
      if (result.observations + result.contributions + abandoned.length > 0) {
        await recordAudit(tx, context, {
          action: "discovery.observation.prune",
          entityType: "DiscoveryObservation",
          entityId: cutoff.toISOString().slice(0, 10),
          after: { ...result, abandonedImports: abandoned.length, retentionDays: days },
        });
      }
      return { ...result, abandoned: abandoned.length };
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

/**
 * Turns observed-but-undrawn traffic into PROPOSED flows through the map's one write path. Only
 * traffic the reconciliation shows as a ghost edge can be proposed; nothing here approves.
 */
export async function proposeGhosts(context: TActorContext, surfaceId: string, input: TProposeGhosts) {
  assertCan(context.actor, "map.write");
  const reconciliation = await loadReconciliation(surfaceId, { ghostLimit: Number.MAX_SAFE_INTEGER });
  const ghostById = new Map(reconciliation.ghosts.map((ghost) => [ghostKey(ghost), ghost]));
  const edges = input.ghosts.map((wanted, index) => {
    const ghost = ghostById.get(ghostKey(wanted));
    if (!ghost) throw new ConflictError(`Observed flow ${index + 1} is no longer unmapped traffic of this map; reload the overlay.`);
    const id = crypto.randomUUID();
    const ports = ghost.port === null || ghost.protocol === "ICMP" || ghost.protocol === "ANY" ? "" : String(ghost.port);
    return {
      op: "createEdge" as const,
      edge: {
        id,
        sourceId: ghost.sourceId,
        targetId: ghost.targetId,
        protocol: ghost.protocol,
        ports,
        status: "PROPOSED" as const,
        justification: input.justification || `Observed: ${ghost.connections} connections, last seen ${ghost.lastSeen}.`,
        connections: ghost.connections,
        bytes: ghost.bytes,
        lastSeen: ghost.lastSeen,
      },
    };
  });
  const result = await applyMapOperations(context, surfaceId, edges, "discovery");
  return { proposed: edges.length, mapVersion: result.mapVersion, edgeIds: edges.map((edge): string => edge.edge.id) };
}

export async function getCsvMapping(context: TActorContext, sourceName: string): Promise<TCsvMappingRecord> {
  assertCan(context.actor, "map.read");
  const row = await db.discoveryCsvMapping.findUnique({ where: { sourceName } });
  return {
    sourceName,
    mapping: (row?.mapping as Record<string, unknown> | undefined) ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Remembers the CSV column mapping of a source for its next import. */
export async function saveCsvMapping(
  context: TActorContext,
  sourceName: string,
  mapping: Record<string, unknown>,
): Promise<TCsvMappingRecord> {
  assertCan(context.actor, "discovery.import");
  return db.$transaction(async (tx) => {
    const before = await tx.discoveryCsvMapping.findUnique({ where: { sourceName } });
    const row = await tx.discoveryCsvMapping.upsert({
      where: { sourceName },
      create: { sourceName, mapping: mapping as object, updatedByLabel: actorLabel(context) },
      update: { mapping: mapping as object, updatedByLabel: actorLabel(context) },
    });
    await recordAudit(tx, context, {
      action: "discovery.csv_mapping.update",
      entityType: "DiscoveryCsvMapping",
      entityId: sourceName,
      before: before?.mapping ?? null,
      after: mapping,
    });
    return { sourceName, mapping: row.mapping as Record<string, unknown>, updatedAt: row.updatedAt.toISOString() };
  });
}

export { loadReconciliation };

/** The surfaces an import can go to, by name (the Discovery page's pickers). */
export async function listSurfaceNames(context: TActorContext): Promise<Array<{ id: string; name: string }>> {
  assertCan(context.actor, "map.read");
  return db.protectSurface.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 1000 });
}

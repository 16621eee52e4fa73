import "server-only";
import crypto from "node:crypto";
import ELK from "elkjs/lib/elk.bundled.js";
import { db, type TTx } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { elementChangeOperations, elementNodeOperations, elementPackingGraph, type TPlaceableElement } from "./model/element-nodes";
import { laidOutNodes } from "./canvas/layout";
import { toMapNode } from "./mappers";
import { writeMapOperations } from "./service";

/**
 * Keeps a surface's flow map in step with its DAAS elements (see `model/element-nodes.ts`):
 * - a map nobody has edited yet gets every element placed, laid out, when a contributor first opens it;
 * - elements added to the surface later are placed beside the members already drawn, in the same
 *   transaction as the surface edit;
 * - a removed element's node stays, with its flows, but is no longer a member; a renamed element's
 *   node follows the new name unless someone renamed the node by hand.
 * Every change goes through the map's one write path (`writeMapOperations`: map events, audit row,
 * live notification) with the reason "elements". Placing never reopens an agreed surface by itself:
 * the nodes draw elements both owners already agreed to, and a surface edit that adds or removes an
 * element reopens the surface on its own account.
 */

const elk = new ELK();
const REASON = "elements";

async function pack(elements: readonly TPlaceableElement[]) {
  return elements.length === 0 ? [] : laidOutNodes(await elk.layout(elementPackingGraph(elements)));
}

const elementSelect = { id: true, type: true, name: true } as const;

/**
 * Places the surface's elements on its map when the map has never been edited (no version yet).
 * For a page a contributor opens: returns how many nodes it placed (0 when there was nothing to do,
 * or the reader cannot edit the map).
 */
export async function placeElementsOnNewMap(context: TActorContext, surfaceId: string): Promise<number> {
  if (!can(context.actor, "map.write")) return 0;
  const surface = await db.protectSurface.findUnique({
    where: { id: surfaceId },
    select: { flowMap: { select: { version: true } }, elements: { select: elementSelect, orderBy: { position: "asc" } } },
  });
  if (!surface || surface.elements.length === 0 || (surface.flowMap?.version ?? 0) > 0) return 0;
  // Laid out before the transaction, so the map's lock is held only for the write.
  const placed = await pack(surface.elements);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`INSERT INTO "FlowMap" (id, "surfaceId", "updatedAt") VALUES (gen_random_uuid(), ${surfaceId}::uuid, now()) ON CONFLICT ("surfaceId") DO NOTHING`;
      const [map] = await tx.$queryRaw<
        Array<{ version: number }>
      >`SELECT version FROM "FlowMap" WHERE "surfaceId" = ${surfaceId}::uuid FOR UPDATE`;
      // Someone else opened or edited it first: their map stands.
      if (!map || map.version > 0) return 0;
      const elements = await tx.daasElement.findMany({ where: { surfaceId }, select: elementSelect, orderBy: { position: "asc" } });
      const operations = elementNodeOperations(elements, placed, [], new Set(), () => crypto.randomUUID());
      if (operations.length === 0) return 0;
      await writeMapOperations(tx, { context, surfaceId, operations, reason: REASON, reopenAgreed: false });
      return operations.length;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** The map's nodes when it has been edited at least once; null when a first opening will place the elements anyway. */
async function drawnNodes(tx: TTx, surfaceId: string) {
  const map = await tx.flowMap.findUnique({ where: { surfaceId }, select: { id: true, version: true } });
  if (!map || map.version === 0) return null;
  return (await tx.flowNode.findMany({ where: { mapId: map.id }, orderBy: { createdAt: "asc" } })).map(toMapNode);
}

type TElementEdit = { previous: ReadonlyArray<{ id: string; name: string }>; next: ReadonlyArray<{ id?: string; name: string }> };

/** Before a surface edit writes its elements: removed elements' nodes leave the boundary, renamed ones follow. */
export async function mapElementsLeaving(tx: TTx, context: TActorContext, surfaceId: string, edit: TElementEdit): Promise<void> {
  const nodes = await drawnNodes(tx, surfaceId);
  if (!nodes) return;
  const kept = new Map(edit.next.filter((element) => element.id).map((element) => [element.id!, element.name]));
  const removed = new Set(edit.previous.filter((element) => !kept.has(element.id)).map((element) => element.id));
  const renamed = edit.previous.flatMap((element) =>
    kept.has(element.id) ? [{ id: element.id, from: element.name, to: kept.get(element.id)! }] : [],
  );
  const operations = elementChangeOperations(nodes, removed, renamed);
  if (operations.length > 0) await writeMapOperations(tx, { context, surfaceId, operations, reason: REASON, reopenAgreed: false });
}

/** After a surface edit wrote its elements: the ones it added are placed beside the members already drawn. */
export async function mapElementsAdded(
  tx: TTx,
  context: TActorContext,
  surfaceId: string,
  previousIds: ReadonlySet<string>,
): Promise<void> {
  const nodes = await drawnNodes(tx, surfaceId);
  if (!nodes) return;
  const elements = await tx.daasElement.findMany({ where: { surfaceId }, select: elementSelect, orderBy: { position: "asc" } });
  const added = elements.filter((element) => !previousIds.has(element.id));
  if (added.length === 0) return;
  const operations = elementNodeOperations(added, await pack(added), nodes, new Set(elements.map((element) => element.id)), () =>
    crypto.randomUUID(),
  );
  await writeMapOperations(tx, { context, surfaceId, operations, reason: REASON, reopenAgreed: false });
}

import "server-only";
import type { TTx } from "@/lib/db";
import type { TActorContext } from "@/lib/auth/actor";
import { writeMapOperations } from "./service";
import type { TMapOperation } from "./model/schemas";

/**
 * The owners' agreement is one of the two joint decisions that approve flows. When both owners'
 * sign-offs agree a surface version, the PROPOSED flows of its map that both of them could see
 * become APPROVED: those not created or edited after the first counted sign-off. A flow proposed
 * or changed later waits for the next agreement (or a verified change): one signer never saw it.
 * OBSERVED and DENIED flows are left as they are: observing is not proposing.
 * Returns the number of flows approved.
 */
export async function approveAgreedFlows(tx: TTx, context: TActorContext, surfaceId: string, firstSignedAt: Date): Promise<number> {
  const map = await tx.flowMap.findUnique({ where: { surfaceId }, select: { id: true } });
  if (!map) return 0;
  const proposed = await tx.flowEdge.findMany({ where: { mapId: map.id, status: "PROPOSED" }, select: { id: true, version: true } });
  if (proposed.length === 0) return 0;
  const touchedLater = await tx.mapEvent.findMany({
    where: { mapId: map.id, entityId: { in: proposed.map((edge) => edge.id) }, createdAt: { gt: firstSignedAt } },
    select: { entityId: true },
    distinct: ["entityId"],
  });
  const unseen = new Set(touchedLater.map((event) => event.entityId));
  const operations = proposed
    .filter((edge) => !unseen.has(edge.id))
    .map((edge): TMapOperation => ({ op: "updateEdge", id: edge.id, version: edge.version, patch: { status: "APPROVED" } }));
  if (operations.length === 0) return 0;
  await writeMapOperations(tx, { context, surfaceId, operations, reason: "agreement", reopenAgreed: false, jointApproval: true });
  return operations.length;
}

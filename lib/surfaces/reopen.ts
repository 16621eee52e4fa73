import "server-only";
import type { TTx } from "@/lib/db";
import type { TActorContext } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { enqueueEvent } from "@/lib/outbox/enqueue";
import { notifySignOffsNeeded } from "./signoff-notify";

/**
 * Called by other domains (e.g. a flow-map edit) inside their own transaction: an AGREED surface
 * whose agreed picture changed goes back to IN_REVIEW as a new version, and the sign-offs of the
 * agreed version stop counting. A DRAFT or IN_REVIEW surface is left as it is.
 */
export async function reopenSurfaceForReview(tx: TTx, context: TActorContext, surfaceId: string, reason: string): Promise<boolean> {
  const surface = await tx.protectSurface.findUnique({
    where: { id: surfaceId },
    select: { id: true, status: true, version: true, contentHash: true },
  });
  if (!surface || surface.status !== "AGREED") return false;
  const agreed = await tx.surfaceVersion.findUnique({ where: { surfaceId_version: { surfaceId, version: surface.version } } });
  const nextVersion = surface.version + 1;
  await tx.protectSurface.update({ where: { id: surfaceId }, data: { status: "IN_REVIEW", version: nextVersion, agreedAt: null } });
  await tx.surfaceVersion.create({
    data: {
      surfaceId,
      version: nextVersion,
      snapshot: (agreed?.snapshot ?? {}) as object,
      contentHash: surface.contentHash,
      authorId: context.actor?.id ?? (await tx.protectSurface.findUniqueOrThrow({ where: { id: surfaceId } })).createdById,
    },
  });
  await tx.surfaceSignOff.updateMany({ where: { surfaceId, voidedAt: null, withdrawnAt: null }, data: { voidedAt: new Date() } });
  await recordAudit(tx, context, {
    action: "surface.reopen",
    entityType: "ProtectSurface",
    entityId: surfaceId,
    before: { status: "AGREED", version: surface.version },
    after: { status: "IN_REVIEW", version: nextVersion, reason },
  });
  await enqueueEvent(tx, "surface.reopened", { surfaceId, version: nextVersion, reason, actorId: context.actor?.id ?? null });
  await notifySignOffsNeeded(tx, context, surfaceId, "reopened", reason);
  return true;
}

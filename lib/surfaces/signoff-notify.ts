import type { TTx } from "@/lib/db";
import type { TActorContext } from "@/lib/auth/actor";
import { notify } from "@/lib/notifications/service";
import { signOffNotices, type TSignOffNoticeReason } from "./signoff-notices";

/** Tells each owner whose sign-off the surface now needs, inside the caller's transaction (see `signoff-notices.ts`). */
export async function notifySignOffsNeeded(
  tx: TTx,
  context: TActorContext,
  surfaceId: string,
  reason: TSignOffNoticeReason,
  detail?: string,
): Promise<void> {
  const surface = await tx.protectSurface.findUnique({
    where: { id: surfaceId },
    select: {
      id: true,
      name: true,
      status: true,
      version: true,
      contentHash: true,
      netopsOwnerId: true,
      secopsOwnerId: true,
      signOffs: { select: { userId: true, team: true, version: true, contentHash: true, withdrawnAt: true, voidedAt: true } },
    },
  });
  if (!surface) return;
  const { userIds, notification } = signOffNotices(surface, surface.signOffs, { reason, actorId: context.actor?.id ?? null, detail });
  await notify(tx, userIds, notification);
}

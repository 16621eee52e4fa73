import "server-only";
/**
 * The policy a change would produce, for the people deciding on it: per touched surface and target
 * the before/after diff of the generated documents, and the impact on observed traffic. Reading it
 * needs the change (`change.read`) and the maps it touches (`map.read`); it writes nothing.
 */
import { db } from "@/lib/db";
import type { TActorContext } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import type { TChangePolicyPreview } from "../schemas";
import { CHANGE_PREVIEW_SELECT, diffOfPreview, loadChangePreview, previewInputOf } from "./load";

export async function getChangePolicyPreview(
  context: TActorContext,
  changeId: string,
  requestedDays?: number,
): Promise<TChangePolicyPreview> {
  const days = requestedDays ?? getEnv().POLICY_IMPACT_DAYS;
  assertCan(context.actor, "change.read");
  assertCan(context.actor, "map.read");
  const change = await db.change.findUnique({ where: { id: changeId }, select: CHANGE_PREVIEW_SELECT });
  if (!change) throw new NotFoundError("Change not found");
  // Once verified, the change's flows are on the map: its policy is the surfaces' current policy.
  if (change.verifiedAt) return { changeId, applied: true, days, surfaces: [], wouldDropConnections: 0 };
  const previews = await loadChangePreview(db, previewInputOf(change), { days });
  return {
    changeId,
    applied: false,
    days,
    surfaces: previews.map((preview) => ({
      surfaceId: preview.surfaceId,
      surfaceName: preview.surfaceName,
      targets: diffOfPreview(preview),
      impact: { observedConnections: preview.observedConnections, ...preview.impact },
    })),
    wouldDropConnections: previews.reduce((sum, preview) => sum + preview.impact.newlyDropped.connections, 0),
  };
}

/**
 * `policy.changed`: when a verified change has altered a surface's flows, the surface's new policy
 * for every target goes to webhook subscribers, in the transaction that applied the change (the
 * outbox sends it if and only if the change committed), so a GitOps pipeline can open a pull
 * request with the files. Nothing is generated when nobody subscribes.
 */
import type { Prisma, TTx } from "@/lib/db";
import { enqueueEvent } from "@/lib/outbox/enqueue";
import { subscriptionPatternsFor } from "@/lib/webhooks/events";
import { generatePolicy, GeneratedPolicyInvalidError } from "../generate";
import { loadPolicySurface } from "../load";
import { POLICY_TARGETS } from "../model";

export const POLICY_CHANGED = "policy.changed";

export async function enqueuePolicyChanged(
  tx: TTx,
  change: { id: string; number: number },
  surfaceIds: readonly string[],
): Promise<number> {
  const subscribed = await tx.webhookSubscription.count({
    where: { active: true, eventTypes: { hasSome: subscriptionPatternsFor(POLICY_CHANGED) } },
  });
  if (subscribed === 0) return 0;
  let queued = 0;
  for (const surfaceId of [...new Set(surfaceIds)].sort()) {
    const surface = await loadPolicySurface(tx, surfaceId);
    const targets = Object.fromEntries(
      POLICY_TARGETS.map((target) => {
        try {
          const policy = generatePolicy(surface, target);
          return [target, { files: policy.files, documents: policy.documents, unsupported: policy.unsupported, error: null }];
        } catch (error) {
          // A document failing its schema is never handed out; the receiver learns why instead.
          if (error instanceof GeneratedPolicyInvalidError)
            return [target, { files: [], documents: [], unsupported: [], error: error.message }];
          throw error;
        }
      }),
    );
    queued += await enqueueEvent(tx, POLICY_CHANGED, {
      surfaceId,
      surfaceName: surface.name,
      surfaceVersion: surface.version,
      changeId: change.id,
      changeNumber: change.number,
      targets,
    } as Prisma.InputJsonObject);
  }
  return queued;
}

import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";

const OPEN_CHANGE_STATES = ["SUBMITTED", "PRE_APPROVED", "CAB_REVIEW", "EMERGENCY", "APPROVED", "NEEDS_INFO", "SCHEDULED", "IMPLEMENTED"] as const;

/** The headline counts every signed-in user may see. */
export async function getProgramOverview(context: TActorContext) {
  assertCan(context.actor, "dashboard.read");
  const [surfaces, agreed, flows, approved, observed, open, inCab, netops, secops] = await Promise.all([
    db.protectSurface.count(),
    db.protectSurface.count({ where: { status: "AGREED" } }),
    db.flowEdge.count(),
    db.flowEdge.count({ where: { status: "APPROVED" } }),
    db.flowEdge.count({ where: { status: "OBSERVED" } }),
    db.change.count({ where: { state: { in: [...OPEN_CHANGE_STATES] } } }),
    db.change.count({ where: { state: "CAB_REVIEW" } }),
    db.user.count({ where: { team: "NETOPS", status: "ACTIVE" } }),
    db.user.count({ where: { team: "SECOPS", status: "ACTIVE" } }),
  ]);
  return {
    surfaces: { total: surfaces, agreed },
    flows: { total: flows, approved, observed },
    changes: { open, inCab },
    people: { netops, secops },
  };
}

import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { listPickableFlows } from "./apply-operations";

export const ZPickableFlowsQuery = z.object({
  surfaceIds: z
    .string()
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(z.array(z.uuid("must be a list of surface ids")).min(1, "name at least one surface").max(20)),
});

/** The nodes and flows of the surfaces' maps that a change can pick from, plus the surfaces themselves. */
export async function listFlowsForChange(context: TActorContext, surfaceIds: string[]) {
  assertCan(context.actor, "change.read");
  return { maps: await listPickableFlows(db, surfaceIds) };
}

export async function listSurfaceChoices(context: TActorContext) {
  assertCan(context.actor, "change.read");
  return db.protectSurface.findMany({
    select: { id: true, name: true, classification: true, criticality: true },
    orderBy: { name: "asc" },
  });
}

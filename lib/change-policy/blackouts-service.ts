import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import type { TBlackoutInput } from "./schemas";

export async function listBlackouts(context: TActorContext, from: Date, to: Date) {
  assertCan(context.actor, "change.read");
  const rows = await db.blackoutWindow.findMany({
    where: { endsAt: { gt: from }, startsAt: { lt: to } },
    include: { surface: { select: { name: true } } },
    orderBy: { startsAt: "asc" },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    surfaceId: row.surfaceId,
    surfaceName: row.surface?.name ?? null,
  }));
}

export async function createBlackout(context: TActorContext, input: TBlackoutInput) {
  assertCan(context.actor, "cab.manage");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const row = await tx.blackoutWindow.create({ data: { ...input, createdById: actor.id } });
    await recordAudit(tx, context, { action: "blackout.create", entityType: "BlackoutWindow", entityId: row.id, after: input });
    return { id: row.id };
  });
}

export async function deleteBlackout(context: TActorContext, id: string) {
  assertCan(context.actor, "cab.manage");
  return db.$transaction(async (tx) => {
    const row = await tx.blackoutWindow.findUnique({ where: { id } });
    if (!row) throw new NotFoundError("The blackout window");
    await tx.blackoutWindow.delete({ where: { id } });
    await recordAudit(tx, context, { action: "blackout.delete", entityType: "BlackoutWindow", entityId: id, before: row });
    return { ok: true };
  });
}

/** Scheduled changes and blackouts between two dates, for the calendar. */
export async function calendar(context: TActorContext, from: Date, to: Date) {
  assertCan(context.actor, "change.read");
  const [changes, blackouts] = await Promise.all([
    db.change.findMany({
      where: {
        windowStart: { lt: to },
        windowEnd: { gt: from },
        state: { in: ["PRE_APPROVED", "APPROVED", "SCHEDULED", "IMPLEMENTED", "VERIFIED", "ROLLED_BACK", "CLOSED"] },
      },
      select: { id: true, number: true, title: true, state: true, track: true, windowStart: true, windowEnd: true },
      orderBy: { windowStart: "asc" },
      take: 500,
    }),
    listBlackouts(context, from, to),
  ]);
  return {
    changes: changes.map((change) => ({
      ...change,
      windowStart: change.windowStart?.toISOString() ?? null,
      windowEnd: change.windowEnd?.toISOString() ?? null,
    })),
    blackouts,
  };
}

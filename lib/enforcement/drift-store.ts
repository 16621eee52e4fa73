/**
 * Drift checks kept per surface and target with their time, so drift is something the program can
 * watch rather than a one-off answer: the newest check per surface and target feeds the dashboards'
 * drift indicator, and how long drift has lasted decides whether leadership must look at it.
 */
import type { Prisma, TTx } from "@/lib/db";
import type { TActorContext } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import type { TDriftReportResponse } from "./schemas";

/**
 * When the drift of a new check began: drift carried on from the previous check keeps its start;
 * new drift starts now; no drift has no start.
 */
export function driftSinceOf(previous: { driftSince: Date | null } | null, drifting: boolean, now: Date): Date | null {
  if (!drifting) return null;
  return previous?.driftSince ?? now;
}

/** Descriptions kept per list: a report's size is bounded whatever the deployed policy holds. */
const KEPT_ENTRIES = 200;

export async function recordDriftCheck(
  tx: TTx,
  context: TActorContext,
  surfaceId: string,
  report: TDriftReportResponse,
  now = new Date(),
): Promise<{ id: string; checkedAt: Date; driftSince: Date | null }> {
  const previous = await tx.policyDriftCheck.findFirst({
    where: { surfaceId, target: report.target },
    orderBy: { checkedAt: "desc" },
    select: { driftSince: true },
  });
  const drifting = report.excess.length + report.missing.length + report.unselected.length > 0;
  const driftSince = driftSinceOf(previous, drifting, now);
  const kept = {
    excess: report.excess.slice(0, KEPT_ENTRIES),
    missing: report.missing.slice(0, KEPT_ENTRIES),
    unselected: report.unselected.slice(0, KEPT_ENTRIES),
  };
  const row = await tx.policyDriftCheck.create({
    data: {
      surfaceId,
      target: report.target,
      checkedAt: now,
      excess: report.excess.length,
      missing: report.missing.length,
      unselected: report.unselected.length,
      driftSince,
      report: kept as unknown as Prisma.InputJsonValue,
      checkedById: context.actor?.id ?? null,
      authMethod: context.auth?.method ?? "session",
    },
    select: { id: true, checkedAt: true, driftSince: true },
  });
  await recordAudit(tx, context, {
    action: "policy.drift.record",
    entityType: "ProtectSurface",
    entityId: surfaceId,
    after: {
      checkId: row.id,
      target: report.target,
      excess: report.excess.length,
      missing: report.missing.length,
      unselected: report.unselected.length,
      driftSince: driftSince?.toISOString() ?? null,
    },
  });
  return row;
}

/** The newest check of each surface and target, for the indicators. */
export async function latestDriftChecks(tx: TTx) {
  return tx.$queryRaw<
    Array<{
      surfaceId: string;
      surfaceName: string;
      target: string;
      checkedAt: Date;
      excess: number;
      missing: number;
      unselected: number;
      driftSince: Date | null;
    }>
  >`
    SELECT DISTINCT ON (c."surfaceId", c.target) c."surfaceId"::text AS "surfaceId", s.name AS "surfaceName", c.target, c."checkedAt",
           c.excess, c.missing, c.unselected, c."driftSince"
    FROM "PolicyDriftCheck" c JOIN "ProtectSurface" s ON s.id = c."surfaceId"
    ORDER BY c."surfaceId", c.target, c."checkedAt" DESC, c.id`;
}

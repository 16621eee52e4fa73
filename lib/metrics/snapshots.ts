import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { systemContext } from "@/lib/auth/actor";
import { INDICATORS } from "./indicators";
import { loadProgramRecords } from "./load";

/** Only one instance computes a day's snapshot at a time; the others skip instead of waiting. */
const SNAPSHOT_LOCK_KEY = 7_221_006;

export type TSnapshotRun = { takenOn: string; skipped: boolean; written: number };

/** The calendar day (UTC) a snapshot belongs to, as YYYY-MM-DD. */
export function snapshotDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export async function hasSnapshotFor(now = new Date()): Promise<boolean> {
  return (await db.metricSnapshot.count({ where: { takenOn: new Date(`${snapshotDay(now)}T00:00:00.000Z`) } })) > 0;
}

/**
 * Writes one MetricSnapshot per indicator that has a value for the day. Safe on several instances at once: the
 * transaction-scoped advisory lock admits one writer, and the unique (metricKey, takenOn) makes a
 * late second run write nothing.
 */
export async function takeDailySnapshot(now = new Date()): Promise<TSnapshotRun> {
  const takenOn = snapshotDay(now);
  const day = new Date(`${takenOn}T00:00:00.000Z`);
  return db.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`SELECT pg_try_advisory_xact_lock(${SNAPSHOT_LOCK_KEY}) AS locked`;
      if (!lock?.locked) return { takenOn, skipped: true, written: 0 };
      const records = await loadProgramRecords(tx);
      const rows = INDICATORS.map((indicator) => {
        const result = indicator.compute(records);
        return { metricKey: indicator.key, takenOn: day, value: result.value, detail: result.detail };
      }).filter((row): row is typeof row & { value: number } => row.value !== null);
      const { count } = await tx.metricSnapshot.createMany({ data: rows, skipDuplicates: true });
      if (count > 0) {
        await recordAudit(tx, systemContext("metrics-snapshot"), {
          action: "metrics.snapshot.create",
          entityType: "MetricSnapshot",
          entityId: takenOn,
          after: { written: count },
        });
      }
      return { takenOn, skipped: false, written: count };
    },
    { timeout: 120_000 },
  );
}

/**
 * Policy drift as the dashboards read it: the newest drift check of each surface and target
 * (lib/enforcement/drift-store.ts keeps them). A surface drifts when its newest check on any target
 * found excess, missing or unselected access; drift that has lasted longer than the configured age
 * needs leadership's attention.
 */
import type { TIndicatorValue } from "./indicators";
import type { TProgramRecords } from "./records";

export type TPolicyDriftRecord = {
  surfaceId: string;
  surfaceName: string;
  target: string;
  checkedAt: Date;
  excess: number;
  missing: number;
  unselected: number;
  /** When the drift the newest check shows began; null when it found none. */
  driftSince: Date | null;
};

export const isDrifting = (record: Pick<TPolicyDriftRecord, "excess" | "missing" | "unselected">) =>
  record.excess + record.missing + record.unselected > 0;

export function surfacesDrifting({ policyDrift = [] }: TProgramRecords): TIndicatorValue {
  const bySurface = new Map<string, TPolicyDriftRecord[]>();
  for (const record of policyDrift) bySurface.set(record.surfaceId, [...(bySurface.get(record.surfaceId) ?? []), record]);
  const rows = [...bySurface.entries()].map(([surfaceId, records]) => {
    const drifting = records.filter(isDrifting);
    return {
      entity: "surface" as const,
      id: surfaceId,
      counted: drifting.length > 0,
      note:
        drifting.length > 0
          ? drifting
              .map((record) => `${record.target}: ${record.excess} excess, ${record.missing} missing, ${record.unselected} unselected`)
              .join("; ")
          : "In sync",
    };
  });
  const drifting = rows.filter((row) => row.counted).length;
  return { value: drifting, detail: { drifting, checked: rows.length }, rows };
}

/** A surface and target drifting since a moment: stored with the figures, aged at view time. */
export type TDriftEntry = { surfaceId: string; surfaceName: string; target: string; since: string };
export type TStaleDrift = TDriftEntry & { days: number };

export function driftEntries(records: readonly TPolicyDriftRecord[]): TDriftEntry[] {
  return records
    .filter((record) => isDrifting(record) && record.driftSince !== null)
    .map((record) => ({
      surfaceId: record.surfaceId,
      surfaceName: record.surfaceName,
      target: record.target,
      since: record.driftSince!.toISOString(),
    }));
}

/** Drift older than `thresholdDays` at `now`, the oldest first. */
export function staleDrift(entries: readonly TDriftEntry[], now: Date, thresholdDays: number): TStaleDrift[] {
  return entries
    .flatMap((entry) => {
      const days = Math.floor((now.getTime() - Date.parse(entry.since)) / 86_400_000);
      return days > thresholdDays ? [{ ...entry, days }] : [];
    })
    .sort((a, b) => b.days - a.days || a.surfaceName.localeCompare(b.surfaceName) || a.target.localeCompare(b.target));
}

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { INDICATORS } from "./indicators";
import { takeDailySnapshot } from "./snapshots";

/** A day no other test uses, so runs against a shared database never collide. */
function uniqueDay(): Date {
  const offsetDays = Math.floor(Math.random() * 20_000);
  return new Date(Date.UTC(1950, 0, 1) + offsetDays * 86_400_000 + 13 * 3_600_000);
}

describe("daily metric snapshots", () => {
  it("two runs at once write exactly one snapshot per indicator", async () => {
    const now = uniqueDay();
    const runs = await Promise.all([takeDailySnapshot(now), takeDailySnapshot(now)]);
    const takenOn = new Date(`${runs[0].takenOn}T00:00:00.000Z`);
    const rows = await db.metricSnapshot.findMany({ where: { takenOn } });
    expect(runs.reduce((sum, run) => sum + run.written, 0)).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.metricKey)).size).toBe(rows.length);
    expect(rows.every((row) => INDICATORS.some((indicator) => indicator.key === row.metricKey))).toBe(true);
  });

  it("a later run on the same day writes nothing", async () => {
    const now = uniqueDay();
    const first = await takeDailySnapshot(now);
    const takenOn = new Date(`${first.takenOn}T00:00:00.000Z`);
    const rowsAfterFirst = await db.metricSnapshot.findMany({ where: { takenOn }, orderBy: { metricKey: "asc" } });
    const second = await takeDailySnapshot(now);
    expect(first.written).toBeGreaterThan(0);
    expect(second).toMatchObject({ skipped: false, written: 0 });
    // The stored rows are the first run's, unchanged.
    expect(await db.metricSnapshot.findMany({ where: { takenOn }, orderBy: { metricKey: "asc" } })).toEqual(rowsAfterFirst);
  });
});

import { describe, expect, it } from "vitest";
import { driftSinceOf } from "@/lib/enforcement/drift-store";
import { driftEntries, staleDrift, surfacesDrifting, type TPolicyDriftRecord } from "./drift";
import { EMPTY_RECORDS } from "./records";

const at = (day: string) => new Date(`${day}T09:00:00Z`);
const record = (over: Partial<TPolicyDriftRecord>): TPolicyDriftRecord => ({
  surfaceId: "s1",
  surfaceName: "Payments",
  target: "cilium",
  checkedAt: at("2026-12-07"),
  excess: 0,
  missing: 0,
  unselected: 0,
  driftSince: null,
  ...over,
});

describe("when drift began", () => {
  it("starts with the first drifting check, carries over while it lasts, and ends with a clean one", () => {
    const now = at("2026-12-07");
    expect(driftSinceOf(null, true, now)).toEqual(now);
    expect(driftSinceOf({ driftSince: null }, true, now)).toEqual(now);
    expect(driftSinceOf({ driftSince: at("2026-11-20") }, true, now)).toEqual(at("2026-11-20"));
    expect(driftSinceOf({ driftSince: at("2026-11-20") }, false, now)).toBeNull();
  });
});

describe("the drift indicator", () => {
  it("counts surfaces whose newest check on any target drifts, among the surfaces checked", () => {
    const value = surfacesDrifting({
      ...EMPTY_RECORDS,
      policyDrift: [
        record({ surfaceId: "s1", target: "cilium", excess: 2, driftSince: at("2026-12-01") }),
        record({ surfaceId: "s1", target: "kubernetes" }),
        record({ surfaceId: "s2", target: "istio" }),
        record({ surfaceId: "s3", target: "kubernetes", unselected: 1, driftSince: at("2026-12-06") }),
      ],
    });
    expect(value.value).toBe(2);
    expect(value.detail).toEqual({ drifting: 2, checked: 3 });
    expect(value.rows).toEqual([
      { entity: "surface", id: "s1", counted: true, note: "cilium: 2 excess, 0 missing, 0 unselected" },
      { entity: "surface", id: "s2", counted: false, note: "In sync" },
      { entity: "surface", id: "s3", counted: true, note: "kubernetes: 0 excess, 0 missing, 1 unselected" },
    ]);
    expect(surfacesDrifting(EMPTY_RECORDS)).toEqual({ value: 0, detail: { drifting: 0, checked: 0 }, rows: [] });
  });
});

describe("drift on leadership's attention list", () => {
  const entries = driftEntries([
    record({ surfaceId: "s1", surfaceName: "Payments", missing: 1, driftSince: at("2026-11-20") }),
    record({ surfaceId: "s2", surfaceName: "Ledger", target: "istio", excess: 1, driftSince: at("2026-11-30") }),
    record({ surfaceId: "s3", surfaceName: "Wiki", driftSince: null }),
  ]);

  it("lists only drift still present, and only once it is older than the configured days, the oldest first", () => {
    expect(entries.map((entry) => entry.surfaceId)).toEqual(["s1", "s2"]);
    const now = at("2026-12-07");
    expect(staleDrift(entries, now, 7).map((entry) => [entry.surfaceName, entry.days])).toEqual([["Payments", 17]]);
    expect(staleDrift(entries, now, 6).map((entry) => [entry.surfaceName, entry.days])).toEqual([
      ["Payments", 17],
      ["Ledger", 7],
    ]);
    expect(staleDrift(entries, now, 30)).toEqual([]);
  });
});

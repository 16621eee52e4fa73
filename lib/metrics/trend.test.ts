import { describe, expect, it } from "vitest";
import { stalledCabItems } from "./attention";
import { weeklyTrend, withLiveValue } from "./trend";

describe("weekly trend", () => {
  it("keeps the last point of each ISO week, sorted", () => {
    expect(weeklyTrend([])).toEqual([]);
    expect(weeklyTrend([{ day: "2026-01-05", value: 1 }])).toEqual([{ day: "2026-01-05", value: 1 }]);
    // 2026-01-05 is a Monday; 01-11 the Sunday of that week; 01-12 starts the next.
    expect(
      weeklyTrend([
        { day: "2026-01-12", value: 3 },
        { day: "2026-01-05", value: 1 },
        { day: "2026-01-11", value: 2 },
      ]),
    ).toEqual([
      { day: "2026-01-11", value: 2 },
      { day: "2026-01-12", value: 3 },
    ]);
  });

  it("adds today's live value once", () => {
    expect(withLiveValue([{ day: "2026-01-01", value: 1 }], "2026-01-02", 5)).toHaveLength(2);
    expect(withLiveValue([{ day: "2026-01-02", value: 1 }], "2026-01-02", 5)).toHaveLength(1);
    expect(withLiveValue([], "2026-01-02", null)).toEqual([]);
  });
});

describe("stalled CAB items", () => {
  const now = new Date("2026-03-20T12:00:00Z");
  const change = (id: string, state: "CAB_REVIEW" | "APPROVED", submittedAt: string | null) => ({
    id,
    number: id.length,
    title: id,
    state,
    track: "CAB" as const,
    submittedAt: submittedAt ? new Date(submittedAt) : null,
    implementedAt: null,
    rolledBackAt: null,
  });

  it("finds nothing in an empty program", () => {
    expect(stalledCabItems([], [], now)).toEqual([]);
  });

  it("uses the latest entry into review, ignores other states, and orders by wait", () => {
    const items = stalledCabItems(
      [
        change("a", "CAB_REVIEW", "2026-03-01T00:00:00Z"),
        change("bb", "CAB_REVIEW", "2026-03-01T00:00:00Z"),
        change("ccc", "APPROVED", "2026-01-01T00:00:00Z"),
        change("dddd", "CAB_REVIEW", "2026-03-18T00:00:00Z"),
      ],
      [
        { changeId: "a", from: "SUBMITTED", to: "CAB_REVIEW", at: new Date("2026-03-02T00:00:00Z") },
        { changeId: "bb", from: "SUBMITTED", to: "CAB_REVIEW", at: new Date("2026-03-02T00:00:00Z") },
        { changeId: "bb", from: "NEEDS_INFO", to: "CAB_REVIEW", at: new Date("2026-03-19T00:00:00Z") },
      ],
      now,
    );
    expect(items.map((item) => [item.changeId, item.days])).toEqual([["a", 18]]);
  });

  it("counts exactly the threshold as not yet stalled", () => {
    expect(stalledCabItems([change("a", "CAB_REVIEW", "2026-03-15T12:00:00Z")], [], now)).toEqual([]);
    expect(stalledCabItems([change("a", "CAB_REVIEW", "2026-03-14T12:00:00Z")], [], now)).toHaveLength(1);
  });
});

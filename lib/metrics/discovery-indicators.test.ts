import { describe, expect, it } from "vitest";
import { drawnNeverObserved, observedCoveredByApproved, observedUndrawn } from "./indicators";
import { EMPTY_RECORDS } from "./records";

const observed = [
  { surfaceId: "s1", observedConnections: 80, approvedConnections: 60, undrawnFlows: 2, neverObservedFlowIds: ["f1"] },
  { surfaceId: "s2", observedConnections: 20, approvedConnections: 20, undrawnFlows: 0, neverObservedFlowIds: ["f2", "f3"] },
];

describe("discovery coverage indicators", () => {
  it("shares observed connections covered by approved flows over every observed surface", () => {
    const result = observedCoveredByApproved({ ...EMPTY_RECORDS, observed });
    expect(result.value).toBe(80);
    expect(result.detail).toEqual({ approvedConnections: 80, observedConnections: 100 });
    expect(result.rows.map((row) => [row.id, row.counted])).toEqual([
      ["s1", false],
      ["s2", true],
    ]);
  });

  it("counts observed flows not drawn and drawn flows never observed", () => {
    expect(observedUndrawn({ ...EMPTY_RECORDS, observed }).value).toBe(2);
    const never = drawnNeverObserved({ ...EMPTY_RECORDS, observed });
    expect(never.value).toBe(3);
    expect(never.rows.map((row) => row.id)).toEqual(["f1", "f2", "f3"]);
  });

  it("has no share and zero counts without observed traffic", () => {
    expect(observedCoveredByApproved(EMPTY_RECORDS).value).toBeNull();
    expect(observedUndrawn(EMPTY_RECORDS).value).toBe(0);
    expect(drawnNeverObserved(EMPTY_RECORDS).value).toBe(0);
  });
});

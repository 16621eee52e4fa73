import { describe, expect, it } from "vitest";
import { assessableItems, BUILT_IN_CATALOGS } from "@/lib/maturity/catalog";
import {
  INDICATORS,
  cabDecisionLatency,
  changeFailureRate,
  changeLeadTimeMedian,
  changeLeadTimeP90,
  changesEmergency,
  changesPreApproved,
  flowsApprovedWithoutJustification,
  flowsDeniedAcrossZones,
  flowsExplicit,
  flowsUnencryptedIntoSensitive,
  formatIndicatorValue,
  jointDecisions,
  meetsTarget,
  surfacesAgreed,
  surfacesMapped,
} from "./indicators";
import { EMPTY_RECORDS, type TChangeRecord, type TFlowRecord, type TProgramRecords, type TSurfaceRecord } from "./records";
import { median, percentile, share } from "./stats";

let sequence = 0;
const id = (prefix: string) => `${prefix}-${++sequence}`;
const at = (hours: number) => new Date(Date.UTC(2026, 0, 1) + hours * 3_600_000);

function surface(overrides: Partial<TSurfaceRecord> = {}): TSurfaceRecord {
  return { id: id("s"), name: "S", status: "DRAFT", classification: "INTERNAL", version: 1, hasFlowMap: false, ...overrides };
}
function flow(overrides: Partial<TFlowRecord> = {}): TFlowRecord {
  return {
    id: id("f"),
    surfaceId: "s",
    surfaceName: "S",
    surfaceClassification: "INTERNAL",
    sourceLabel: "a",
    targetLabel: "b",
    sourceZoneId: null,
    targetZoneId: null,
    status: "OBSERVED",
    encryption: "TLS",
    ports: "443",
    justification: "",
    ...overrides,
  };
}
function change(overrides: Partial<TChangeRecord> = {}): TChangeRecord {
  return {
    id: id("c"),
    number: sequence,
    title: "C",
    state: "DRAFT",
    track: null,
    submittedAt: null,
    implementedAt: null,
    rolledBackAt: null,
    ...overrides,
  };
}
const records = (partial: Partial<TProgramRecords>): TProgramRecords => ({ ...EMPTY_RECORDS, ...partial });

describe("statistics", () => {
  it("median and nearest-rank percentile handle empty, one value and ties", () => {
    expect(median([])).toBeNull();
    expect(percentile([], 90)).toBeNull();
    expect(median([7])).toBe(7);
    expect(percentile([7], 90)).toBe(7);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 5, 5, 9])).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([3, 3, 3], 90)).toBe(3);
    expect(share(1, 3)).toBe(33.3);
    expect(share(0, 0)).toBeNull();
  });
});

describe("every indicator on empty data", () => {
  it.each(INDICATORS.map((indicator) => [indicator.key, indicator] as const))("%s has no value and no rows", (_key, indicator) => {
    const result = indicator.compute(EMPTY_RECORDS);
    expect(result.rows).toEqual([]);
    if (indicator.unit === "count") expect(result.value).toBe(0);
    else expect(result.value).toBeNull();
  });

  it("each names a formula and only ZTMM items that exist in the catalog", () => {
    const keys = new Set(assessableItems(BUILT_IN_CATALOGS[0]!).map((item) => item.key));
    for (const indicator of INDICATORS) {
      expect(indicator.formula.length).toBeGreaterThan(20);
      for (const fn of indicator.ztmmFunctions) expect(keys.has(fn), `${indicator.key} → ${fn}`).toBe(true);
    }
    expect(new Set(INDICATORS.map((indicator) => indicator.key)).size).toBe(INDICATORS.length);
  });
});

describe("surface indicators", () => {
  it("agreed share: one surface, then a tie", () => {
    expect(surfacesAgreed(records({ surfaces: [surface({ status: "AGREED" })] })).value).toBe(100);
    const tie = surfacesAgreed(records({ surfaces: [surface({ status: "AGREED" }), surface({ status: "IN_REVIEW" })] }));
    expect(tie.value).toBe(50);
    expect(tie.detail).toEqual({ agreed: 1, total: 2 });
    expect(tie.rows.filter((row) => row.counted)).toHaveLength(1);
  });

  it("mapped share counts surfaces with a flow map", () => {
    expect(surfacesMapped(records({ surfaces: [surface()] })).value).toBe(0);
    expect(surfacesMapped(records({ surfaces: [surface({ hasFlowMap: true }), surface(), surface({ hasFlowMap: true })] })).value).toBe(
      66.7,
    );
  });
});

describe("flow indicators", () => {
  it("explicit share ignores proposed and denied flows", () => {
    expect(flowsExplicit(records({ flows: [flow({ status: "PROPOSED" })] })).value).toBeNull();
    expect(flowsExplicit(records({ flows: [flow({ status: "APPROVED" })] })).value).toBe(100);
    const tie = flowsExplicit(records({ flows: [flow({ status: "APPROVED" }), flow({ status: "OBSERVED" }), flow({ status: "DENIED" })] }));
    expect(tie.value).toBe(50);
    expect(tie.detail).toEqual({ explicit: 1, implicit: 1 });
  });

  it("unencrypted flows count only NONE into Confidential or Restricted, not denied ones", () => {
    const result = flowsUnencryptedIntoSensitive(
      records({
        flows: [
          flow({ encryption: "NONE", surfaceClassification: "RESTRICTED" }),
          flow({ encryption: "NONE", surfaceClassification: "CONFIDENTIAL", status: "APPROVED" }),
          flow({ encryption: "NONE", surfaceClassification: "RESTRICTED", status: "DENIED" }),
          flow({ encryption: "TLS", surfaceClassification: "RESTRICTED" }),
          flow({ encryption: "NONE", surfaceClassification: "INTERNAL" }),
        ],
      }),
    );
    expect(result.value).toBe(2);
    expect(result.detail).toEqual({ restricted: 1, confidential: 1 });
    expect(
      flowsUnencryptedIntoSensitive(records({ flows: [flow({ encryption: "MTLS", surfaceClassification: "RESTRICTED" })] })).value,
    ).toBe(0);
  });

  it("approved flows without justification treat whitespace as empty", () => {
    const result = flowsApprovedWithoutJustification(
      records({
        flows: [
          flow({ status: "APPROVED", justification: "  " }),
          flow({ status: "APPROVED", justification: "settlement" }),
          flow({ status: "OBSERVED" }),
        ],
      }),
    );
    expect(result.value).toBe(1);
    expect(result.detail).toEqual({ approved: 2, withoutJustification: 1 });
  });

  it("denied flows cross a zone when the ends sit in different zones or only one in a zone", () => {
    const result = flowsDeniedAcrossZones(
      records({
        flows: [
          flow({ status: "DENIED", sourceZoneId: "z1", targetZoneId: "z2" }),
          flow({ status: "DENIED", sourceZoneId: null, targetZoneId: "z2" }),
          flow({ status: "DENIED", sourceZoneId: "z1", targetZoneId: "z1" }),
          flow({ status: "DENIED" }),
          flow({ status: "APPROVED", sourceZoneId: "z1", targetZoneId: "z2" }),
        ],
      }),
    );
    expect(result.value).toBe(2);
    expect(result.detail).toEqual({ denied: 4, crossingZone: 2 });
  });
});

describe("change indicators", () => {
  it("lead time: one change, then per-track median and p90 with ties", () => {
    const one = changeLeadTimeMedian(records({ changes: [change({ track: "CAB", submittedAt: at(0), implementedAt: at(30) })] }));
    expect(one.value).toBe(30);
    expect(one.detail["CAB.p90"]).toBe(30);
    expect(one.detail["EMERGENCY.median"]).toBeNull();

    const changes = [
      change({ track: "PRE_APPROVED", submittedAt: at(0), implementedAt: at(2) }),
      change({ track: "PRE_APPROVED", submittedAt: at(0), implementedAt: at(2) }),
      change({ track: "CAB", submittedAt: at(0), implementedAt: at(100) }),
      change({ track: "CAB", submittedAt: at(0), implementedAt: at(50) }),
      change({ track: "CAB", submittedAt: at(0) }),
    ];
    const p50 = changeLeadTimeMedian(records({ changes }));
    expect(p50.value).toBe(26);
    expect(p50.detail).toMatchObject({ changes: 4, "PRE_APPROVED.median": 2, "CAB.median": 75, "CAB.p90": 100, "CAB.changes": 2 });
    expect(changeLeadTimeP90(records({ changes })).value).toBe(100);
  });

  it("pre-approved and emergency shares are over changes with a track", () => {
    const changes = [
      change({ track: "PRE_APPROVED" }),
      change({ track: "EMERGENCY" }),
      change({ track: "CAB" }),
      change({ track: "PRE_APPROVED" }),
      change(),
    ];
    expect(changesPreApproved(records({ changes })).value).toBe(50);
    expect(changesEmergency(records({ changes })).value).toBe(25);
    expect(changesPreApproved(records({ changes: [change()] })).value).toBeNull();
    expect(changesEmergency(records({ changes: [change({ track: "EMERGENCY" })] })).value).toBe(100);
  });

  it("CAB latency runs from entering review to the first decision", () => {
    const c1 = "cab-1";
    const c2 = "cab-2";
    const transitions = [
      { changeId: c1, from: "SUBMITTED" as const, to: "CAB_REVIEW" as const, at: at(0) },
      { changeId: c1, from: "CAB_REVIEW" as const, to: "NEEDS_INFO" as const, at: at(5) },
      { changeId: c1, from: "NEEDS_INFO" as const, to: "CAB_REVIEW" as const, at: at(6) },
      { changeId: c1, from: "CAB_REVIEW" as const, to: "APPROVED" as const, at: at(10) },
      { changeId: c2, from: "SUBMITTED" as const, to: "CAB_REVIEW" as const, at: at(0) },
      { changeId: c2, from: "CAB_REVIEW" as const, to: "REJECTED" as const, at: at(30) },
      { changeId: "undecided", from: "SUBMITTED" as const, to: "CAB_REVIEW" as const, at: at(0) },
    ];
    const result = cabDecisionLatency(records({ transitions }));
    expect(result.value).toBe(20);
    expect(result.detail).toEqual({ decisions: 2, p90: 30 });
    expect(cabDecisionLatency(records({ transitions: transitions.slice(4, 6) })).value).toBe(30);
  });

  it("failure rate is rolled back over implemented", () => {
    expect(changeFailureRate(records({ changes: [change({ implementedAt: at(1) })] })).value).toBe(0);
    const result = changeFailureRate(
      records({
        changes: [change({ implementedAt: at(1), rolledBackAt: at(2) }), change({ implementedAt: at(1) }), change({ state: "APPROVED" })],
      }),
    );
    expect(result.value).toBe(50);
    expect(result.detail).toEqual({ rolledBack: 1, implemented: 2 });
  });
});

describe("joint decisions", () => {
  it("counts surface versions and changes decided by both teams, ignoring withdrawn votes and rejections", () => {
    const result = jointDecisions(
      records({
        signOffs: [
          { surfaceId: "s1", version: 1, team: "NETOPS", active: true },
          { surfaceId: "s1", version: 1, team: "SECOPS", active: true },
          { surfaceId: "s1", version: 2, team: "NETOPS", active: true },
          { surfaceId: "s1", version: 2, team: "SECOPS", active: false },
        ],
        approvals: [
          { changeId: "c1", team: "NETOPS", decision: "APPROVE", active: true },
          { changeId: "c1", team: "SECOPS", decision: "REJECT", active: true },
          { changeId: "c2", team: "NETOPS", decision: "APPROVE", active: true },
          { changeId: "c2", team: "SECOPS", decision: "APPROVE", active: true },
        ],
      }),
    );
    expect(result.value).toBe(50);
    expect(result.detail).toEqual({ jointSignOffs: 1, signedVersions: 2, jointApprovals: 1, approvedChanges: 2 });
  });

  it("one sign-off alone is not joint", () => {
    expect(jointDecisions(records({ signOffs: [{ surfaceId: "s", version: 1, team: "SECOPS", active: true }] })).value).toBe(0);
  });
});

describe("presentation", () => {
  it("formats values by unit and judges targets by direction", () => {
    expect(formatIndicatorValue(null, "%")).toBe("—");
    expect(formatIndicatorValue(42.5, "%")).toBe("42.5%");
    expect(formatIndicatorValue(30, "hours")).toBe("30 h");
    expect(formatIndicatorValue(72, "hours")).toBe("3 d");
    expect(meetsTarget(5, 5, "LOWER_IS_BETTER")).toBe(true);
    expect(meetsTarget(6, 5, "LOWER_IS_BETTER")).toBe(false);
    expect(meetsTarget(90, 90, "HIGHER_IS_BETTER")).toBe(true);
    expect(meetsTarget(null, 90, "HIGHER_IS_BETTER")).toBeNull();
    expect(meetsTarget(3, null, "HIGHER_IS_BETTER")).toBeNull();
  });
});

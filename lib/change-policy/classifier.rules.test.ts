import { describe, expect, it } from "vitest";
import { OUTCOME_LABELS, RULE_OUTCOMES, classify, mirrorOperations, orderRules, trackStrictness, type TClassifierRule } from "./classifier";
import type { TCondition } from "./conditions";
import type { TClassifierInput, TClassifierOperation, TClassifierSurface, TFlowSpec } from "./types";

const flow = (over: Partial<TFlowSpec> = {}): TFlowSpec => ({
  sourceId: "web",
  targetId: "db",
  sourceKind: "WORKLOAD",
  targetKind: "DATASTORE",
  sourceZone: "app",
  targetZone: "app",
  protocol: "TCP",
  ports: "443",
  encryption: "TLS",
  authentication: "TOKEN",
  status: "APPROVED",
  ...over,
});
const add = (over: Partial<TFlowSpec> = {}): TClassifierOperation => ({ kind: "ADD", surfaceId: "shop", before: null, after: flow(over) });
const remove = (over: Partial<TFlowSpec> = {}): TClassifierOperation => ({
  kind: "REMOVE",
  surfaceId: "shop",
  before: flow(over),
  after: null,
});
const surface = (
  classification: TClassifierSurface["classification"],
  criticality: TClassifierSurface["criticality"],
): TClassifierSurface => ({ id: "shop", classification, criticality });

const change = (over: Partial<TClassifierInput> = {}): TClassifierInput => ({
  operations: [remove()],
  surfaces: [surface("PUBLIC", "LOW")],
  environment: "production",
  window: null,
  plans: { implementation: "apply", verification: "probe", rollback: "revert" },
  emergencyReason: null,
  blackouts: [],
  templates: [],
  ...over,
});

const always: TCondition = { fact: "flowsTouched", op: "gte", value: 0 };
const rule = (ruleKey: string, position: number, over: Partial<TClassifierRule> = {}): TClassifierRule => ({
  id: `id-${ruleKey}`,
  ruleKey,
  name: `Rule ${ruleKey}`,
  position,
  condition: always,
  outcome: "ADD_RISK",
  riskPoints: 0,
  extraApprovers: 0,
  ...over,
});

describe("rule outcomes and tracks", () => {
  it("names each outcome for the rule editor", () => {
    expect(RULE_OUTCOMES).toEqual(["FORCE_CAB", "ALLOW_PRE_APPROVAL", "ADD_RISK", "REQUIRE_APPROVER"]);
    expect(OUTCOME_LABELS).toEqual({
      FORCE_CAB: "Send to the CAB",
      ALLOW_PRE_APPROVAL: "Allow pre-approval",
      ADD_RISK: "Add risk points",
      REQUIRE_APPROVER: "Require extra approvers",
    });
  });

  it("ranks pre-approval below the CAB and the CAB below an emergency", () => {
    expect(trackStrictness("PRE_APPROVED")).toBeLessThan(trackStrictness("CAB"));
    expect(trackStrictness("CAB")).toBeLessThan(trackStrictness("EMERGENCY"));
  });

  it("applies rules by position, and by key when positions tie", () => {
    const ordered = orderRules([rule("c", 2), rule("b", 1), rule("a", 2), rule("z", 0)]);
    expect(ordered.map((candidate) => candidate.ruleKey)).toEqual(["z", "b", "a", "c"]);
  });

  it("mirrors each operation: a removal becomes an addition of the same flow and the other way round, a modification is undone", () => {
    const narrow = flow({ ports: "443" });
    const wide = flow({ ports: "80,443" });
    expect(
      mirrorOperations([remove(), add({ ports: "22" }), { kind: "MODIFY", surfaceId: "billing", before: wide, after: narrow }]),
    ).toEqual([
      { kind: "ADD", surfaceId: "shop", before: null, after: flow() },
      { kind: "REMOVE", surfaceId: "shop", before: flow({ ports: "22" }), after: null },
      { kind: "MODIFY", surfaceId: "billing", before: narrow, after: wide },
    ]);
  });
});

describe("risk", () => {
  it("adds 8 points per classification rank, 6 per criticality rank, 10 for an opening and 2 per flow beyond the first", () => {
    const result = classify(
      change({ surfaces: [surface("CONFIDENTIAL", "HIGH")], operations: [add(), add({ ports: "8443" }), remove()] }),
      [],
    );
    expect(result.baseRisk).toEqual([
      { reason: "classification Confidential", points: 16 },
      { reason: "criticality High", points: 12 },
      { reason: "opens access", points: 10 },
      { reason: "3 flows touched", points: 4 },
    ]);
    expect(result.riskScore).toBe(42);
  });

  it("adds nothing for a public, low-criticality removal of one flow", () => {
    const result = classify(change(), []);
    expect(result.baseRisk).toEqual([]);
    expect(result.riskScore).toBe(0);
    expect(classify(change({ surfaces: [] }), []).baseRisk).toEqual([]);
  });

  it("counts at most ten extra flows", () => {
    const operations = Array.from({ length: 15 }, (_, index) => remove({ ports: String(1000 + index) }));
    expect(classify(change({ operations }), []).baseRisk).toEqual([{ reason: "15 flows touched", points: 20 }]);
  });

  it("adds each matching rule's points, and keeps the score between 0 and 100", () => {
    expect(classify(change(), [rule("a", 1, { riskPoints: 30 }), rule("b", 2, { riskPoints: 5 })]).riskScore).toBe(35);
    expect(
      classify(change(), [
        rule("a", 1, { riskPoints: 30 }),
        rule("b", 2, { riskPoints: 5, condition: { fact: "loosening", op: "eq", value: true } }),
      ]).riskScore,
    ).toBe(30);
    expect(classify(change({ surfaces: [surface("RESTRICTED", "CRITICAL")] }), [rule("a", 1, { riskPoints: 80 })]).riskScore).toBe(100);
  });
});

describe("approvals and the track", () => {
  it("needs two approvals on the CAB track plus every matching rule's extra approvers, none when pre-approved, two in an emergency", () => {
    const extra = [
      rule("a", 1, { outcome: "REQUIRE_APPROVER", extraApprovers: 1 }),
      rule("b", 2, { outcome: "REQUIRE_APPROVER", extraApprovers: 2 }),
    ];
    expect(classify(change(), extra)).toMatchObject({ track: "CAB", requiredApprovals: 5 });
    expect(classify(change(), [...extra, rule("c", 3, { outcome: "ALLOW_PRE_APPROVAL" })])).toMatchObject({
      track: "PRE_APPROVED",
      requiredApprovals: 0,
    });
    expect(classify(change({ emergencyReason: "outage" }), extra)).toMatchObject({ track: "EMERGENCY", requiredApprovals: 2 });
  });

  it("records which rule decided the track, and the facts each rule read, sorted by name", () => {
    const condition: TCondition = {
      all: [
        { fact: "tighteningOnly", op: "eq", value: true },
        { fact: "environment", op: "eq", value: "production" },
      ],
    };
    const result = classify(change(), [
      rule("risk", 1, { condition, riskPoints: 3, extraApprovers: 1, name: "Risky" }),
      rule("cab", 2, { outcome: "FORCE_CAB" }),
      rule("pre", 3, { outcome: "ALLOW_PRE_APPROVAL" }),
    ]);
    expect(result.matched).toEqual([
      {
        ruleId: "id-risk",
        ruleKey: "risk",
        name: "Risky",
        outcome: "ADD_RISK",
        riskPoints: 3,
        extraApprovers: 1,
        factsUsed: { environment: "production", tighteningOnly: true },
        decidedTrack: false,
      },
      {
        ruleId: "id-cab",
        ruleKey: "cab",
        name: "Rule cab",
        outcome: "FORCE_CAB",
        riskPoints: 0,
        extraApprovers: 0,
        factsUsed: { flowsTouched: 1 },
        decidedTrack: true,
      },
      {
        ruleId: "id-pre",
        ruleKey: "pre",
        name: "Rule pre",
        outcome: "ALLOW_PRE_APPROVAL",
        riskPoints: 0,
        extraApprovers: 0,
        factsUsed: { flowsTouched: 1 },
        decidedTrack: false,
      },
    ]);
    expect(Object.keys(result.matched[0]?.factsUsed ?? {})).toEqual(["environment", "tighteningOnly"]);
  });

  it("goes to the CAB with a note when no rule decides, and without one when a rule does", () => {
    expect(classify(change({ operations: [add()] }), [rule("risk", 1)]).notes).toEqual([
      "No rule decided the track, so the change goes to the CAB.",
    ]);
    expect(classify(change({ operations: [add()] }), [rule("cab", 1, { outcome: "FORCE_CAB" })]).notes).toEqual([]);
  });

  it("pre-approves tightening that the rules send to the CAB when opening the same flows would be pre-approved, and says so", () => {
    const rules = [rule("open", 1, { outcome: "ALLOW_PRE_APPROVAL", condition: { fact: "loosening", op: "eq", value: true } })];
    const result = classify(change(), rules);
    expect(result.track).toBe("PRE_APPROVED");
    expect(result.notes).toEqual([
      "No rule decided the track, so the change goes to the CAB.",
      "Tightening only: opening the same flows would be pre-approved, so closing them is too.",
    ]);
  });

  it("leaves tightening with the CAB when opening the same flows would go to the CAB too", () => {
    const rules = [rule("close", 1, { outcome: "FORCE_CAB", condition: { fact: "tighteningOnly", op: "eq", value: true } })];
    expect(classify(change(), rules)).toMatchObject({ track: "CAB", notes: [] });
  });

  it("never loosens the track of an opening through its mirror", () => {
    const rules = [rule("close", 1, { outcome: "ALLOW_PRE_APPROVAL", condition: { fact: "tighteningOnly", op: "eq", value: true } })];
    expect(classify(change({ operations: [add()] }), rules).track).toBe("CAB");
  });

  it("records in an emergency what the rules would have chosen, with the reason trimmed", () => {
    expect(classify(change({ emergencyReason: "  core switch down " }), [rule("cab", 1, { outcome: "FORCE_CAB" })]).notes).toEqual([
      "Declared an emergency: core switch down. Rules would have chosen the CAB.",
    ]);
    expect(classify(change({ emergencyReason: "outage" }), [rule("pre", 1, { outcome: "ALLOW_PRE_APPROVAL" })]).notes).toEqual([
      "Declared an emergency: outage. Rules would have chosen pre-approval.",
    ]);
  });
});

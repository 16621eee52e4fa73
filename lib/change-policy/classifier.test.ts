import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classify, compileRuleSet, mirrorOperations, orderRules, trackStrictness, type TClassifierRule } from "./classifier";
import { arbCondition, arbFlow, arbInput, arbOperation, arbRules } from "./classifier.arbitraries";
import {
  AUTHENTICATION_ORDER,
  compileCondition,
  ENCRYPTION_ORDER,
  evaluateCondition,
  FACT_BITS,
  FACT_NAMES,
  FACTS,
  factValuesOf,
  type TFactName,
  type TFacts,
  type TFactValue,
} from "./conditions";
import { modifyLoosens, operationLoosens } from "./facts";
import type { TClassifierInput, TClassifierOperation, TFlowSpec } from "./types";
import type { TTemplateParameters } from "./template-parameters";

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
  authentication: "CERTIFICATE",
  status: "APPROVED",
  ...over,
});

const input = (over: Partial<TClassifierInput> = {}): TClassifierInput => ({
  operations: [{ kind: "ADD", surfaceId: "pay", before: null, after: flow() }],
  surfaces: [{ id: "pay", classification: "RESTRICTED", criticality: "CRITICAL" }],
  environment: "production",
  window: null,
  plans: { implementation: "apply", verification: "probe", rollback: "revert" },
  emergencyReason: null,
  blackouts: [],
  templates: [],
  ...over,
});

let nextId = 0;
const rule = (over: Partial<TClassifierRule> & Pick<TClassifierRule, "condition" | "outcome">): TClassifierRule => {
  nextId += 1;
  return {
    id: `r${nextId}`,
    ruleKey: `rule-${String(nextId).padStart(3, "0")}`,
    name: `Rule ${nextId}`,
    position: nextId,
    riskPoints: 0,
    extraApprovers: 0,
    ...over,
  };
};

const SEED_RULES: TClassifierRule[] = [
  rule({
    ruleKey: "no-rollback",
    position: 1,
    condition: { fact: "hasRollbackPlan", op: "eq", value: false },
    outcome: "FORCE_CAB",
    riskPoints: 10,
  }),
  rule({
    ruleKey: "restricted-open",
    position: 2,
    condition: {
      all: [
        { fact: "loosening", op: "eq", value: true },
        { fact: "maxClassification", op: "gte", value: "RESTRICTED" },
      ],
    },
    outcome: "FORCE_CAB",
  }),
  rule({ ruleKey: "template", position: 3, condition: { fact: "templateMatch", op: "eq", value: true }, outcome: "ALLOW_PRE_APPROVAL" }),
  rule({ ruleKey: "tightening", position: 4, condition: { fact: "tighteningOnly", op: "eq", value: true }, outcome: "ALLOW_PRE_APPROVAL" }),
  rule({
    ruleKey: "external",
    position: 5,
    condition: { fact: "externalParty", op: "eq", value: true },
    outcome: "ADD_RISK",
    riskPoints: 15,
  }),
  rule({
    ruleKey: "cleartext",
    position: 6,
    condition: { fact: "minAddedEncryption", op: "eq", value: "NONE" },
    outcome: "REQUIRE_APPROVER",
    extraApprovers: 1,
    riskPoints: 10,
  }),
];

describe("classifier examples", () => {
  it("sends a flow opened into a Restricted surface to the CAB and says why", () => {
    const result = classify(input(), SEED_RULES);
    expect(result.track).toBe("CAB");
    expect(result.requiredApprovals).toBe(2);
    const decider = result.matched.find((hit) => hit.decidedTrack);
    expect(decider?.ruleKey).toBe("restricted-open");
    expect(decider?.factsUsed).toEqual({ loosening: true, maxClassification: "RESTRICTED" });
  });

  it("pre-approves a removal with a rollback plan", () => {
    const result = classify(input({ operations: [{ kind: "REMOVE", surfaceId: "pay", before: flow(), after: null }] }), SEED_RULES);
    expect(result).toMatchObject({ track: "PRE_APPROVED", requiredApprovals: 0 });
    expect(result.facts).toMatchObject({ tighteningOnly: true, loosening: false });
  });

  it("forces the CAB when the rollback plan is missing, even for tightening", () => {
    const result = classify(
      input({
        operations: [{ kind: "REMOVE", surfaceId: "pay", before: flow(), after: null }],
        plans: { implementation: "x", verification: "y", rollback: " " },
      }),
      SEED_RULES,
    );
    expect(result.track).toBe("CAB");
    expect(result.matched[0]).toMatchObject({ ruleKey: "no-rollback", decidedTrack: true, factsUsed: { hasRollbackPlan: false } });
  });

  it("adds risk and approvers for an external cleartext flow", () => {
    const opened = flow({ sourceKind: "EXTERNAL", encryption: "NONE" });
    const result = classify(input({ operations: [{ kind: "ADD", surfaceId: "pay", before: null, after: opened }] }), SEED_RULES);
    expect(result.requiredApprovals).toBe(3);
    expect(result.matched.map((hit) => hit.ruleKey)).toEqual(["restricted-open", "external", "cleartext"]);
    const base = result.baseRisk.reduce((sum, part) => sum + part.points, 0);
    expect(result.riskScore).toBe(Math.min(100, base + 25));
  });

  it("goes to the CAB when no rule decides", () => {
    const result = classify(input({ surfaces: [{ id: "pay", classification: "INTERNAL", criticality: "LOW" }] }), []);
    expect(result.track).toBe("CAB");
    expect(result.notes[0]).toMatch(/No rule decided/);
  });

  it("is an emergency only when declared with a reason", () => {
    expect(classify(input({ emergencyReason: "   " }), SEED_RULES).track).toBe("CAB");
    const emergency = classify(input({ emergencyReason: "payment outage" }), SEED_RULES);
    expect(emergency).toMatchObject({ track: "EMERGENCY", requiredApprovals: 2 });
  });

  it("pre-approves a change inside a template's limits, and not one outside", () => {
    const parameters: TTemplateParameters = {
      operationKinds: ["ADD"],
      maxFlows: 1,
      protocols: ["TCP"],
      ports: "443",
      minEncryption: "TLS",
      minAuthentication: "TOKEN",
      maxClassification: "INTERNAL",
      environments: ["production"],
      tighteningOnly: false,
    };
    const templates = [{ id: "t1", name: "HTTPS to gateway", parameters }];
    const internal = [{ id: "pay", classification: "INTERNAL" as const, criticality: "LOW" as const }];
    const inside = classify(input({ surfaces: internal, templates }), SEED_RULES);
    expect(inside).toMatchObject({ track: "PRE_APPROVED", templateId: "t1" });
    const outside = classify(
      input({ surfaces: internal, templates, operations: [{ kind: "ADD", surfaceId: "pay", before: null, after: flow({ ports: "22" }) }] }),
      SEED_RULES,
    );
    expect(outside).toMatchObject({ track: "CAB", templateId: null });
  });

  it("knows a blackout hit, globally or on a touched surface only", () => {
    const window = { start: new Date("2026-12-24T10:00:00Z"), end: new Date("2026-12-24T11:00:00Z") };
    const blackout = { startsAt: new Date("2026-12-20T00:00:00Z"), endsAt: new Date("2027-01-02T00:00:00Z") };
    expect(classify(input({ window, blackouts: [{ ...blackout, surfaceId: null }] }), []).facts.inBlackout).toBe(true);
    expect(classify(input({ window, blackouts: [{ ...blackout, surfaceId: "other" }] }), []).facts.inBlackout).toBe(false);
    expect(classify(input({ window, blackouts: [{ ...blackout, surfaceId: "pay" }] }), []).facts.inBlackout).toBe(true);
    // A surface counts as touched when the change lists it, even with no flow operation on it, or when an operation names it.
    const ledger = { id: "ledger", classification: "INTERNAL" as const, criticality: "LOW" as const };
    const listed = input({ window, surfaces: [...input().surfaces, ledger], blackouts: [{ ...blackout, surfaceId: "ledger" }] });
    expect(classify(listed, []).facts.inBlackout).toBe(true);
    const operated = input({
      window,
      operations: [...input().operations, { kind: "ADD", surfaceId: "ledger", before: null, after: flow() }],
      blackouts: [{ ...blackout, surfaceId: "ledger" }],
    });
    expect(classify(operated, []).facts.inBlackout).toBe(true);
  });

  it("classifies approving an observed cleartext SMB flow as an opening of access, never as tightening", () => {
    const observed = flow({ ports: "445", encryption: "NONE", authentication: "NONE", status: "OBSERVED" });
    const result = classify(
      input({ operations: [{ kind: "MODIFY", surfaceId: "pay", before: observed, after: { ...observed, status: undefined } }] }),
      SEED_RULES,
    );
    expect(result.facts).toMatchObject({ loosening: true, tighteningOnly: false, approvesFlow: true, approvesObservedFlow: true });
    expect(result.track).toBe("CAB");
    expect(result.notes.some((note) => note.startsWith("Tightening only"))).toBe(false);
    const unknown = flow({ status: undefined });
    expect(operationLoosens({ kind: "MODIFY", surfaceId: "pay", before: unknown, after: flow({ ports: "443" }) })).toBe(true);
  });

  it("tells narrowing from widening in a modification", () => {
    const wide = flow({ ports: "80,443", encryption: "TLS" });
    expect(operationLoosens({ kind: "MODIFY", surfaceId: "pay", before: wide, after: flow({ ports: "443", encryption: "MTLS" }) })).toBe(
      false,
    );
    expect(operationLoosens({ kind: "MODIFY", surfaceId: "pay", before: wide, after: flow({ ports: "443", encryption: "NONE" }) })).toBe(
      true,
    );
    expect(operationLoosens({ kind: "MODIFY", surfaceId: "pay", before: wide, after: flow({ ports: "8443" }) })).toBe(true);
    expect(operationLoosens({ kind: "MODIFY", surfaceId: "pay", before: wide, after: flow({ protocol: "ANY", ports: "443" }) })).toBe(true);
    expect(
      operationLoosens({
        kind: "MODIFY",
        surfaceId: "pay",
        before: flow({ protocol: "ANY", ports: "" }),
        after: flow({ ports: "1-1024" }),
      }),
    ).toBe(false);
  });
});

/** A modification that narrows an approved flow (made by mapping, not filtering, so generation stays fast). */
const arbNarrowingOfApproved: fc.Arbitrary<TClassifierOperation> = fc
  .tuple(
    arbFlow,
    fc.constantFrom("s1", "s2", "s3"),
    fc.constantFrom(...ENCRYPTION_ORDER),
    fc.constantFrom(...AUTHENTICATION_ORDER),
    fc.boolean(),
  )
  .map(([flowBefore, surfaceId, encryption, authentication, dropPorts]): TClassifierOperation => {
    const before = { ...flowBefore, status: "APPROVED" as const };
    const stronger = <T extends string>(order: readonly T[], current: T, candidate: T) =>
      order.indexOf(candidate) > order.indexOf(current) ? candidate : current;
    const narrowedPorts = dropPorts && before.ports === "80,443" ? "443" : before.ports;
    const after = {
      ...before,
      status: undefined,
      ports: narrowedPorts,
      encryption: stronger(ENCRYPTION_ORDER, before.encryption, encryption),
      authentication: stronger(AUTHENTICATION_ORDER, before.authentication, authentication),
    };
    return { kind: "MODIFY", surfaceId, before, after };
  })
  .filter((operation) => operation.kind === "MODIFY" && !modifyLoosens(operation.before, operation.after));

describe("classifier properties", () => {
  it("is deterministic and does not depend on the order rules are given in", () => {
    fc.assert(
      fc.property(arbInput(), arbRules(), (change, rules) => {
        const first = classify(change, rules);
        expect(classify(structuredClone(change), [...rules].reverse())).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it("never puts a tightening-only change on a stricter track than the same flows opened", () => {
    const tightening = fc.array(
      fc.oneof(
        arbOperation.filter((operation) => operation.kind === "REMOVE"),
        arbNarrowingOfApproved,
      ),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(arbInput(tightening), arbRules(), (change, rules) => {
        const closed = classify(change, rules);
        const opened = classify({ ...change, operations: mirrorOperations(change.operations) }, rules);
        expect(closed.facts.tighteningOnly).toBe(true);
        expect(trackStrictness(closed.track)).toBeLessThanOrEqual(trackStrictness(opened.track));
      }),
      { numRuns: 300 },
    );
  });

  it("never calls a change that approves a not-yet-approved flow tightening only", () => {
    const narrowing = fc.array(
      fc.oneof(
        arbOperation.filter((operation) => operation.kind === "REMOVE"),
        arbNarrowingOfApproved,
      ),
      { maxLength: 3 },
    );
    // Approving a flow as it is, or narrowed: every field the same or tighter, only the status changes.
    const approving = fc
      .tuple(
        arbNarrowingOfApproved,
        fc.constantFrom("OBSERVED", "PROPOSED", "DENIED" as const),
        fc.option(fc.constantFrom("OBSERVED", "PROPOSED", "DENIED" as const), { nil: undefined }),
        fc.boolean(),
      )
      .map(([operation, status, unknownOr, asIs]): TClassifierOperation => {
        if (operation.kind !== "MODIFY") return operation;
        const before = { ...operation.before, status: unknownOr === undefined ? status : undefined };
        return { ...operation, before, after: asIs ? { ...before, status: undefined } : operation.after };
      });
    const operations = fc.tuple(narrowing, approving, fc.nat()).map(([rest, approval, at]) => {
      const index = rest.length === 0 ? 0 : at % (rest.length + 1);
      return [...rest.slice(0, index), approval, ...rest.slice(index)];
    });
    fc.assert(
      fc.property(arbInput(operations), arbRules(), (change, rules) => {
        const result = classify(change, rules);
        expect(result.facts).toMatchObject({ tighteningOnly: false, loosening: true, approvesFlow: true });
        expect(result.notes.some((note) => note.startsWith("Tightening only"))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("lets the first matching track rule decide; later ones only add risk and approvers", () => {
    fc.assert(
      fc.property(arbInput(), arbRules(), (change, rules) => {
        const result = classify({ ...change, emergencyReason: null }, rules);
        const ordered = orderRules(rules);
        const hitKeys = result.matched.map((hit) => hit.ruleKey);
        expect(hitKeys).toEqual(ordered.filter((candidate) => hitKeys.includes(candidate.ruleKey)).map((candidate) => candidate.ruleKey));
        const deciders = result.matched.filter((hit) => hit.decidedTrack);
        expect(deciders.length).toBeLessThanOrEqual(1);
        const firstTrackHit = result.matched.find((hit) => hit.outcome === "FORCE_CAB" || hit.outcome === "ALLOW_PRE_APPROVAL");
        expect(deciders[0]?.ruleKey).toBe(firstTrackHit?.ruleKey);
        if (firstTrackHit && !result.notes.some((note) => note.startsWith("Tightening only"))) {
          expect(result.track).toBe(firstTrackHit.outcome === "FORCE_CAB" ? "CAB" : "PRE_APPROVED");
        }
        const extra = result.matched.reduce((sum, hit) => sum + hit.extraApprovers, 0);
        if (result.track === "CAB") expect(result.requiredApprovals).toBe(2 + extra);
        expect(result.riskScore).toBeGreaterThanOrEqual(0);
        expect(result.riskScore).toBeLessThanOrEqual(100);
      }),
      { numRuns: 300 },
    );
  });

  it("moving a pre-approval rule above a CAB rule that both match flips the track", () => {
    fc.assert(
      fc.property(arbInput(), (change) => {
        const always = { fact: "flowsTouched" as const, op: "gte" as const, value: 0 };
        const cabFirst = [
          rule({ ruleKey: "a", position: 1, condition: always, outcome: "FORCE_CAB" }),
          rule({ ruleKey: "b", position: 2, condition: always, outcome: "ALLOW_PRE_APPROVAL" }),
        ];
        const preFirst = cabFirst.map((candidate) => ({ ...candidate, position: 3 - candidate.position }));
        const plain = { ...change, emergencyReason: null };
        expect(classify(plain, preFirst).track).toBe("PRE_APPROVED");
        expect(classify(plain, cabFirst).track).toBe("CAB");
      }),
      { numRuns: 100 },
    );
  });
});

describe("compiled rule sets", () => {
  const arbFactValue = (fact: TFactName): fc.Arbitrary<TFactValue> => {
    const spec = FACTS[fact];
    if (spec.type === "boolean") return fc.boolean();
    if (spec.type === "number") return fc.integer({ min: -1, max: 8 });
    if (spec.type === "string") return fc.constantFrom("production", "staging", "");
    return fc.option(fc.constantFrom(...spec.order), { nil: null });
  };
  const arbFacts = fc.record(
    Object.fromEntries(FACT_NAMES.map((fact) => [fact, arbFactValue(fact)])) as Record<TFactName, fc.Arbitrary<TFactValue>>,
  ) as fc.Arbitrary<TFacts>;

  it("a compiled condition answers as the interpreter does and reads the same facts", () => {
    fc.assert(
      fc.property(arbCondition, arbFacts, (condition, facts) => {
        const used = new Set<TFactName>();
        const read = { mask: 0 };
        expect(compileCondition(condition)(factValuesOf(facts), read)).toBe(evaluateCondition(condition, facts, used));
        expect(FACT_NAMES.filter((fact) => read.mask & FACT_BITS[fact])).toEqual(FACT_NAMES.filter((fact) => used.has(fact)));
      }),
      { numRuns: 2000 },
    );
  });

  it("classifies every change exactly as the interpreted evaluation does", () => {
    fc.assert(
      fc.property(arbInput(), arbRules(12), (input, rules) => {
        expect(classify(input, rules)).toEqual(classify(input, rules, { evaluation: "interpreted" }));
      }),
      { numRuns: 500 },
    );
  });

  it("compiles a rule set once and reuses it for the same rules array", () => {
    const rules = fc.sample(arbRules(5), { numRuns: 1, seed: 3 })[0]!;
    expect(compileRuleSet(rules)).toBe(compileRuleSet(rules));
    expect(compileRuleSet([...rules])).not.toBe(compileRuleSet(rules));
  });
});

import { describe, expect, it } from "vitest";
import { classify } from "./classifier";
import { approvesUnapprovedFlow, computeFacts, modifyLoosens, operationLoosens } from "./facts";
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
  ports: "80,443",
  encryption: "TLS",
  authentication: "TOKEN",
  status: "APPROVED",
  ...over,
});
const add = (over: Partial<TFlowSpec> = {}, surfaceId = "shop"): TClassifierOperation => ({
  kind: "ADD",
  surfaceId,
  before: null,
  after: flow(over),
});
const remove = (over: Partial<TFlowSpec> = {}, surfaceId = "shop"): TClassifierOperation => ({
  kind: "REMOVE",
  surfaceId,
  before: flow(over),
  after: null,
});
const modify = (before: Partial<TFlowSpec>, after: Partial<TFlowSpec>, surfaceId = "shop"): TClassifierOperation => ({
  kind: "MODIFY",
  surfaceId,
  before: flow(before),
  after: flow(after),
});

const change = (over: Partial<TClassifierInput> = {}): TClassifierInput => ({
  operations: [remove()],
  surfaces: [{ id: "shop", classification: "INTERNAL", criticality: "MEDIUM" }],
  environment: "staging",
  window: null,
  plans: { implementation: "apply", verification: "probe", rollback: "revert" },
  emergencyReason: null,
  blackouts: [],
  templates: [],
  ...over,
});
const factsOf = (over: Partial<TClassifierInput> = {}) => computeFacts(change(over)).facts;

describe("when a modification opens access", () => {
  it("opens access when it moves either endpoint", () => {
    expect(modifyLoosens(flow(), flow({ sourceId: "admin" }))).toBe(true);
    expect(modifyLoosens(flow(), flow({ targetId: "cache" }))).toBe(true);
    expect(modifyLoosens(flow(), flow())).toBe(false);
  });

  it("opens access when it widens the protocol or the ports, not when it narrows them", () => {
    expect(modifyLoosens(flow(), flow({ protocol: "UDP" }))).toBe(true);
    expect(modifyLoosens(flow(), flow({ protocol: "ANY" }))).toBe(true);
    expect(modifyLoosens(flow({ protocol: "ANY" }), flow({ protocol: "UDP" }))).toBe(false);
    expect(modifyLoosens(flow(), flow({ ports: "80-443" }))).toBe(true);
    expect(modifyLoosens(flow(), flow({ ports: "443" }))).toBe(false);
  });

  it("opens access when it weakens encryption or authentication, not when it keeps or strengthens them", () => {
    expect(modifyLoosens(flow(), flow({ encryption: "NONE" }))).toBe(true);
    expect(modifyLoosens(flow(), flow({ encryption: "MTLS" }))).toBe(false);
    expect(modifyLoosens(flow(), flow({ authentication: "NONE" }))).toBe(true);
    expect(modifyLoosens(flow(), flow({ authentication: "CERTIFICATE" }))).toBe(false);
  });

  it("treats an addition as an opening and a removal as never one", () => {
    expect(operationLoosens(add())).toBe(true);
    expect(operationLoosens(remove({ status: "OBSERVED" }))).toBe(false);
    expect(operationLoosens(modify({}, { ports: "443" }))).toBe(false);
    expect(operationLoosens(modify({ status: "PROPOSED" }, { ports: "443" }))).toBe(true);
    expect(operationLoosens(modify({}, { ports: "22" }))).toBe(true);
  });

  it("approves a flow by adding it, or by modifying one that is not approved yet; never by removing", () => {
    expect(approvesUnapprovedFlow(add())).toBe(true);
    for (const status of ["OBSERVED", "PROPOSED", "DENIED", undefined] as const)
      expect(approvesUnapprovedFlow(modify({ status }, {})), String(status)).toBe(true);
    expect(approvesUnapprovedFlow(modify({ status: "APPROVED" }, {}))).toBe(false);
    expect(approvesUnapprovedFlow(remove({ status: "OBSERVED" }))).toBe(false);
  });
});

describe("the facts of a change", () => {
  it("a removal only narrows: tightening, nothing approved, no added crypto", () => {
    expect(factsOf()).toMatchObject({
      loosening: false,
      tighteningOnly: true,
      approvesFlow: false,
      approvesObservedFlow: false,
      minAddedEncryption: null,
      minAddedAuthentication: null,
      flowsTouched: 1,
    });
  });

  it("a change without operations is neither opening nor tightening", () => {
    expect(factsOf({ operations: [] })).toMatchObject({ loosening: false, tighteningOnly: false, approvesFlow: false, flowsTouched: 0 });
  });

  it("one opening among narrowings makes the whole change an opening", () => {
    expect(factsOf({ operations: [remove(), add(), remove()] })).toMatchObject({
      loosening: true,
      tighteningOnly: false,
      approvesFlow: true,
      flowsTouched: 3,
    });
  });

  it("approving an observed flow is its own fact; approving a proposed one is not that", () => {
    expect(factsOf({ operations: [remove(), modify({ status: "OBSERVED" }, {})] })).toMatchObject({
      approvesFlow: true,
      approvesObservedFlow: true,
    });
    expect(factsOf({ operations: [modify({ status: "PROPOSED" }, {})] })).toMatchObject({
      approvesFlow: true,
      approvesObservedFlow: false,
    });
    expect(factsOf({ operations: [remove({ status: "OBSERVED" })] })).toMatchObject({ approvesObservedFlow: false });
  });

  it("takes the highest classification and criticality of the surfaces", () => {
    const surfaces = [
      { id: "a", classification: "CONFIDENTIAL", criticality: "LOW" },
      { id: "b", classification: "RESTRICTED", criticality: "HIGH" },
      { id: "c", classification: "PUBLIC", criticality: "MEDIUM" },
    ] as const;
    expect(factsOf({ surfaces: [...surfaces] })).toMatchObject({ maxClassification: "RESTRICTED", maxCriticality: "HIGH" });
    expect(factsOf({ surfaces: [surfaces[2], surfaces[0]] })).toMatchObject({
      maxClassification: "CONFIDENTIAL",
      maxCriticality: "MEDIUM",
    });
    expect(factsOf({ surfaces: [] })).toMatchObject({ maxClassification: null, maxCriticality: null });
  });

  it("takes the weakest encryption and authentication of the flows it leaves open, not of those it removes", () => {
    const operations = [
      add({ encryption: "MTLS", authentication: "MFA" }),
      add({ encryption: "TLS", authentication: "CERTIFICATE" }),
      modify({}, { encryption: "MTLS", authentication: "TOKEN" }),
      remove({ encryption: "NONE", authentication: "NONE" }),
    ];
    expect(factsOf({ operations })).toMatchObject({ minAddedEncryption: "TLS", minAddedAuthentication: "TOKEN" });
    expect(factsOf({ operations: [add({ encryption: "NONE" }), add({ encryption: "MTLS" })] })).toMatchObject({
      minAddedEncryption: "NONE",
    });
  });

  it("sees a zone crossing or an external party on any flow, before or after", () => {
    expect(factsOf()).toMatchObject({ crossesZone: false, externalParty: false });
    expect(factsOf({ operations: [remove({ targetZone: "data" })] })).toMatchObject({ crossesZone: true });
    expect(factsOf({ operations: [modify({}, { sourceZone: null })] })).toMatchObject({ crossesZone: true });
    expect(factsOf({ operations: [remove({ sourceKind: "EXTERNAL" })] })).toMatchObject({ externalParty: true });
    expect(factsOf({ operations: [add({ targetKind: "EXTERNAL" })] })).toMatchObject({ externalParty: true });
    expect(factsOf({ operations: [remove(), add({ targetKind: "EXTERNAL" }), remove({ ports: "22" })] })).toMatchObject({
      externalParty: true,
    });
  });

  it("passes the environment through and needs each plan to say something", () => {
    expect(factsOf()).toMatchObject({
      environment: "staging",
      hasImplementationPlan: true,
      hasVerificationPlan: true,
      hasRollbackPlan: true,
    });
    expect(factsOf({ plans: { implementation: "  ", verification: " \t", rollback: "\n" } })).toMatchObject({
      hasImplementationPlan: false,
      hasVerificationPlan: false,
      hasRollbackPlan: false,
    });
    expect(factsOf({ plans: { implementation: "", verification: "probe", rollback: "" } })).toMatchObject({
      hasImplementationPlan: false,
      hasVerificationPlan: true,
      hasRollbackPlan: false,
    });
  });
});

describe("a blackout", () => {
  const window = { start: new Date("2026-12-24T10:00:00Z"), end: new Date("2026-12-24T12:00:00Z") };
  const blackout = (startsAt: string, endsAt: string, surfaceId: string | null = null) => ({
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
    surfaceId,
  });
  const inBlackout = (over: Partial<TClassifierInput>) => factsOf({ window, ...over }).inBlackout;

  it("hits when it overlaps the window, and not when it only touches an end of it", () => {
    expect(inBlackout({ blackouts: [blackout("2026-12-24T11:00:00Z", "2026-12-24T11:30:00Z")] })).toBe(true);
    expect(inBlackout({ blackouts: [blackout("2026-12-24T09:00:00Z", "2026-12-24T10:00:01Z")] })).toBe(true);
    expect(inBlackout({ blackouts: [blackout("2026-12-24T11:59:59Z", "2026-12-25T00:00:00Z")] })).toBe(true);
    expect(inBlackout({ blackouts: [blackout("2026-12-24T08:00:00Z", "2026-12-24T10:00:00Z")] })).toBe(false);
    expect(inBlackout({ blackouts: [blackout("2026-12-24T12:00:00Z", "2026-12-24T14:00:00Z")] })).toBe(false);
  });

  it("counts only when global or on a surface the change touches, through its operations or its surfaces", () => {
    const during = (surfaceId: string | null) => blackout("2026-12-24T09:00:00Z", "2026-12-24T13:00:00Z", surfaceId);
    expect(inBlackout({ blackouts: [during("elsewhere")] })).toBe(false);
    expect(inBlackout({ blackouts: [during("elsewhere"), during(null)] })).toBe(true);
    expect(inBlackout({ blackouts: [during("shop")], surfaces: [] })).toBe(true);
    expect(
      inBlackout({ blackouts: [during("billing")], surfaces: [{ id: "billing", classification: "PUBLIC", criticality: "LOW" }] }),
    ).toBe(true);
  });

  it("never hits a change without a window", () => {
    expect(factsOf({ blackouts: [blackout("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")] }).inBlackout).toBe(false);
  });
});

describe("the template of a change", () => {
  const parameters: TTemplateParameters = {
    operationKinds: ["REMOVE"],
    maxFlows: 3,
    protocols: ["TCP"],
    ports: "",
    minEncryption: "NONE",
    minAuthentication: "NONE",
    maxClassification: "CONFIDENTIAL",
    environments: [],
    tighteningOnly: true,
  };

  it("is matched with what the change opens: a tightening-only template takes removals, not additions", () => {
    const templates = [{ id: "t1", name: "Close flows", parameters }];
    expect(computeFacts(change({ templates }))).toMatchObject({ templateId: "t1", facts: { templateMatch: true } });
    const opening = computeFacts(change({ templates, operations: [add()] }));
    expect(opening).toMatchObject({ templateId: null, facts: { templateMatch: false } });
  });
});

describe("observed traffic the change would drop", () => {
  it("is a fact exactly when the impact preview counts at least one dropped connection", () => {
    expect(factsOf()).toMatchObject({ wouldDropObservedTraffic: false, observedConnectionsDropped: 0 });
    expect(factsOf({ observedImpact: { droppedConnections: 0 } })).toMatchObject({
      wouldDropObservedTraffic: false,
      observedConnectionsDropped: 0,
    });
    expect(factsOf({ observedImpact: { droppedConnections: 1 } })).toMatchObject({
      wouldDropObservedTraffic: true,
      observedConnectionsDropped: 1,
    });
    expect(factsOf({ observedImpact: { droppedConnections: 4_200 } })).toMatchObject({
      wouldDropObservedTraffic: true,
      observedConnectionsDropped: 4200,
    });
  });

  it("sends a removal that would drop observed traffic to the CAB, and a removal that drops none matches neither rule", () => {
    const rules = [
      {
        id: "r1",
        ruleKey: "drops-observed",
        name: "Drops observed traffic",
        position: 1,
        condition: { fact: "wouldDropObservedTraffic", op: "eq", value: true } as const,
        outcome: "FORCE_CAB" as const,
        riskPoints: 20,
        extraApprovers: 0,
      },
      {
        id: "r2",
        ruleKey: "many",
        name: "Drops much",
        position: 2,
        condition: { fact: "observedConnectionsDropped", op: "gte", value: 100 } as const,
        outcome: "ADD_RISK" as const,
        riskPoints: 30,
        extraApprovers: 1,
      },
    ];
    const quiet = classify(change({ observedImpact: { droppedConnections: 0 } }), rules);
    expect(quiet.matched.map((hit) => hit.ruleKey)).toEqual([]);
    const some = classify(change({ observedImpact: { droppedConnections: 7 } }), rules);
    expect(some.track).toBe("CAB");
    expect(some.matched.map((hit) => hit.ruleKey)).toEqual(["drops-observed"]);
    expect(some.matched[0]!.factsUsed).toEqual({ wouldDropObservedTraffic: true });
    const many = classify(change({ observedImpact: { droppedConnections: 100 } }), rules);
    expect(many.matched.map((hit) => hit.ruleKey)).toEqual(["drops-observed", "many"]);
  });
});

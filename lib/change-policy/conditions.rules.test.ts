import { describe, expect, it } from "vitest";
import {
  AUTHENTICATION_ORDER,
  CLASSIFICATION_ORDER,
  CRITICALITY_ORDER,
  ENCRYPTION_ORDER,
  FACTS,
  FACT_NAMES,
  OPERATORS,
  OPERATOR_LABELS,
  ZCondition,
  compileCondition,
  describeCondition,
  evaluateCondition,
  factValuesOf,
  type TCondition,
  type TFactName,
  type TFacts,
  type TOperator,
} from "./conditions";

const facts = {
  loosening: false,
  tighteningOnly: true,
  approvesFlow: false,
  approvesObservedFlow: false,
  maxClassification: "INTERNAL",
  maxCriticality: "MEDIUM",
  crossesZone: true,
  externalParty: false,
  minAddedEncryption: "TLS",
  minAddedAuthentication: null,
  flowsTouched: 4,
  environment: "staging",
  inBlackout: false,
  templateMatch: true,
  hasImplementationPlan: true,
  hasVerificationPlan: false,
  hasRollbackPlan: true,
  wouldDropObservedTraffic: true,
  observedConnectionsDropped: 12,
} satisfies TFacts;

/** The kind of value each fact takes, as the rule builder offers it. */
const FACT_KINDS: Record<TFactName, "boolean" | "number" | "string" | readonly string[]> = {
  loosening: "boolean",
  tighteningOnly: "boolean",
  approvesFlow: "boolean",
  approvesObservedFlow: "boolean",
  maxClassification: ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"],
  maxCriticality: ["LOW", "MEDIUM", "HIGH", "CRITICAL"],
  crossesZone: "boolean",
  externalParty: "boolean",
  minAddedEncryption: ["NONE", "TLS", "MTLS"],
  minAddedAuthentication: ["NONE", "TOKEN", "CERTIFICATE", "MFA"],
  flowsTouched: "number",
  environment: "string",
  inBlackout: "boolean",
  templateMatch: "boolean",
  hasImplementationPlan: "boolean",
  hasVerificationPlan: "boolean",
  hasRollbackPlan: "boolean",
  wouldDropObservedTraffic: "boolean",
  observedConnectionsDropped: "number",
};

const parses = (condition: unknown) => ZCondition.safeParse(condition).success;
const issuesOf = (condition: unknown) => ZCondition.safeParse(condition).error?.issues ?? [];
const holds = (condition: TCondition) => evaluateCondition(condition, facts);

describe("the vocabulary of rule conditions", () => {
  it("ranks classification, criticality, encryption and authentication from weakest to strongest", () => {
    expect(CLASSIFICATION_ORDER).toEqual(["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"]);
    expect(CRITICALITY_ORDER).toEqual(["LOW", "MEDIUM", "HIGH", "CRITICAL"]);
    expect(ENCRYPTION_ORDER).toEqual(["NONE", "TLS", "MTLS"]);
    expect(AUTHENTICATION_ORDER).toEqual(["NONE", "TOKEN", "CERTIFICATE", "MFA"]);
  });

  it("offers exactly the facts the classifier computes, each with its own label", () => {
    expect([...FACT_NAMES].sort()).toEqual(Object.keys(FACT_KINDS).sort());
    const labels = FACT_NAMES.map((fact) => FACTS[fact].label);
    expect(labels.every((label) => label.trim().length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
    expect(FACTS.loosening.label).toBe("Opens access (loosening)");
    expect(FACTS.minAddedAuthentication.label).toBe("Weakest authentication of added flows");
  });

  it("names each operator the way the builder reads it", () => {
    expect(OPERATORS).toEqual(["eq", "neq", "gt", "gte", "lt", "lte"]);
    expect(OPERATOR_LABELS).toEqual({ eq: "is", neq: "is not", gt: "is above", gte: "is at least", lt: "is below", lte: "is at most" });
  });

  it("accepts for each fact only values of its kind", () => {
    for (const fact of FACT_NAMES) {
      const kind = FACT_KINDS[fact];
      if (kind === "boolean") {
        expect(parses({ fact, op: "eq", value: true }), fact).toBe(true);
        expect(parses({ fact, op: "neq", value: false }), fact).toBe(true);
        expect(parses({ fact, op: "eq", value: 1 }), fact).toBe(false);
        expect(parses({ fact, op: "eq", value: "yes" }), fact).toBe(false);
      } else if (kind === "number") {
        expect(parses({ fact, op: "gte", value: 2 }), fact).toBe(true);
        expect(parses({ fact, op: "gte", value: "2" }), fact).toBe(false);
        expect(parses({ fact, op: "eq", value: true }), fact).toBe(false);
      } else if (kind === "string") {
        expect(parses({ fact, op: "eq", value: "production" }), fact).toBe(true);
        expect(parses({ fact, op: "neq", value: "production" }), fact).toBe(true);
        expect(parses({ fact, op: "eq", value: 3 }), fact).toBe(false);
        expect(parses({ fact, op: "eq", value: false }), fact).toBe(false);
      } else {
        for (const value of kind) expect(parses({ fact, op: "gte", value }), `${fact} ${value}`).toBe(true);
        expect(parses({ fact, op: "eq", value: "UNKNOWN" }), fact).toBe(false);
        expect(parses({ fact, op: "eq", value: 1 }), fact).toBe(false);
      }
    }
  });

  it("says why a comparison cannot mean anything, on its value", () => {
    expect(issuesOf({ fact: "loosening", op: "eq", value: "yes" })).toEqual([
      expect.objectContaining({ path: ["value"], message: "must be true or false for this fact" }),
    ]);
    expect(issuesOf({ fact: "loosening", op: "lte", value: true })).toEqual([
      expect.objectContaining({ path: ["value"], message: "a yes/no fact can only be compared with is / is not" }),
    ]);
    expect(issuesOf({ fact: "flowsTouched", op: "gt", value: "3" })).toEqual([
      expect.objectContaining({ path: ["value"], message: "must be a number for this fact" }),
    ]);
    expect(issuesOf({ fact: "environment", op: "eq", value: 3 })).toEqual([
      expect.objectContaining({ path: ["value"], message: "must be text for this fact" }),
    ]);
    expect(issuesOf({ fact: "environment", op: "gt", value: "prod" })).toEqual([
      expect.objectContaining({ path: ["value"], message: "a text fact can only be compared with is / is not" }),
    ]);
    expect(issuesOf({ fact: "minAddedEncryption", op: "eq", value: "SSL" })).toEqual([
      expect.objectContaining({ path: ["value"], message: "must be one of NONE, TLS, MTLS" }),
    ]);
  });

  it("compares yes/no and text facts only with is / is not, and numbers and ranks with every operator", () => {
    for (const op of OPERATORS) {
      const ordered = op !== "eq" && op !== "neq";
      expect(parses({ fact: "crossesZone", op, value: true }), op).toBe(!ordered);
      expect(parses({ fact: "environment", op, value: "staging" }), op).toBe(!ordered);
      expect(parses({ fact: "flowsTouched", op, value: 1 }), op).toBe(true);
      expect(parses({ fact: "maxCriticality", op, value: "HIGH" }), op).toBe(true);
    }
  });

  it("bounds a condition: text values to 100 characters, groups to 1–20 conditions, no stray keys", () => {
    expect(parses({ fact: "environment", op: "eq", value: "x".repeat(100) })).toBe(true);
    expect(parses({ fact: "environment", op: "eq", value: "x".repeat(101) })).toBe(false);
    const one = { fact: "inBlackout", op: "eq", value: true };
    for (const group of ["all", "any"] as const) {
      expect(parses({ [group]: [one] }), group).toBe(true);
      expect(parses({ [group]: Array.from({ length: 20 }, () => one) }), group).toBe(true);
      expect(parses({ [group]: Array.from({ length: 21 }, () => one) }), group).toBe(false);
      expect(issuesOf({ [group]: [] }).map((issue) => issue.message)).toContain("needs at least one condition");
      expect(parses({ [group]: [one], not: one }), group).toBe(false);
    }
    expect(parses({ not: one })).toBe(true);
    expect(parses({ not: one, extra: true })).toBe(false);
    expect(parses({ not: { all: [{ not: one }] } })).toBe(true);
    expect(parses({ not: { fact: "inBlackout", op: "eq", value: 2 } })).toBe(false);
  });
});

describe("evaluating a condition", () => {
  const compare = (fact: TFactName, op: TOperator, value: boolean | number | string) => holds({ fact, op, value });

  it("compares numbers with each operator, at the boundary", () => {
    expect([compare("flowsTouched", "eq", 4), compare("flowsTouched", "eq", 5)]).toEqual([true, false]);
    expect([compare("flowsTouched", "neq", 4), compare("flowsTouched", "neq", 5)]).toEqual([false, true]);
    expect([compare("flowsTouched", "gt", 3), compare("flowsTouched", "gt", 4)]).toEqual([true, false]);
    expect([compare("flowsTouched", "gte", 4), compare("flowsTouched", "gte", 5)]).toEqual([true, false]);
    expect([compare("flowsTouched", "lt", 5), compare("flowsTouched", "lt", 4)]).toEqual([true, false]);
    expect([compare("flowsTouched", "lte", 4), compare("flowsTouched", "lte", 3)]).toEqual([true, false]);
  });

  it("compares ranked facts by rank, not alphabetically", () => {
    // Alphabetically INTERNAL < CONFIDENTIAL is false and MEDIUM > HIGH is true; by rank it is the other way round.
    expect(compare("maxClassification", "lt", "CONFIDENTIAL")).toBe(true);
    expect(compare("maxClassification", "gt", "PUBLIC")).toBe(true);
    expect(compare("maxClassification", "gte", "INTERNAL")).toBe(true);
    expect(compare("maxClassification", "gt", "INTERNAL")).toBe(false);
    expect(compare("maxCriticality", "lt", "HIGH")).toBe(true);
    expect(compare("maxCriticality", "lte", "LOW")).toBe(false);
    expect(compare("maxCriticality", "eq", "MEDIUM")).toBe(true);
    expect(compare("minAddedEncryption", "lt", "MTLS")).toBe(true);
    expect(compare("minAddedEncryption", "neq", "TLS")).toBe(false);
  });

  it("compares yes/no and text facts by value", () => {
    expect([compare("crossesZone", "eq", true), compare("crossesZone", "eq", false), compare("crossesZone", "neq", true)]).toEqual([
      true,
      false,
      false,
    ]);
    expect([
      compare("environment", "eq", "staging"),
      compare("environment", "eq", "production"),
      compare("environment", "neq", "production"),
    ]).toEqual([true, false, true]);
  });

  it("treats a fact with no value as different from every value", () => {
    for (const op of OPERATORS) expect(compare("minAddedAuthentication", op, "NONE"), op).toBe(op === "neq");
  });

  it("compiled, also treats a fact with no value as different from every value, even a threshold below zero", () => {
    // No fact is computed without a value today; the rule must not depend on that (a null would otherwise compare like 0).
    const missing = { ...facts, observedConnectionsDropped: null, maxCriticality: null } as unknown as TFacts;
    for (const op of OPERATORS) {
      for (const condition of [
        { fact: "observedConnectionsDropped", op, value: -1 },
        { fact: "maxCriticality", op, value: "LOW" },
      ] as const) {
        const read = { mask: 0 };
        expect(compileCondition(condition)(factValuesOf(missing), read), `${condition.fact} ${op}`).toBe(op === "neq");
        expect(evaluateCondition(condition, missing), `${condition.fact} ${op}`).toBe(op === "neq");
      }
    }
  });

  it("needs every condition of `all`, one of `any`, and the opposite of `not`", () => {
    const yes: TCondition = { fact: "crossesZone", op: "eq", value: true };
    const no: TCondition = { fact: "loosening", op: "eq", value: true };
    expect([holds({ all: [yes, yes] }), holds({ all: [yes, no] }), holds({ all: [no, yes] })]).toEqual([true, false, false]);
    expect([holds({ any: [no, no] }), holds({ any: [no, yes] }), holds({ any: [yes, no] })]).toEqual([false, true, true]);
    expect([holds({ not: yes }), holds({ not: no }), holds({ not: { not: yes } })]).toEqual([false, true, true]);
  });

  it("collects the facts it read, through groups and negations", () => {
    const used = new Set<TFactName>();
    evaluateCondition(
      { not: { any: [{ fact: "inBlackout", op: "eq", value: true }, { all: [{ fact: "environment", op: "eq", value: "staging" }] }] } },
      facts,
      used,
    );
    expect([...used].sort()).toEqual(["environment", "inBlackout"]);
    expect([
      ...(() => {
        const fresh = new Set<TFactName>();
        evaluateCondition({ fact: "templateMatch", op: "eq", value: true }, facts, fresh);
        return fresh;
      })(),
    ]).toEqual(["templateMatch"]);
  });
});

describe("a condition as a sentence", () => {
  it("reads yes/no values as yes and no, other values as they are", () => {
    expect(describeCondition({ fact: "hasRollbackPlan", op: "eq", value: false })).toBe("Rollback plan present is no");
    expect(describeCondition({ fact: "crossesZone", op: "neq", value: true })).toBe("A flow crosses a zone boundary is not yes");
    expect(describeCondition({ fact: "flowsTouched", op: "gt", value: 3 })).toBe("Number of flows touched is above 3");
    expect(describeCondition({ fact: "environment", op: "eq", value: "production" })).toBe("Environment is production");
  });

  it("brackets nested groups, not single comparisons or negations", () => {
    const zone: TCondition = { fact: "crossesZone", op: "eq", value: true };
    const small: TCondition = { fact: "flowsTouched", op: "lte", value: 2 };
    expect(describeCondition({ any: [zone, { all: [small, zone] }] })).toBe(
      "A flow crosses a zone boundary is yes or (Number of flows touched is at most 2 and A flow crosses a zone boundary is yes)",
    );
    expect(describeCondition({ all: [{ not: zone }, small] })).toBe(
      "not (A flow crosses a zone boundary is yes) and Number of flows touched is at most 2",
    );
    expect(describeCondition({ not: { any: [zone, small] } })).toBe(
      "not (A flow crosses a zone boundary is yes or Number of flows touched is at most 2)",
    );
    expect(describeCondition({ all: [zone, { any: [small] }] })).toBe(
      "A flow crosses a zone boundary is yes and (Number of flows touched is at most 2)",
    );
  });
});

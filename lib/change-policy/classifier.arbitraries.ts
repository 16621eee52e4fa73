import fc from "fast-check";
import {
  AUTHENTICATION_ORDER,
  CLASSIFICATION_ORDER,
  CRITICALITY_ORDER,
  ENCRYPTION_ORDER,
  FACTS,
  FACT_NAMES,
  OPERATORS,
  type TCondition,
  type TFactName,
} from "./conditions";
import { RULE_OUTCOMES, type TClassifierRule } from "./classifier";
import type { TClassifierInput, TClassifierOperation, TFlowSpec } from "./types";

/** Generators shared by the classifier's property tests and the benchmark. */
const nodeIds = ["n1", "n2", "n3", "n4"];
const SURFACE_IDS = ["s1", "s2", "s3"];

export const arbFlow: fc.Arbitrary<TFlowSpec> = fc.record({
  sourceId: fc.constantFrom(...nodeIds),
  targetId: fc.constantFrom(...nodeIds),
  sourceKind: fc.constantFrom("WORKLOAD", "SERVICE", "EXTERNAL", "USER_GROUP", "DATASTORE" as const),
  targetKind: fc.constantFrom("WORKLOAD", "SERVICE", "DATASTORE", "EXTERNAL" as const),
  sourceZone: fc.constantFrom(null, "z1", "z2"),
  targetZone: fc.constantFrom(null, "z1", "z2"),
  protocol: fc.constantFrom("TCP", "UDP", "ANY" as const),
  ports: fc.constantFrom("443", "80,443", "8000-8100", "5432", ""),
  encryption: fc.constantFrom(...ENCRYPTION_ORDER),
  authentication: fc.constantFrom(...AUTHENTICATION_ORDER),
  status: fc.constantFrom("OBSERVED", "PROPOSED", "APPROVED", "DENIED" as const),
});

export const arbOperation: fc.Arbitrary<TClassifierOperation> = fc.oneof(
  fc.record({ kind: fc.constant("ADD" as const), surfaceId: fc.constantFrom(...SURFACE_IDS), before: fc.constant(null), after: arbFlow }),
  fc.record({
    kind: fc.constant("REMOVE" as const),
    surfaceId: fc.constantFrom(...SURFACE_IDS),
    before: arbFlow,
    after: fc.constant(null),
  }),
  fc.record({ kind: fc.constant("MODIFY" as const), surfaceId: fc.constantFrom(...SURFACE_IDS), before: arbFlow, after: arbFlow }),
);

export const arbInput = (
  operations: fc.Arbitrary<TClassifierOperation[]> = fc.array(arbOperation, { minLength: 1, maxLength: 5 }),
): fc.Arbitrary<TClassifierInput> =>
  fc
    .record({
      operations,
      surfaces: fc.constant(null).chain(() =>
        fc.tuple(
          ...SURFACE_IDS.map((id) =>
            fc.record({
              id: fc.constant(id),
              classification: fc.constantFrom(...CLASSIFICATION_ORDER),
              criticality: fc.constantFrom(...CRITICALITY_ORDER),
            }),
          ),
        ),
      ),
      environment: fc.constantFrom("production", "staging"),
      window: fc.option(
        fc.record({ start: fc.constant(new Date("2026-03-01T10:00:00Z")), end: fc.constant(new Date("2026-03-01T12:00:00Z")) }),
        { nil: null },
      ),
      plans: fc.record({
        implementation: fc.constantFrom("", "steps"),
        verification: fc.constantFrom("", "check"),
        rollback: fc.constantFrom("", "revert"),
      }),
      emergencyReason: fc.constantFrom(null, null, null, "outage"),
      blackouts: fc.array(
        fc.record({
          startsAt: fc.constant(new Date("2026-03-01T11:00:00Z")),
          endsAt: fc.constant(new Date("2026-03-02T00:00:00Z")),
          surfaceId: fc.constantFrom(null, "s1"),
        }),
        { maxLength: 1 },
      ),
      templates: fc.constant<TClassifierInput["templates"]>([]),
    })
    .map((input) => ({
      ...input,
      surfaces: input.surfaces.filter((surface) => input.operations.some((op) => op.surfaceId === surface.id)),
    }));

function arbValueFor(fact: TFactName): fc.Arbitrary<boolean | number | string> {
  const spec = FACTS[fact];
  if (spec.type === "boolean") return fc.boolean();
  if (spec.type === "number") return fc.integer({ min: 0, max: 6 });
  if (spec.type === "string") return fc.constantFrom("production", "staging");
  return fc.constantFrom(...spec.order);
}

const arbComparison: fc.Arbitrary<TCondition> = fc.constantFrom(...FACT_NAMES).chain((fact) => {
  const spec = FACTS[fact];
  const ops = spec.type === "boolean" || spec.type === "string" ? (["eq", "neq"] as const) : OPERATORS;
  return fc.record({ fact: fc.constant(fact), op: fc.constantFrom(...ops), value: arbValueFor(fact) });
});

export const arbCondition: fc.Arbitrary<TCondition> = fc.letrec<{ node: TCondition }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    arbComparison,
    fc.record({ all: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("node"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie("node") }),
  ),
})).node;

export const arbRules = (maxLength = 8): fc.Arbitrary<TClassifierRule[]> =>
  fc.uniqueArray(
    fc.record({
      id: fc.uuid(),
      ruleKey: fc.stringMatching(/^[a-z]{3,8}$/),
      name: fc.constant("generated"),
      position: fc.integer({ min: 0, max: 20 }),
      condition: arbCondition,
      outcome: fc.constantFrom(...RULE_OUTCOMES),
      riskPoints: fc.integer({ min: 0, max: 30 }),
      extraApprovers: fc.integer({ min: 0, max: 2 }),
    }),
    { maxLength, selector: (rule) => rule.ruleKey },
  );

import { z } from "zod";
import { ENUM_LABELS, labelOf } from "@/lib/ui/labels";

/**
 * Rule conditions are data: a small tree of `all` / `any` / `not` over comparisons of one fact with
 * a value. Both teams edit them in a builder, so the vocabulary is closed and every node validates.
 */
export const CLASSIFICATION_ORDER = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"] as const;
export const CRITICALITY_ORDER = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const;
export const ENCRYPTION_ORDER = ["NONE", "TLS", "MTLS"] as const;
export const AUTHENTICATION_ORDER = ["NONE", "TOKEN", "CERTIFICATE", "MFA"] as const;

type TFactSpec =
  | { type: "boolean"; label: string }
  | { type: "number"; label: string }
  | { type: "string"; label: string }
  | { type: "ordinal"; label: string; order: readonly string[] };

/** Every fact a rule may test, with how its values compare. Ordinal facts compare by rank. */
export const FACTS = {
  loosening: { type: "boolean", label: "Opens access (loosening)" },
  tighteningOnly: { type: "boolean", label: "Only narrows or removes access (tightening)" },
  approvesFlow: { type: "boolean", label: "Approves a flow that is not approved yet (new, observed, proposed or denied)" },
  approvesObservedFlow: { type: "boolean", label: "Turns an observed (implicit) flow into an approved one" },
  maxClassification: { type: "ordinal", label: "Highest classification touched", order: CLASSIFICATION_ORDER },
  maxCriticality: { type: "ordinal", label: "Highest criticality touched", order: CRITICALITY_ORDER },
  crossesZone: { type: "boolean", label: "A flow crosses a zone boundary" },
  externalParty: { type: "boolean", label: "Involves an external party" },
  minAddedEncryption: { type: "ordinal", label: "Weakest encryption of added flows", order: ENCRYPTION_ORDER },
  minAddedAuthentication: { type: "ordinal", label: "Weakest authentication of added flows", order: AUTHENTICATION_ORDER },
  flowsTouched: { type: "number", label: "Number of flows touched" },
  environment: { type: "string", label: "Environment" },
  inBlackout: { type: "boolean", label: "Window falls in a blackout" },
  templateMatch: { type: "boolean", label: "Fits a standard-change template" },
  hasImplementationPlan: { type: "boolean", label: "Implementation plan present" },
  hasVerificationPlan: { type: "boolean", label: "Verification plan present" },
  hasRollbackPlan: { type: "boolean", label: "Rollback plan present" },
  /** From the staged impact preview: observed traffic of the last days replayed against the policy the change would produce. */
  wouldDropObservedTraffic: { type: "boolean", label: "Would drop observed traffic (impact preview)" },
  observedConnectionsDropped: { type: "number", label: "Observed connections the change would drop" },
} as const satisfies Record<string, TFactSpec>;

export type TFactName = keyof typeof FACTS;
export const FACT_NAMES = Object.keys(FACTS) as TFactName[];

export const OPERATORS = ["eq", "neq", "gt", "gte", "lt", "lte"] as const;
export type TOperator = (typeof OPERATORS)[number];
export const OPERATOR_LABELS: Record<TOperator, string> = {
  eq: "is",
  neq: "is not",
  gt: "is above",
  gte: "is at least",
  lt: "is below",
  lte: "is at most",
};

/** Fact values: ordinal facts are null when nothing was added (no added flow has an encryption). */
export type TFactValue = boolean | number | string | null;
export type TFacts = Record<TFactName, TFactValue>;

export type TComparison = { fact: TFactName; op: TOperator; value: boolean | number | string };
export type TCondition = TComparison | { all: TCondition[] } | { any: TCondition[] } | { not: TCondition };

const ZComparison = z
  .object({
    fact: z.enum(FACT_NAMES as [TFactName, ...TFactName[]]),
    op: z.enum(OPERATORS),
    value: z.union([z.boolean(), z.number(), z.string().max(100)]),
  })
  .superRefine((node, ctx) => {
    const spec: TFactSpec = FACTS[node.fact];
    const message = validateComparison(spec, node.op, node.value);
    if (message) ctx.addIssue({ code: "custom", path: ["value"], message });
  });

function validateComparison(spec: TFactSpec, op: TOperator, value: unknown): string | null {
  const ordered = op !== "eq" && op !== "neq";
  switch (spec.type) {
    case "boolean":
      if (typeof value !== "boolean") return "must be true or false for this fact";
      return ordered ? "a yes/no fact can only be compared with is / is not" : null;
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "must be a number for this fact";
    case "string":
      if (typeof value !== "string") return "must be text for this fact";
      return ordered ? "a text fact can only be compared with is / is not" : null;
    case "ordinal":
      return typeof value === "string" && spec.order.includes(value) ? null : `must be one of ${spec.order.join(", ")}`;
  }
}

export const ZCondition: z.ZodType<TCondition> = z.lazy(() =>
  z.union([
    ZComparison,
    z.object({ all: z.array(ZCondition).min(1, "needs at least one condition").max(20) }).strict(),
    z.object({ any: z.array(ZCondition).min(1, "needs at least one condition").max(20) }).strict(),
    z.object({ not: ZCondition }).strict(),
  ]),
);

function compare(spec: TFactSpec, actual: TFactValue, op: TOperator, expected: boolean | number | string): boolean {
  if (actual === null) return op === "neq";
  let left: number | string | boolean = actual;
  let right: number | string | boolean = expected;
  if (spec.type === "ordinal") {
    left = spec.order.indexOf(String(actual));
    right = spec.order.indexOf(String(expected));
  }
  switch (op) {
    case "eq":
      return left === right;
    case "neq":
      return left !== right;
    case "gt":
      return left > right;
    case "gte":
      return left >= right;
    case "lt":
      return left < right;
    case "lte":
      return left <= right;
  }
}

/** Evaluates a condition; `used` collects the facts the evaluation read, for the explanation. */
export function evaluateCondition(condition: TCondition, facts: TFacts, used: Set<TFactName> = new Set()): boolean {
  if ("all" in condition) return condition.all.every((child) => evaluateCondition(child, facts, used));
  if ("any" in condition) return condition.any.some((child) => evaluateCondition(child, facts, used));
  if ("not" in condition) return !evaluateCondition(condition.not, facts, used);
  used.add(condition.fact);
  return compare(FACTS[condition.fact], facts[condition.fact], condition.op, condition.value);
}

/** The facts a compiled condition read, one bit per fact in `FACT_NAMES` order. */
export type TFactsRead = { mask: number };

/**
 * Fact values in `FACT_NAMES` order: what compiled conditions read, by index rather than by name.
 * An ordinal fact is its rank in the fact's order (as `compare` ranks it), worked out once per
 * change instead of once per comparison.
 */
export type TFactValues = readonly TFactValue[];

const ORDINAL_ORDERS: ReadonlyArray<readonly string[] | null> = FACT_NAMES.map((fact) => {
  const spec: TFactSpec = FACTS[fact];
  return spec.type === "ordinal" ? spec.order : null;
});

export function factValuesOf(facts: TFacts): TFactValues {
  return FACT_NAMES.map((fact, index) => {
    const value = facts[fact];
    const order = ORDINAL_ORDERS[index];
    return order && value !== null ? order.indexOf(String(value)) : value;
  });
}

/** A condition compiled once per rule set: the same answer and the same facts read as `evaluateCondition`. */
export type TCompiledCondition = (values: TFactValues, read: TFactsRead) => boolean;

/** The bit of each fact in a `TFactsRead` mask. */
export const FACT_BITS = Object.fromEntries(FACT_NAMES.map((fact, index) => [fact, 1 << index])) as Record<TFactName, number>;

/**
 * One closure per operator, with the right-hand side fixed: the operator is chosen once here
 * instead of on every evaluation. Ordinal facts arrive as ranks (`factValuesOf`), so they compare
 * by rank as `compare` does, with the right-hand side ranked here once.
 */
function compileComparison({ fact, op, value }: TComparison): TCompiledCondition {
  const spec: TFactSpec = FACTS[fact];
  const index = FACT_NAMES.indexOf(fact);
  const bit = FACT_BITS[fact];
  const whenNull = op === "neq";
  const right = spec.type === "ordinal" ? (spec.order as readonly string[]).indexOf(String(value)) : value;
  switch (op) {
    case "eq":
      return (values, read) => {
        read.mask |= bit;
        const left = values[index]!;
        return left === null ? whenNull : left === right;
      };
    case "neq":
      return (values, read) => {
        read.mask |= bit;
        const left = values[index]!;
        return left === null ? whenNull : left !== right;
      };
    case "gt":
      return (values, read) => {
        read.mask |= bit;
        const left = values[index]!;
        return left === null ? whenNull : left > right;
      };
    case "gte":
      return (values, read) => {
        read.mask |= bit;
        const left = values[index]!;
        return left === null ? whenNull : left >= right;
      };
    case "lt":
      return (values, read) => {
        read.mask |= bit;
        const left = values[index]!;
        return left === null ? whenNull : left < right;
      };
    case "lte":
      return (values, read) => {
        read.mask |= bit;
        const left = values[index]!;
        return left === null ? whenNull : left <= right;
      };
  }
}

/**
 * Turns a condition tree into nested closures: facts, operators and ordinal ranks are looked up
 * once here rather than on every evaluation. Children are tried in order and stop at the first
 * answer, exactly as `evaluateCondition` does, so the facts read are the same too.
 */
export function compileCondition(condition: TCondition): TCompiledCondition {
  if ("all" in condition) {
    const children = condition.all.map(compileCondition);
    return (values, read) => {
      for (const child of children) if (!child(values, read)) return false;
      return true;
    };
  }
  if ("any" in condition) {
    const children = condition.any.map(compileCondition);
    return (values, read) => {
      for (const child of children) if (child(values, read)) return true;
      return false;
    };
  }
  if ("not" in condition) {
    const child = compileCondition(condition.not);
    return (values, read) => !child(values, read);
  }
  return compileComparison(condition);
}

/** Renders a condition as a sentence, for lists, minutes and the audit trail. */
export function describeCondition(condition: TCondition): string {
  if ("all" in condition) return condition.all.map(describeNested).join(" and ");
  if ("any" in condition) return condition.any.map(describeNested).join(" or ");
  if ("not" in condition) return `not (${describeCondition(condition.not)})`;
  // A stored code (RESTRICTED, MTLS) reads as its label; free values (an environment's name) as they are.
  const value =
    typeof condition.value === "boolean"
      ? condition.value
        ? "yes"
        : "no"
      : typeof condition.value === "string" && condition.value in ENUM_LABELS
        ? labelOf(condition.value)
        : String(condition.value);
  return `${FACTS[condition.fact].label} ${OPERATOR_LABELS[condition.op]} ${value}`;
}

function describeNested(condition: TCondition): string {
  return "all" in condition || "any" in condition ? `(${describeCondition(condition)})` : describeCondition(condition);
}

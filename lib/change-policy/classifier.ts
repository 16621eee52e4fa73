import type { ChangeTrack } from "@/lib/db/generated/enums.ts";
import { labelOf } from "@/lib/ui/labels";
import {
  CLASSIFICATION_ORDER,
  compileCondition,
  CRITICALITY_ORDER,
  evaluateCondition,
  FACT_BITS,
  FACT_NAMES,
  factValuesOf,
  type TCompiledCondition,
  type TCondition,
  type TFactName,
  type TFacts,
  type TFactsRead,
  type TFactValue,
} from "./conditions";
import { computeFacts } from "./facts";
import type { TClassifierInput, TClassifierOperation } from "./types";

export const RULE_OUTCOMES = ["FORCE_CAB", "ALLOW_PRE_APPROVAL", "ADD_RISK", "REQUIRE_APPROVER"] as const;
export type TRuleOutcome = (typeof RULE_OUTCOMES)[number];
export const OUTCOME_LABELS: Record<TRuleOutcome, string> = {
  FORCE_CAB: "Send to the CAB",
  ALLOW_PRE_APPROVAL: "Allow pre-approval",
  ADD_RISK: "Add risk points",
  REQUIRE_APPROVER: "Require extra approvers",
};

export type TClassifierRule = {
  id: string;
  ruleKey: string;
  name: string;
  position: number;
  condition: TCondition;
  outcome: TRuleOutcome;
  riskPoints: number;
  extraApprovers: number;
};

export type TRuleHit = {
  ruleId: string;
  ruleKey: string;
  name: string;
  outcome: TRuleOutcome;
  riskPoints: number;
  extraApprovers: number;
  /** The facts the rule's condition read, with their values for this change. */
  factsUsed: Partial<Record<TFactName, TFactValue>>;
  /** True for the one rule whose outcome set the track; later track outcomes are shadowed. */
  decidedTrack: boolean;
};

export type TClassification = {
  track: ChangeTrack;
  riskScore: number;
  requiredApprovals: number;
  templateId: string | null;
  facts: TFacts;
  matched: TRuleHit[];
  baseRisk: Array<{ reason: string; points: number }>;
  notes: string[];
};

const TRACK_STRICTNESS: Record<ChangeTrack, number> = { PRE_APPROVED: 0, CAB: 1, EMERGENCY: 2 };
export const trackStrictness = (track: ChangeTrack) => TRACK_STRICTNESS[track];

/** Rules apply in position order; ties break on ruleKey so the order is total and stable. */
export function orderRules<T extends Pick<TClassifierRule, "position" | "ruleKey">>(rules: readonly T[]): T[] {
  return [...rules].sort((a, b) => a.position - b.position || a.ruleKey.localeCompare(b.ruleKey));
}

function baseRiskOf(facts: TFacts): Array<{ reason: string; points: number }> {
  const parts: Array<{ reason: string; points: number }> = [];
  const classificationRank = facts.maxClassification === null ? 0 : CLASSIFICATION_ORDER.indexOf(facts.maxClassification as never);
  const criticalityRank = facts.maxCriticality === null ? 0 : CRITICALITY_ORDER.indexOf(facts.maxCriticality as never);
  if (classificationRank > 0)
    parts.push({ reason: `classification ${labelOf(String(facts.maxClassification))}`, points: classificationRank * 8 });
  if (criticalityRank > 0) parts.push({ reason: `criticality ${labelOf(String(facts.maxCriticality))}`, points: criticalityRank * 6 });
  if (facts.loosening) parts.push({ reason: "opens access", points: 10 });
  const flows = Number(facts.flowsTouched);
  if (flows > 1) parts.push({ reason: `${flows} flows touched`, points: Math.min(flows - 1, 10) * 2 });
  return parts;
}

type TTrackDecision = { track: ChangeTrack | null; matched: TRuleHit[] };

function hitOf(rule: TClassifierRule, factsUsed: TRuleHit["factsUsed"], decidedTrack: boolean): TRuleHit {
  return {
    ruleId: rule.id,
    ruleKey: rule.ruleKey,
    name: rule.name,
    outcome: rule.outcome,
    riskPoints: rule.riskPoints,
    extraApprovers: rule.extraApprovers,
    factsUsed,
    decidedTrack,
  };
}

function decidesTrack(track: ChangeTrack | null, rule: TClassifierRule): boolean {
  return track === null && (rule.outcome === "FORCE_CAB" || rule.outcome === "ALLOW_PRE_APPROVAL");
}

/** The reference evaluation: walks each condition tree on every call. Kept for tests and the benchmark. */
function applyRulesInterpreted(facts: TFacts, rules: readonly TClassifierRule[]): TTrackDecision {
  let track: ChangeTrack | null = null;
  const matched: TRuleHit[] = [];
  for (const rule of orderRules(rules)) {
    const used = new Set<TFactName>();
    if (!evaluateCondition(rule.condition, facts, used)) continue;
    const decides = decidesTrack(track, rule);
    if (decides) track = rule.outcome === "FORCE_CAB" ? "CAB" : "PRE_APPROVED";
    matched.push(hitOf(rule, Object.fromEntries([...used].sort().map((fact) => [fact, facts[fact]])), decides));
  }
  return { track, matched };
}

/** Rules in their order with their conditions compiled: built once per rule set, then reused. */
type TCompiledRuleSet = { rules: TClassifierRule[]; conditions: TCompiledCondition[] };

/** Fact names in the order `factsUsed` lists them (sorted by name, as the explanation always was). */
const FACTS_BY_NAME = [...FACT_NAMES].sort().map((fact) => ({ fact, bit: FACT_BITS[fact] }));

/** The facts behind each mask of facts read, in `factsUsed` order; a rule set meets only a few masks. */
const factsOfMask = new Map<number, TFactName[]>();

function factsReadIn(mask: number): TFactName[] {
  let facts = factsOfMask.get(mask);
  if (!facts) {
    facts = FACTS_BY_NAME.filter(({ bit }) => mask & bit).map(({ fact }) => fact);
    factsOfMask.set(mask, facts);
  }
  return facts;
}

/**
 * Compiled rule sets by the identity of the rules array. Rule rows never change once written (a
 * revision is a new row), and callers that classify many changes (replay, seed, bulk checks) pass
 * one array to every call; a rule set no longer referenced is dropped with its array.
 */
const compiledRuleSets = new WeakMap<readonly TClassifierRule[], TCompiledRuleSet>();

export function compileRuleSet(rules: readonly TClassifierRule[]): TCompiledRuleSet {
  let compiled = compiledRuleSets.get(rules);
  if (!compiled) {
    const ordered = orderRules(rules);
    compiled = { rules: ordered, conditions: ordered.map((rule) => compileCondition(rule.condition)) };
    compiledRuleSets.set(rules, compiled);
  }
  return compiled;
}

function factsUsedOf(facts: TFacts, mask: number): TRuleHit["factsUsed"] {
  const used: TRuleHit["factsUsed"] = {};
  for (const fact of factsReadIn(mask)) used[fact] = facts[fact];
  return used;
}

function applyRulesCompiled(facts: TFacts, ruleSet: TCompiledRuleSet): TTrackDecision {
  let track: ChangeTrack | null = null;
  const matched: TRuleHit[] = [];
  const read: TFactsRead = { mask: 0 };
  const values = factValuesOf(facts);
  // Rules that read the same facts explain themselves with the same values: one object per mask per change.
  const usedByMask = new Map<number, TRuleHit["factsUsed"]>();
  const { rules, conditions } = ruleSet;
  for (let index = 0; index < rules.length; index++) {
    read.mask = 0;
    if (!conditions[index]!(values, read)) continue;
    const rule = rules[index]!;
    const decides = decidesTrack(track, rule);
    if (decides) track = rule.outcome === "FORCE_CAB" ? "CAB" : "PRE_APPROVED";
    let used = usedByMask.get(read.mask);
    if (!used) {
      used = Object.freeze(factsUsedOf(facts, read.mask));
      usedByMask.set(read.mask, used);
    }
    matched.push(hitOf(rule, used, decides));
  }
  return { track, matched };
}

export type TClassifyOptions = {
  /**
   * "compiled" (the default) compiles the rule set once and reuses it; "interpreted" walks the
   * condition trees on every call. Both give the same classification; the second is the reference
   * the tests and the benchmark compare against.
   */
  evaluation?: "compiled" | "interpreted";
};

function applyRules(facts: TFacts, rules: readonly TClassifierRule[], options: TClassifyOptions): TTrackDecision {
  return options.evaluation === "interpreted" ? applyRulesInterpreted(facts, rules) : applyRulesCompiled(facts, compileRuleSet(rules));
}

/** The same flows with the opposite direction: removals become additions, narrowings widenings. */
export function mirrorOperations(operations: readonly TClassifierOperation[]): TClassifierOperation[] {
  return operations.map((operation): TClassifierOperation => {
    if (operation.kind === "ADD") return { kind: "REMOVE", surfaceId: operation.surfaceId, before: operation.after, after: null };
    if (operation.kind === "REMOVE") return { kind: "ADD", surfaceId: operation.surfaceId, before: null, after: operation.before };
    return { kind: "MODIFY", surfaceId: operation.surfaceId, before: operation.after, after: operation.before };
  });
}

function rulesTrack(input: TClassifierInput, rules: readonly TClassifierRule[], options: TClassifyOptions) {
  const { facts, templateId } = computeFacts(input);
  const { track, matched } = applyRules(facts, rules, options);
  return { facts, templateId, matched, track: track ?? ("CAB" as const), defaulted: track === null };
}

/**
 * Classifies a change against the active rules. Pure and deterministic.
 *
 * - Every matching rule adds its risk points and extra approvers.
 * - The first matching rule (in order) whose outcome is FORCE_CAB or ALLOW_PRE_APPROVAL sets the
 *   track; later ones are shadowed. When none matches, the change goes to the CAB.
 * - A tightening-only change is never put on a stricter track than the same flows opened would be
 *   (its mirror image), whatever the rules say: closing access must not be harder than opening it.
 * - EMERGENCY happens only when the requester declares it with a reason.
 */
export function classify(input: TClassifierInput, rules: readonly TClassifierRule[], options: TClassifyOptions = {}): TClassification {
  const result = rulesTrack(input, rules, options);
  const notes: string[] = [];
  let track: ChangeTrack = result.track;
  if (result.defaulted) notes.push("No rule decided the track, so the change goes to the CAB.");
  if (result.facts.tighteningOnly && track === "CAB") {
    const mirror = rulesTrack({ ...input, operations: mirrorOperations(input.operations) }, rules, options);
    if (mirror.track === "PRE_APPROVED") {
      track = "PRE_APPROVED";
      notes.push("Tightening only: opening the same flows would be pre-approved, so closing them is too.");
    }
  }
  const emergencyReason = input.emergencyReason?.trim() ?? "";
  if (emergencyReason !== "") {
    notes.push(`Declared an emergency: ${emergencyReason}. Rules would have chosen ${track === "CAB" ? "the CAB" : "pre-approval"}.`);
    track = "EMERGENCY";
  }
  const baseRisk = baseRiskOf(result.facts);
  const riskTotal = baseRisk.reduce((sum, part) => sum + part.points, 0) + result.matched.reduce((sum, hit) => sum + hit.riskPoints, 0);
  const extraApprovers = result.matched.reduce((sum, hit) => sum + hit.extraApprovers, 0);
  const requiredApprovals = track === "PRE_APPROVED" ? 0 : track === "EMERGENCY" ? 2 : 2 + extraApprovers;
  return {
    track,
    riskScore: Math.max(0, Math.min(100, riskTotal)),
    requiredApprovals,
    templateId: result.templateId,
    facts: result.facts,
    matched: result.matched,
    baseRisk,
    notes,
  };
}

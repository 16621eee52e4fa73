import type { ChangeTrack } from "@/lib/db/generated/enums.ts";
import { CLASSIFICATION_ORDER, CRITICALITY_ORDER, evaluateCondition, type TCondition, type TFactName, type TFacts, type TFactValue } from "./conditions";
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
  if (classificationRank > 0) parts.push({ reason: `classification ${String(facts.maxClassification)}`, points: classificationRank * 8 });
  if (criticalityRank > 0) parts.push({ reason: `criticality ${String(facts.maxCriticality)}`, points: criticalityRank * 6 });
  if (facts.loosening) parts.push({ reason: "opens access", points: 10 });
  const flows = Number(facts.flowsTouched);
  if (flows > 1) parts.push({ reason: `${flows} flows touched`, points: Math.min(flows - 1, 10) * 2 });
  return parts;
}

function applyRules(facts: TFacts, rules: readonly TClassifierRule[]): { track: ChangeTrack | null; matched: TRuleHit[] } {
  let track: ChangeTrack | null = null;
  const matched: TRuleHit[] = [];
  for (const rule of orderRules(rules)) {
    const used = new Set<TFactName>();
    if (!evaluateCondition(rule.condition, facts, used)) continue;
    const decides = track === null && (rule.outcome === "FORCE_CAB" || rule.outcome === "ALLOW_PRE_APPROVAL");
    if (decides) track = rule.outcome === "FORCE_CAB" ? "CAB" : "PRE_APPROVED";
    matched.push({
      ruleId: rule.id,
      ruleKey: rule.ruleKey,
      name: rule.name,
      outcome: rule.outcome,
      riskPoints: rule.riskPoints,
      extraApprovers: rule.extraApprovers,
      factsUsed: Object.fromEntries([...used].sort().map((fact) => [fact, facts[fact]])),
      decidedTrack: decides,
    });
  }
  return { track, matched };
}

/** The same flows with the opposite direction: removals become additions, narrowings widenings. */
export function mirrorOperations(operations: readonly TClassifierOperation[]): TClassifierOperation[] {
  return operations.map((operation): TClassifierOperation => {
    if (operation.kind === "ADD") return { kind: "REMOVE", surfaceId: operation.surfaceId, before: operation.after, after: null };
    if (operation.kind === "REMOVE") return { kind: "ADD", surfaceId: operation.surfaceId, before: null, after: operation.before };
    return { kind: "MODIFY", surfaceId: operation.surfaceId, before: operation.after, after: operation.before };
  });
}

function rulesTrack(input: TClassifierInput, rules: readonly TClassifierRule[]) {
  const { facts, templateId } = computeFacts(input);
  const { track, matched } = applyRules(facts, rules);
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
export function classify(input: TClassifierInput, rules: readonly TClassifierRule[]): TClassification {
  const result = rulesTrack(input, rules);
  const notes: string[] = [];
  let track: ChangeTrack = result.track;
  if (result.defaulted) notes.push("No rule decided the track, so the change goes to the CAB.");
  if (result.facts.tighteningOnly && track === "CAB") {
    const mirror = rulesTrack({ ...input, operations: mirrorOperations(input.operations) }, rules);
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

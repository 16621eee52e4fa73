import { OVERALL_PILLAR, STAGES, stageIndex, type TAssessableItem, type TStage } from "./catalog";

/** What each team's assessor said about one function, and what the program aims for. */
export type TScoreInput = {
  functionKey: string;
  netopsStage: TStage | null;
  secopsStage: TStage | null;
  targetStage: TStage | null;
  targetDate: string | null;
};

export type TScoreStatus = "unscored" | "awaiting_netops" | "awaiting_secops" | "disputed" | "agreed";

/** A function counts as scored only when both teams' assessors give the same stage. */
export function scoreStatus(score: Pick<TScoreInput, "netopsStage" | "secopsStage"> | null | undefined): TScoreStatus {
  if (!score || (!score.netopsStage && !score.secopsStage)) return "unscored";
  if (!score.netopsStage) return "awaiting_netops";
  if (!score.secopsStage) return "awaiting_secops";
  return score.netopsStage === score.secopsStage ? "agreed" : "disputed";
}

/** The stage both teams agree on; null while either has not scored or they disagree. */
export function agreedStage(score: Pick<TScoreInput, "netopsStage" | "secopsStage"> | null | undefined): TStage | null {
  return scoreStatus(score) === "agreed" ? score!.netopsStage : null;
}

/** A target is overdue when its date has passed and the agreed stage has not reached it. */
export function isTargetOverdue(score: TScoreInput | null | undefined, today: string): boolean {
  if (!score?.targetStage || !score.targetDate || score.targetDate >= today) return false;
  const current = agreedStage(score);
  return current === null || stageIndex(current) < stageIndex(score.targetStage);
}

export type TPillarSummary = {
  pillarKey: string;
  pillarLabel: string;
  /** Mean stage index (0 Traditional … 3 Optimal) over agreed scores; null when none agree. */
  current: number | null;
  target: number | null;
  agreed: number;
  disputed: number;
  total: number;
};

function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
}

/** Per pillar (in catalog order, program-wide capabilities last): where it stands and where it aims. */
export function summarizePillars(items: TAssessableItem[], scores: TScoreInput[]): TPillarSummary[] {
  const byKey = new Map(scores.map((score) => [score.functionKey, score]));
  const pillars = new Map<string, { label: string; items: TAssessableItem[] }>();
  for (const item of items) {
    const entry = pillars.get(item.pillarKey) ?? { label: item.pillarLabel, items: [] };
    entry.items.push(item);
    pillars.set(item.pillarKey, entry);
  }
  return [...pillars.entries()].map(([pillarKey, { label, items: pillarItems }]) => {
    const pillarScores = pillarItems.map((item) => byKey.get(item.key));
    const agreed = pillarScores.map((score) => agreedStage(score)).filter((stage): stage is TStage => stage !== null);
    const targets = pillarScores.map((score) => score?.targetStage).filter((stage): stage is TStage => Boolean(stage));
    return {
      pillarKey,
      pillarLabel: label,
      current: mean(agreed.map(stageIndex)),
      target: mean(targets.map(stageIndex)),
      agreed: agreed.length,
      disputed: pillarScores.filter((score) => scoreStatus(score) === "disputed").length,
      total: pillarItems.length,
    };
  });
}

export type TScoreChange = {
  functionKey: string;
  before: TStage | null;
  after: TStage | null;
  /** Stages gained (negative when lost); null when either side has no agreed stage. */
  delta: number | null;
};

/** How each function moved between two assessments of the same catalog. */
export function compareAssessments(items: TAssessableItem[], older: TScoreInput[], newer: TScoreInput[]): TScoreChange[] {
  const olderByKey = new Map(older.map((score) => [score.functionKey, score]));
  const newerByKey = new Map(newer.map((score) => [score.functionKey, score]));
  return items.map((item) => {
    const before = agreedStage(olderByKey.get(item.key));
    const after = agreedStage(newerByKey.get(item.key));
    return { functionKey: item.key, before, after, delta: before && after ? stageIndex(after) - stageIndex(before) : null };
  });
}

export function isOverallPillar(pillarKey: string): boolean {
  return pillarKey === OVERALL_PILLAR;
}

export { STAGES };

/** How far an assessment's joint scoring has come: agreed functions, and pillars with at least one. */
export type TAssessmentProgress = { id: string; agreed: number; pillarsWithAgreed: number; pillars: number };

/**
 * Which assessment the dashboard charts and which it shows apart as a draft (newest first in). The chart
 * takes the newest assessment with an agreed score in every pillar, else the newest with any agreed
 * score; a newer assessment still being scored is the draft, never charted as "Not scored" everywhere.
 */
export function chartedAndDraft(newestFirst: TAssessmentProgress[]): { charted: string | null; draft: string | null } {
  const complete = newestFirst.find((entry) => entry.pillars > 0 && entry.pillarsWithAgreed === entry.pillars);
  const charted = complete ?? newestFirst.find((entry) => entry.agreed > 0) ?? null;
  const newest = newestFirst[0] ?? null;
  return { charted: charted?.id ?? null, draft: newest && newest.id !== charted?.id ? newest.id : null };
}

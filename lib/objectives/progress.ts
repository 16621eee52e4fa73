/**
 * How far a key result has moved from its baseline toward its target, 0..1. Works in either
 * direction (a target below the baseline means "bring it down"). Null while the metric has no value.
 */
export function keyResultProgress(current: number | null, baseline: number, target: number): number | null {
  if (current === null) return null;
  if (target === baseline) return (target >= baseline ? current >= target : current <= target) ? 1 : 0;
  const progress = (current - baseline) / (target - baseline);
  return Math.min(1, Math.max(0, Math.round(progress * 1000) / 1000));
}

/** An objective's progress: the mean of its key results that have a value. */
export function objectiveProgress(progresses: Array<number | null>): number | null {
  const known = progresses.filter((value): value is number => value !== null);
  if (known.length === 0) return null;
  return Math.round((known.reduce((sum, value) => sum + value, 0) / known.length) * 1000) / 1000;
}

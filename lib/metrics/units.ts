/**
 * What a metric's unit means for its values. Indicators use "%", "count" and "hours"; an external KPI
 * names its unit freely ("%", "incidents", "d", "minutes"...), so the kind is read from that name.
 * Pure: shared by the server's validation and by every place a figure is shown.
 */

export type TUnitKind = "percent" | "count" | "duration" | "number";

/** No figure Concord shows or stores is larger than this; beyond it a value is a unit or input mistake. */
export const FIGURE_LIMIT = 1e12;

const PERCENT = /^(%|percent|percentage|pct)$/i;
const COUNT = /^(count|#|n|number of .+|items?|incidents?|events?|alerts?|findings?|devices?|users?|accounts?|flows?|hosts?|tickets?)$/i;
const DURATION_UNITS: Record<string, { short: string; hours: number }> = {
  ms: { short: "ms", hours: 1 / 3_600_000 },
  s: { short: "s", hours: 1 / 3600 },
  sec: { short: "s", hours: 1 / 3600 },
  seconds: { short: "s", hours: 1 / 3600 },
  second: { short: "s", hours: 1 / 3600 },
  min: { short: "min", hours: 1 / 60 },
  mins: { short: "min", hours: 1 / 60 },
  minute: { short: "min", hours: 1 / 60 },
  minutes: { short: "min", hours: 1 / 60 },
  h: { short: "h", hours: 1 },
  hr: { short: "h", hours: 1 },
  hrs: { short: "h", hours: 1 },
  hour: { short: "h", hours: 1 },
  hours: { short: "h", hours: 1 },
  d: { short: "d", hours: 24 },
  day: { short: "d", hours: 24 },
  days: { short: "d", hours: 24 },
};

export function unitKind(unit: string): TUnitKind {
  const name = unit.trim();
  if (PERCENT.test(name)) return "percent";
  if (COUNT.test(name)) return "count";
  if (DURATION_UNITS[name.toLowerCase()]) return "duration";
  return "number";
}

/** The short spelling of a duration unit ("hours" → "h"), or null for other units. */
export function durationSymbol(unit: string): string | null {
  return DURATION_UNITS[unit.trim().toLowerCase()]?.short ?? null;
}

export type TValueBounds = { min: number; max: number; integer: boolean };

/**
 * The values a reading may take: a percentage 0–100, a count a non-negative whole number, a duration
 * non-negative, anything within ±FIGURE_LIMIT. A KPI's own declared bounds replace the kind's defaults
 * (a percentage change may go from −100 to 1000), never the overall limit.
 */
export function valueBounds(unit: string, declared: { minValue?: number | null; maxValue?: number | null } = {}): TValueBounds {
  const kind = unitKind(unit);
  const defaults: TValueBounds =
    kind === "percent"
      ? { min: 0, max: 100, integer: false }
      : kind === "count"
        ? { min: 0, max: FIGURE_LIMIT, integer: true }
        : kind === "duration"
          ? { min: 0, max: FIGURE_LIMIT, integer: false }
          : { min: -FIGURE_LIMIT, max: FIGURE_LIMIT, integer: false };
  return {
    min: Math.max(-FIGURE_LIMIT, declared.minValue ?? defaults.min),
    max: Math.min(FIGURE_LIMIT, declared.maxValue ?? defaults.max),
    integer: defaults.integer,
  };
}

/** Why a value does not fit its unit, in words for a field error ("must be between 0 and 100"), or null. */
export function valueProblem(value: number, bounds: TValueBounds): string | null {
  if (!Number.isFinite(value)) return "must be a number";
  if (bounds.integer && !Number.isInteger(value)) return "must be a whole number";
  if (value >= bounds.min && value <= bounds.max) return null;
  if (bounds.min > -FIGURE_LIMIT && bounds.max < FIGURE_LIMIT) return `must be between ${bounds.min} and ${bounds.max}`;
  if (value < bounds.min) return bounds.min === 0 ? "must not be negative" : `must be at least ${bounds.min}`;
  return `must be at most ${bounds.max.toLocaleString("en-US")}`;
}

import { labelOf } from "@/lib/ui/labels";
import { durationSymbol, unitKind } from "./units";

/**
 * The one way a figure is written, on screen and in the PDF alike: its value now, its target with the
 * comparator, and its values in the past all go through `formatFigure`, so one row never mixes
 * "3 d" with "72" and "190.5".
 */

export type TDirection = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";

const number = (value: number, digits: number) => value.toLocaleString("en-US", { maximumFractionDigits: digits });

/** Hours read as days from two days up ("190.5" hours is "7.9 d"); other durations keep their unit. */
function formatDuration(value: number, unit: string, extra: number): string {
  const symbol = durationSymbol(unit) ?? unit;
  if (symbol === "h" && Math.abs(value) >= 48) return `${number(value / 24, 1 + extra)} d`;
  return `${number(value, 1 + extra)} ${symbol}`;
}

/** `extra` digits after the point, for the one case that needs them (see `formatFigureBeside`). */
export function formatFigure(value: number | null | undefined, unit: string, extra = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (unitKind(unit)) {
    case "percent":
      return `${number(value, 1 + extra)}%`;
    case "count":
      // "count" is the indicators' own word for a bare number; a KPI's noun ("incidents") is kept.
      return unit.trim().toLowerCase() === "count" ? number(value, extra) : `${number(value, extra)} ${unit.trim()}`;
    case "duration":
      return formatDuration(value, unit, extra);
    default:
      return unit.trim() === "" ? number(value, 2 + extra) : `${number(value, 2 + extra)} ${unit.trim()}`;
  }
}

/**
 * A value beside its target: as `formatFigure` writes it, unless rounding would make a value that
 * is not the target read exactly as the target ("3 d" off target against "≤ 3 d"); then with as
 * many more digits as it takes (up to three) to tell them apart.
 */
export function formatFigureBeside(value: number | null | undefined, target: number | null | undefined, unit: string): string {
  const plain = formatFigure(value, unit);
  if (value === null || value === undefined || target === null || target === undefined || value === target) return plain;
  for (let extra = 0; extra <= 3; extra += 1) {
    const written = formatFigure(value, unit, extra);
    if (written !== formatFigure(target, unit, extra)) return written;
  }
  return plain;
}

/** "≥ 95%", "≤ 3 d": the target with the comparator its direction of good implies; null without a target. */
export function formatTarget(target: number | null | undefined, unit: string, direction: TDirection): string | null {
  if (target === null || target === undefined) return null;
  return `${direction === "HIGHER_IS_BETTER" ? "≥" : "≤"} ${formatFigure(target, unit)}`;
}

const DETAIL_WORDS: Record<string, string> = { p90: "90th percentile", p50: "median" };

/**
 * A figure's detail key in words, for people: "withoutJustification" → "Without justification",
 * "PRE_APPROVED.median" → "Pre-approved median", "CAB.p90" → "CAB 90th percentile". The CSV keeps
 * the keys themselves, for the machines that read it.
 */
export function detailLabelOf(key: string): string {
  const text = key
    .split(".")
    .map(
      (part) =>
        DETAIL_WORDS[part] ?? (/^[A-Z][A-Z_]*$/.test(part) ? labelOf(part) : part.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase()),
    )
    .join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

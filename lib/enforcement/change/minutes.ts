/**
 * A change's policy diff and observed impact as Markdown lines for the CAB minutes (the PDF is drawn
 * from the same Markdown). The diffs go in fenced `diff` blocks, capped so one large change cannot
 * swamp the minutes; the cap is said, never silent.
 */
import { POLICY_TARGET_LABELS } from "../model";
import { unifiedText, type TTargetDiff } from "./diff";
import type { TImpact } from "./impact";

export const MINUTES_DIFF_LINES = 120;

export type TMinutesPolicy = { surfaceName: string; targets: TTargetDiff[]; impact: TImpact; observedConnections: number };

const plural = (value: number, one: string) => `${value.toLocaleString("en")} ${value === 1 ? one : `${one}s`}`;

export function policyMinutesLines(surfaces: readonly TMinutesPolicy[], days: number): string[] {
  const lines: string[] = [];
  for (const surface of surfaces) {
    const impact =
      surface.observedConnections === 0
        ? `no observed traffic in the last ${plural(days, "day")}`
        : `would drop ${plural(surface.impact.newlyDropped.connections, "observed connection")} and newly allow ${plural(surface.impact.newlyAllowed.connections, "observed connection")} (last ${plural(days, "day")})`;
    lines.push(`- Policy of ${surface.surfaceName}: ${impact}`);
    for (const example of surface.impact.newlyDropped.examples)
      lines.push(
        `- Would drop: ${example.source} → ${example.destination} ${example.protocol}${example.port === null ? "" : ` ${example.port}`} (${plural(example.connections, "connection")})`,
      );
    const changed = surface.targets.filter((target) => target.files.length > 0 || target.error);
    if (changed.length === 0) {
      lines.push("- Policy diff: no target's policy changes");
      continue;
    }
    for (const target of changed) {
      if (target.error) {
        lines.push(`- Policy diff, ${POLICY_TARGET_LABELS[target.target]}: not generated (${target.error})`);
        continue;
      }
      const added = target.files.reduce((sum, file) => sum + file.added, 0);
      const removed = target.files.reduce((sum, file) => sum + file.removed, 0);
      lines.push(`- Policy diff, ${POLICY_TARGET_LABELS[target.target]}: ${plural(target.files.length, "file")}, +${added} −${removed}`);
      const text = target.files.map(unifiedText).join("\n").split("\n");
      lines.push("", "```diff", ...text.slice(0, MINUTES_DIFF_LINES), "```");
      if (text.length > MINUTES_DIFF_LINES)
        lines.push("", `(${plural(text.length - MINUTES_DIFF_LINES, "more line")} of this diff on the change page)`);
      lines.push("");
    }
  }
  return lines;
}

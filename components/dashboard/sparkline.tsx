import type { TTrendPoint } from "@/lib/metrics/trend";
import { sparklinePath } from "@/lib/metrics/sparkline";

/**
 * A small trend line with the target as a dashed reference; the caller supplies the text alternative.
 * Plain SVG drawn on the server: a dashboard of cards costs no chart library in the browser.
 */
export function Sparkline({ points, target, label }: { points: TTrendPoint[]; target: number | null; label: string }) {
  if (points.length < 2) return <p className="h-10 text-xs text-muted">Not enough history for a trend yet.</p>;
  const first = points[0]!;
  const last = points.at(-1)!;
  const { line, targetY } = sparklinePath(
    points.map((point) => point.value),
    target,
  );
  return (
    <svg
      role="img"
      aria-label={`${label}: ${first.value} on ${first.day}, ${last.value} on ${last.day}${target !== null ? `, target ${target}` : ""}.`}
      viewBox="0 0 100 40"
      preserveAspectRatio="none"
      className="h-10 w-full"
    >
      {targetY !== null && (
        <line x1="0" x2="100" y1={targetY} y2={targetY} stroke="var(--success)" strokeDasharray="3 3" vectorEffect="non-scaling-stroke" />
      )}
      <path d={line} fill="none" stroke="var(--accent)" strokeWidth="2" vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
    </svg>
  );
}

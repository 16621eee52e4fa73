"use client";

import { Line, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from "recharts";
import type { TTrendPoint } from "@/lib/metrics/trend";

/** A small trend line with the target as a dashed reference; the caller supplies the text alternative. */
export function Sparkline({ points, target, label }: { points: TTrendPoint[]; target: number | null; label: string }) {
  if (points.length < 2) return <p className="h-10 text-xs text-muted">Not enough history for a trend yet.</p>;
  const values = points.map((point) => point.value);
  const low = Math.min(...values, target ?? Number.POSITIVE_INFINITY);
  const high = Math.max(...values, target ?? Number.NEGATIVE_INFINITY);
  const first = points[0]!;
  const last = points.at(-1)!;
  return (
    <div
      role="img"
      aria-label={`${label}: ${first.value} on ${first.day}, ${last.value} on ${last.day}${target !== null ? `, target ${target}` : ""}.`}
      className="h-10 w-full"
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
          <YAxis hide domain={[low, high === low ? low + 1 : high]} />
          {target !== null && <ReferenceLine y={target} stroke="var(--success)" strokeDasharray="3 3" />}
          <Line type="monotone" dataKey="value" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

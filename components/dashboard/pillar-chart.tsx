"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TPillarView } from "@/lib/maturity/schemas";

const STAGE_NAMES = ["Traditional", "Initial", "Advanced", "Optimal"];

export function stageName(value: number | null): string {
  if (value === null) return "Not scored";
  const lower = STAGE_NAMES[Math.floor(value)] ?? "Optimal";
  return Number.isInteger(value) ? lower : `${lower}+ (${value.toFixed(2)})`;
}

/** Maturity by pillar: agreed stage now, target, and the previous assessment, with a table alternative. */
export function PillarChart({ pillars, previousTitle }: { pillars: TPillarView[]; previousTitle: string | null }) {
  const data = pillars.map((pillar) => ({
    // Short axis labels so six pillars fit side by side; the table below carries the full names.
    pillar: pillar.pillarLabel.replace(" (program-wide)", "").replace("Applications & Workloads", "Apps & Workloads"),
    Current: pillar.current ?? 0,
    Target: pillar.target ?? 0,
    Previous: pillar.previous ?? 0,
  }));
  const summary = pillars
    .map((pillar) => `${pillar.pillarLabel}: ${stageName(pillar.current)}, target ${stageName(pillar.target)}`)
    .join("; ");
  return (
    <figure>
      <div role="img" aria-label={`Maturity by pillar. ${summary}.`} className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
            <XAxis
              dataKey="pillar"
              tick={{ fill: "var(--muted)", fontSize: 11 }}
              interval={0}
              tickLine={false}
              axisLine={{ stroke: "var(--border)" }}
            />
            <YAxis
              domain={[0, 3]}
              ticks={[0, 1, 2, 3]}
              tickFormatter={(value: number) => STAGE_NAMES[value] ?? ""}
              tick={{ fill: "var(--muted)", fontSize: 11 }}
              width={76}
              axisLine={false}
              tickLine={false}
            />
            <Tooltip
              cursor={{ fill: "var(--surface-2)" }}
              contentStyle={{ background: "var(--surface)", border: "1px solid var(--border)", color: "var(--fg)", borderRadius: 6 }}
              formatter={(value) => stageName(Number(value))}
            />
            <Legend wrapperStyle={{ color: "var(--fg)", fontSize: 12 }} />
            {previousTitle && <Bar dataKey="Previous" fill="var(--muted)" fillOpacity={0.45} radius={[3, 3, 0, 0]} />}
            <Bar dataKey="Current" fill="var(--accent)" radius={[3, 3, 0, 0]} />
            <Bar dataKey="Target" fill="var(--success)" fillOpacity={0.55} radius={[3, 3, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted">Show maturity by pillar as a table</summary>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Maturity by pillar</caption>
          <thead>
            <tr className="text-muted">
              <th scope="col" className="py-1 pr-2 font-medium">
                Pillar
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Current (agreed)
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                Target
              </th>
              {previousTitle && (
                <th scope="col" className="py-1 pr-2 font-medium">
                  {previousTitle}
                </th>
              )}
              <th scope="col" className="py-1 font-medium">
                Disputed
              </th>
            </tr>
          </thead>
          <tbody>
            {pillars.map((pillar) => (
              <tr key={pillar.pillarKey} className="border-t border-border">
                <th scope="row" className="py-1 pr-2 font-normal">
                  {pillar.pillarLabel}
                </th>
                <td className="py-1 pr-2">{stageName(pillar.current)}</td>
                <td className="py-1 pr-2">{stageName(pillar.target)}</td>
                {previousTitle && <td className="py-1 pr-2">{stageName(pillar.previous)}</td>}
                <td className="py-1">
                  {pillar.disputed} of {pillar.total}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

import Link from "next/link";
import { formatFigure } from "@/lib/metrics/format";
import type { TObjective } from "@/lib/objectives/schemas";
import { indicatorHref } from "@/lib/overview/links";

function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const percent = value === null ? 0 : Math.round(value * 100);
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : percent}
        aria-valuetext={value === null ? "No data yet" : `${percent}%`}
        className="h-2 flex-1 overflow-hidden rounded-full bg-surface-2"
      >
        <div className="h-full rounded-full bg-accent" style={{ width: `${percent}%` }} />
      </div>
      <span className="w-12 text-right text-xs tabular-nums text-muted">{value === null ? "—" : `${percent}%`}</span>
    </div>
  );
}

/** The program charter: each objective owned by a NetOps and a SecOps lead, progress from the data. */
export function ObjectivesList({ objectives }: { objectives: TObjective[] }) {
  if (objectives.length === 0)
    return <p className="text-sm text-muted">No shared objectives yet. The NetOps and SecOps leads set them together.</p>;
  return (
    <ul className="space-y-5">
      {objectives.map((objective) => (
        <li key={objective.id}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-medium">{objective.title}</h3>
            <p className="text-xs text-muted">
              <span className="text-netops">{objective.netopsLead.name}</span> &amp;{" "}
              <span className="text-secops">{objective.secopsLead.name}</span>
              {objective.dueDate && ` · due ${objective.dueDate}`}
            </p>
          </div>
          <ProgressBar value={objective.progress} label={`${objective.title} progress`} />
          <ul className="mt-2 space-y-1 pl-3 text-sm">
            {objective.keyResults.map((kr) => (
              <li key={kr.id} className="grid gap-1 sm:grid-cols-[1fr_12rem]">
                <span>
                  {kr.source === "indicator" ? (
                    <Link href={indicatorHref(kr.metricKey)} className="hover:underline">
                      {kr.title}
                    </Link>
                  ) : (
                    <Link href={`/dashboard/kpis#kpi-${kr.metricKey}`} className="hover:underline">
                      {kr.title}
                    </Link>
                  )}
                  <span className="text-xs text-muted">
                    {" "}
                    · {formatFigure(kr.current, kr.unit)} now, from {formatFigure(kr.baseline, kr.unit)} to{" "}
                    {formatFigure(kr.target, kr.unit)}
                  </span>
                </span>
                <ProgressBar value={kr.progress} label={`${kr.title} progress`} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

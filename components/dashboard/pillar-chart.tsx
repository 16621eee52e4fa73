import type { TPillarView } from "@/lib/maturity/schemas";

const STAGE_NAMES = ["Traditional", "Initial", "Advanced", "Optimal"];

export function stageName(value: number | null): string {
  if (value === null) return "Not scored";
  const lower = STAGE_NAMES[Math.floor(value)] ?? "Optimal";
  return Number.isInteger(value) ? lower : `${lower}+ (${value.toFixed(2)})`;
}

const SERIES = [
  { key: "previous", name: "Previous", className: "bg-muted/45" },
  { key: "current", name: "Current (agreed)", className: "bg-accent" },
  { key: "target", name: "Target", className: "bg-success/60" },
] as const;

const width = (value: number | null) => `${((value ?? 0) / 3) * 100}%`;

/**
 * Maturity by pillar as horizontal bars (previous, agreed now, target) on a Traditional → Optimal scale,
 * with a table alternative. HTML and CSS, drawn on the server: it reflows to a phone's width, its legend
 * never overlaps a label, and it costs no chart library in the browser.
 */
export function PillarChart({ pillars, previousTitle }: { pillars: TPillarView[]; previousTitle: string | null }) {
  const series = SERIES.filter((entry) => entry.key !== "previous" || previousTitle);
  const summary = pillars
    .map((pillar) => `${pillar.pillarLabel}: ${stageName(pillar.current)}, target ${stageName(pillar.target)}`)
    .join("; ");
  return (
    <figure>
      <div role="img" aria-label={`Maturity by pillar. ${summary}.`} data-testid="pillar-chart">
        <ul className="mb-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-hidden="true">
          {series.map((entry) => (
            <li key={entry.key} className="flex items-center gap-1.5">
              <span className={`inline-block size-3 rounded-sm ${entry.className}`} />
              {entry.key === "previous" && previousTitle ? previousTitle : entry.name}
            </li>
          ))}
        </ul>
        <div className="grid grid-cols-[minmax(0,9rem)_1fr] items-center gap-x-3 gap-y-2 text-xs sm:grid-cols-[minmax(0,12rem)_1fr]">
          {pillars.map((pillar) => (
            <div key={pillar.pillarKey} className="contents">
              <span className="truncate text-fg" title={pillar.pillarLabel}>
                {pillar.pillarLabel.replace(" (program-wide)", "")}
              </span>
              <div className="relative space-y-0.5 border-l border-border py-0.5">
                {series.map((entry) => (
                  <div key={entry.key} className="h-2 rounded-r-sm bg-surface-2">
                    <div className={`pillar-bar h-2 rounded-r-sm ${entry.className}`} style={{ width: width(pillar[entry.key]) }} />
                  </div>
                ))}
              </div>
            </div>
          ))}
          <span />
          <div className="flex justify-between text-muted" aria-hidden="true">
            {STAGE_NAMES.map((name, index) => (
              // On a phone only the ends of the scale are named, so the four names never run together.
              <span key={name} className={index === 0 || index === 3 ? "" : "hidden sm:inline"}>
                {name}
              </span>
            ))}
          </div>
        </div>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-muted">Show maturity by pillar as a table</summary>
        <div className="relative overflow-x-auto">
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
        </div>
      </details>
    </figure>
  );
}

"use client";

import { useId, useState } from "react";
import { Badge, Card } from "@/components/ui/card";
import { QueryStates } from "@/components/ui/query-state";
import { POLICY_TARGET_LABELS, POLICY_TARGETS, type TPolicyTarget } from "@/lib/enforcement/model";
import { useChangePolicyPreview } from "@/lib/enforcement/queries";
import type { TChangePolicyPreview } from "@/lib/enforcement/schemas";

type TSurfacePreview = TChangePolicyPreview["surfaces"][number];
type TTargetDiff = TSurfacePreview["targets"][number];
type TImpact = TSurfacePreview["impact"];

const count = (value: number, one: string, many = `${one}s`) => `${value.toLocaleString()} ${value === 1 ? one : many}`;

/**
 * What a change would do to enforcement, for whoever decides on it: per touched surface, the observed
 * traffic it would newly drop or allow, and the before/after diff of the generated policy per target.
 * Self-contained (it loads its own data), so the change page and meeting mode each place it in one line.
 */
export function ChangePolicyPreview({ changeId }: { changeId: string }) {
  const query = useChangePolicyPreview(changeId);
  const headingId = useId();
  return (
    <Card className="grid gap-4">
      <section aria-labelledby={headingId} className="grid gap-4">
        <h2 id={headingId} className="font-semibold">
          Policy diff and observed impact
        </h2>
        <QueryStates
          query={query}
          loading="Generating the policy before and after this change…"
          failed="The policy diff could not be computed"
        >
          {(data) =>
            data.applied ? (
              <p className="text-sm text-muted">
                This change is verified: its flows are on the map, and its policy is the surfaces&apos; current policy.
              </p>
            ) : data.surfaces.length === 0 ? (
              <p className="text-sm text-muted">This change touches no protect surface.</p>
            ) : (
              data.surfaces.map((surface) => <SurfacePreview key={surface.surfaceId} surface={surface} days={data.days} />)
            )
          }
        </QueryStates>
      </section>
    </Card>
  );
}

function SurfacePreview({ surface, days }: { surface: TSurfacePreview; days: number }) {
  const changed = surface.targets.filter((target) => target.files.length > 0 || target.newlyUnsupported.length > 0 || target.error);
  const [chosen, setChosen] = useState<TPolicyTarget | null>(null);
  const target = surface.targets.find((each) => each.target === (chosen ?? changed[0]?.target ?? "kubernetes"));
  return (
    <div className="grid gap-3 border-t border-border pt-3 first:border-t-0 first:pt-0">
      <h3 className="text-sm font-medium">{surface.surfaceName}</h3>
      <ImpactSummary impact={surface.impact} days={days} />
      {changed.length === 0 ? (
        <p className="text-sm text-muted">The generated policy is the same on every target before and after this change.</p>
      ) : (
        <>
          <div role="group" aria-label={`Policy target for ${surface.surfaceName}`} className="flex flex-wrap gap-2">
            {POLICY_TARGETS.map((each) => {
              const diff = surface.targets.find((candidate) => candidate.target === each);
              const lines = diff ? diff.files.reduce((sum, file) => sum + file.added + file.removed, 0) : 0;
              return (
                <button
                  key={each}
                  type="button"
                  aria-pressed={each === target?.target}
                  onClick={() => setChosen(each)}
                  className={
                    each === target?.target
                      ? "rounded-md bg-accent px-2.5 py-1 text-xs font-medium text-accent-fg"
                      : "rounded-md border border-border px-2.5 py-1 text-xs hover:bg-surface-2"
                  }
                >
                  {POLICY_TARGET_LABELS[each]} {lines > 0 ? `(${lines} lines)` : "(no change)"}
                </button>
              );
            })}
          </div>
          {target && <TargetDiff diff={target} />}
        </>
      )}
    </div>
  );
}

function ImpactSummary({ impact, days }: { impact: TImpact; days: number }) {
  if (impact.observedConnections === 0)
    return <p className="text-sm text-muted">No observed traffic in the last {count(days, "day")} to replay against this change.</p>;
  return (
    <div className="grid gap-2 text-sm" aria-label="Impact on observed traffic">
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={impact.newlyDropped.connections > 0 ? "danger" : "success"}>
          Would drop {count(impact.newlyDropped.connections, "observed connection")}
        </Badge>
        <Badge tone={impact.newlyAllowed.connections > 0 ? "warning" : "neutral"}>
          Would newly allow {count(impact.newlyAllowed.connections, "observed connection")}
        </Badge>
        <span className="text-muted">
          {count(impact.unchanged.connections, "connection")} unchanged, replaying {count(days, "day")} of observed traffic.
        </span>
      </p>
      {impact.newlyDropped.examples.length > 0 && <Examples title="Newly dropped, busiest first" examples={impact.newlyDropped.examples} />}
      {impact.newlyAllowed.examples.length > 0 && <Examples title="Newly allowed, busiest first" examples={impact.newlyAllowed.examples} />}
    </div>
  );
}

function Examples({ title, examples }: { title: string; examples: TImpact["newlyDropped"]["examples"] }) {
  return (
    <div>
      <p className="text-xs font-medium text-muted">{title}</p>
      <ul className="mt-1 grid gap-0.5">
        {examples.map((example) => (
          <li key={`${example.source}>${example.destination}/${example.protocol}/${example.port}`}>
            {example.source} → {example.destination} {example.protocol}
            {example.port === null ? "" : ` ${example.port}`}: {count(example.connections, "connection")}
          </li>
        ))}
      </ul>
    </div>
  );
}

// Tinted backgrounds with the page's own text colour: coloured text on a tint of itself fails contrast.
const LINE_STYLE = { added: "bg-success/15", removed: "bg-danger/15", context: "text-muted" } as const;
const LINE_MARK = { added: "+", removed: "-", context: " " } as const;

function TargetDiff({ diff }: { diff: TTargetDiff }) {
  return (
    <div className="grid gap-2">
      {diff.error && (
        <p role="alert" className="text-sm text-danger">
          {diff.error}
        </p>
      )}
      {diff.newlyUnsupported.length > 0 && (
        <div className="text-sm">
          <p className="font-medium text-warning">{POLICY_TARGET_LABELS[diff.target]} could not express, after this change:</p>
          <ul className="list-disc pl-5">
            {diff.newlyUnsupported.map((entry) => (
              <li key={`${entry.flowId}-${entry.reason}`}>{entry.reason}</li>
            ))}
          </ul>
        </div>
      )}
      {diff.files.length === 0 && !diff.error && <p className="text-sm text-muted">No file of this target changes.</p>}
      {diff.files.map((file) => (
        <details key={file.path} open className="rounded-md border border-border">
          <summary className="cursor-pointer px-2 py-1 font-mono text-xs">
            {file.path} <span className="text-success">+{file.added}</span> <span className="text-danger">−{file.removed}</span>
            {file.status !== "changed" && <span className="text-muted"> ({file.status})</span>}
          </summary>
          <pre className="overflow-x-auto border-t border-border text-xs leading-5" aria-label={`Diff of ${file.path}`}>
            {file.hunks.map((hunk) => (
              <code key={`${hunk.oldStart}-${hunk.newStart}`} className="block">
                <span className="block bg-surface-2 px-2 text-muted">{`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`}</span>
                {hunk.lines.map((line, index) => (
                  <span key={index} data-line={line.kind} className={`block px-2 ${LINE_STYLE[line.kind]}`}>
                    {LINE_MARK[line.kind]}
                    {line.text}
                  </span>
                ))}
              </code>
            ))}
          </pre>
        </details>
      ))}
      {diff.unchangedFiles > 0 && <p className="text-xs text-muted">{count(diff.unchangedFiles, "other file")} unchanged.</p>}
    </div>
  );
}

import type { TAuditEventView } from "@/lib/audit/schemas";
import { cn } from "@/lib/ui/cn";
import { diffTopLevelKeys, type TKeyDiff } from "./json-diff";

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? "null";
}

function Side({ title, value, diff, side }: { title: string; value: unknown; diff: TKeyDiff[]; side: "before" | "after" }) {
  const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
  return (
    <section aria-label={title} className="min-w-0 rounded-md border border-border bg-surface">
      <h3 className="border-b border-border bg-surface-2 px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-muted">{title}</h3>
      {value === null || value === undefined ? (
        <p className="px-3 py-2 text-sm text-muted">
          {side === "before" ? "Nothing before: the record was created." : "Nothing recorded."}
        </p>
      ) : !isObject ? (
        <pre className="overflow-x-auto px-3 py-2 font-mono text-xs">{json(value)}</pre>
      ) : (
        <dl className="py-1 font-mono text-xs">
          {diff.map((entry) => {
            const present = side === "before" ? entry.inBefore : entry.inAfter;
            return (
              <div
                key={entry.key}
                data-changed={entry.changed || undefined}
                className={cn(
                  "grid grid-cols-[minmax(6rem,auto)_1fr] gap-2 border-l-2 px-3 py-0.5",
                  entry.changed ? "border-warning bg-warning/10" : "border-transparent",
                )}
              >
                <dt className="text-muted">
                  {entry.key}
                  {entry.changed && <span className="sr-only"> (changed)</span>}
                </dt>
                <dd className="min-w-0 whitespace-pre-wrap break-all">
                  {present ? json(side === "before" ? entry.before : entry.after) : <span className="text-muted">—</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}

/** Before and after side by side, changed keys highlighted, then the event's request id and hashes. */
export function AuditEventDetails({ event }: { event: TAuditEventView }) {
  const diff = diffTopLevelKeys(event.before, event.after);
  return (
    <div className="flex flex-col gap-3">
      <div className="grid gap-3 md:grid-cols-2">
        <Side title="Before" value={event.before} diff={diff} side="before" />
        <Side title="After" value={event.after} diff={diff} side="after" />
      </div>
      <dl className="grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
        <dt className="text-muted">Request id</dt>
        <dd className="break-all font-mono">{event.requestId}</dd>
        <dt className="text-muted">Event hash</dt>
        <dd className="break-all font-mono">{event.hash}</dd>
        <dt className="text-muted">Previous hash</dt>
        <dd className="break-all font-mono">{event.prevHash}</dd>
      </dl>
    </div>
  );
}

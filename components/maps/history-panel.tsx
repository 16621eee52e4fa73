"use client";

import { memo } from "react";
import { formatDistanceToNow } from "date-fns";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useMapHistory } from "@/lib/maps/queries";
import type { TMapEvent } from "@/lib/maps/model/schemas";

const VERBS = { create: "added", update: "changed", delete: "removed" } as const;

function describe(event: TMapEvent): string {
  const [entity, action] = event.kind.split(".") as ["node" | "edge", keyof typeof VERBS];
  const element = (event.after ?? event.before) as { label?: string; protocol?: string; ports?: string } | null;
  const name = entity === "node" ? `node “${element?.label ?? "?"}”` : `flow ${element?.protocol ?? ""} ${element?.ports ?? ""}`.trim();
  return `${VERBS[action]} ${name}`;
}

/** Edits grouped by map version, newest first; any version can be opened to see the map as it was. */
export const HistoryPanel = memo(function HistoryPanel({
  surfaceId,
  viewing,
  onView,
  onClose,
}: {
  surfaceId: string;
  viewing: number | null;
  onView: (version: number | null) => void;
  onClose: () => void;
}) {
  const history = useMapHistory(surfaceId, true);
  const groups = new Map<number, TMapEvent[]>();
  for (const event of history.data?.events ?? []) groups.set(event.mapVersion, [...(groups.get(event.mapVersion) ?? []), event]);
  return (
    <aside
      aria-label="Map history"
      data-testid="history-panel"
      className="flex h-full w-80 shrink-0 flex-col border-l border-border bg-surface"
    >
      <header className="flex items-center justify-between border-b border-border px-4 py-3">
        <h2 className="text-sm font-semibold">History</h2>
        <Button variant="ghost" size="icon" aria-label="Close history" onClick={onClose}>
          <X className="h-4 w-4" />
        </Button>
      </header>
      <div className="flex-1 overflow-y-auto">
        {history.isPending && <p className="p-4 text-sm text-muted">Loading history…</p>}
        {history.isError && (
          <p role="alert" className="p-4 text-sm text-danger">
            The history could not be loaded.
          </p>
        )}
        {history.data && groups.size === 0 && <p className="p-4 text-sm text-muted">No edits yet.</p>}
        <ol>
          {[...groups].map(([version, events]) => (
            <li key={version} className={`border-b border-border px-4 py-2 ${viewing === version ? "bg-surface-2" : ""}`}>
              <div className="flex items-center justify-between gap-2">
                <p className="text-xs text-muted">
                  v{version} · {events[0]!.actor?.name ?? "System"} ·{" "}
                  <time dateTime={events[0]!.createdAt}>{formatDistanceToNow(new Date(events[0]!.createdAt), { addSuffix: true })}</time>
                </p>
                <Button
                  variant="ghost"
                  size="sm"
                  className="h-6 px-2 text-xs"
                  onClick={() => onView(version === history.data?.version ? null : version)}
                  aria-label={`Show the map at version ${version}`}
                >
                  Show
                </Button>
              </div>
              <ul className="mt-1 space-y-0.5 text-sm">
                {events.slice(0, 6).map((event) => (
                  <li key={`${event.kind}-${event.entityId}`}>{describe(event)}</li>
                ))}
                {events.length > 6 && <li className="text-xs text-muted">and {events.length - 6} more</li>}
              </ul>
            </li>
          ))}
        </ol>
      </div>
    </aside>
  );
});

"use client";

import { Card } from "@/components/ui/card";
import type { TMeetingItem } from "@/lib/cab/service";
import { STATE_LABELS } from "@/lib/changes/lifecycle";
import { formatCabOutcome } from "@/lib/ui/labels";

function itemStatus(item: TMeetingItem): string {
  const state = item.retrospective
    ? "Emergency review"
    : item.change.state === "CAB_REVIEW"
      ? "Awaiting decision"
      : item.change.state === "EMERGENCY"
        ? "Emergency, awaiting approval"
        : STATE_LABELS[item.change.state].toLowerCase();
  if (!item.outcome) return state;
  const outcome =
    item.outcome === "CARRIED" && item.carriedTo ? `carried to ${item.carriedTo.title}` : formatCabOutcome(item.outcome).toLowerCase();
  return `${state} · ${outcome}`;
}

/** The meeting's agenda: one button per item, the current one marked for screen readers. */
export function AgendaList({
  items,
  currentId,
  onSelect,
}: {
  items: TMeetingItem[];
  currentId: string;
  onSelect: (index: number) => void;
}) {
  return (
    <Card className="content-start lg:col-span-1">
      <h2 className="mb-2 font-semibold">Agenda</h2>
      <ol className="grid gap-1" aria-label="Agenda">
        {items.map((candidate, position) => (
          <li key={candidate.id}>
            <button
              type="button"
              onClick={() => onSelect(position)}
              aria-current={candidate.id === currentId ? "step" : undefined}
              className={`w-full rounded-md px-2 py-1.5 text-left text-sm ${candidate.id === currentId ? "bg-accent/10 font-medium" : "hover:bg-surface-2"}`}
            >
              {position + 1}. #{candidate.change.number} {candidate.change.title}
              <span className="block text-xs text-muted">{itemStatus(candidate)}</span>
            </button>
          </li>
        ))}
      </ol>
    </Card>
  );
}

"use client";

import { addMonths, eachDayOfInterval, endOfMonth, endOfWeek, format, isSameMonth, startOfMonth, startOfWeek } from "date-fns";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Card } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { LabelledSelect } from "@/components/ui/labelled-select";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useCreateBlackout, useDeleteBlackout } from "@/lib/change-policy/queries";
import { useChangeCalendar, type TCalendar } from "@/lib/changes/queries";
import { cn } from "@/lib/ui/cn";

const overlapsDay = (day: Date, start: string, end: string) =>
  new Date(start) < new Date(day.getTime() + 86_400_000) && new Date(end) > day;

export function ChangeCalendar({ canManage, surfaces }: { canManage: boolean; surfaces: Array<{ id: string; name: string }> }) {
  const [month, setMonth] = useState(() => startOfMonth(new Date()));
  const from = startOfWeek(month, { weekStartsOn: 1 });
  const to = endOfWeek(endOfMonth(month), { weekStartsOn: 1 });
  const query = useChangeCalendar(from.toISOString(), to.toISOString());
  const days = eachDayOfInterval({ start: from, end: to });
  const [blackout, setBlackout] = useState({ name: "", startsAt: "", endsAt: "", surfaceId: "" });
  const createBlackout = useCreateBlackout();
  const [removing, setRemoving] = useState<TCalendar["blackouts"][number] | null>(null);
  const deleteBlackout = useDeleteBlackout();
  const when = (blackout: TCalendar["blackouts"][number]) =>
    `${format(new Date(blackout.startsAt), "d MMM yyyy HH:mm")} – ${format(new Date(blackout.endsAt), "d MMM yyyy HH:mm")}`;
  return (
    <div className="grid gap-3">
      {canManage && (
        <Card>
          <h2 className="mb-3 font-semibold">Add a blackout window</h2>
          <form
            className="grid gap-3 sm:grid-cols-5 sm:items-end"
            onSubmit={(event) => {
              event.preventDefault();
              createBlackout.mutate(
                {
                  name: blackout.name,
                  startsAt: new Date(blackout.startsAt).toISOString(),
                  endsAt: new Date(blackout.endsAt).toISOString(),
                  surfaceId: blackout.surfaceId || null,
                },
                { onSuccess: () => setBlackout({ name: "", startsAt: "", endsAt: "", surfaceId: "" }) },
              );
            }}
          >
            <Field label="Blackout name">
              {(props) => (
                <Input {...props} value={blackout.name} onChange={(event) => setBlackout({ ...blackout, name: event.target.value })} />
              )}
            </Field>
            <Field label="Starts">
              {(props) => (
                <Input
                  {...props}
                  type="datetime-local"
                  value={blackout.startsAt}
                  onChange={(event) => setBlackout({ ...blackout, startsAt: event.target.value })}
                />
              )}
            </Field>
            <Field label="Ends">
              {(props) => (
                <Input
                  {...props}
                  type="datetime-local"
                  value={blackout.endsAt}
                  onChange={(event) => setBlackout({ ...blackout, endsAt: event.target.value })}
                />
              )}
            </Field>
            <LabelledSelect
              label="Applies to"
              placeholder="Every surface"
              value={blackout.surfaceId}
              onChange={(event) => setBlackout({ ...blackout, surfaceId: event.target.value })}
              options={surfaces.map((surface) => ({ value: surface.id, label: surface.name }))}
            />
            <Button type="submit" disabled={!blackout.name || !blackout.startsAt || !blackout.endsAt || createBlackout.isPending}>
              Add blackout
            </Button>
          </form>
        </Card>
      )}
      <div className="flex items-center gap-2">
        <Button size="sm" variant="secondary" onClick={() => setMonth(addMonths(month, -1))} aria-label="Previous month">
          Previous
        </Button>
        <h2 className="min-w-40 text-center font-semibold" aria-live="polite">
          {format(month, "MMMM yyyy")}
        </h2>
        <Button size="sm" variant="secondary" onClick={() => setMonth(addMonths(month, 1))} aria-label="Next month">
          Next
        </Button>
      </div>
      {query.isError ? (
        <EmptyState title="The calendar could not be loaded" description={query.error.message} />
      ) : (
        <div
          className="grid grid-cols-7 gap-px overflow-hidden rounded-lg border border-border bg-border text-xs"
          aria-busy={query.isPending}
        >
          {["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((name) => (
            <div key={name} className="bg-surface-2 px-2 py-1 font-medium text-muted">
              {name}
            </div>
          ))}
          {days.map((day) => {
            const blackouts = query.data?.blackouts.filter((blackout) => overlapsDay(day, blackout.startsAt, blackout.endsAt)) ?? [];
            const changes =
              query.data?.changes.filter(
                (change) => change.windowStart && overlapsDay(day, change.windowStart, change.windowEnd ?? change.windowStart),
              ) ?? [];
            return (
              <div
                key={day.toISOString()}
                className={cn(
                  "min-h-24 bg-surface p-1",
                  !isSameMonth(day, month) && "bg-surface-2",
                  // A blackout day is marked by a red edge, not a tinted background that costs its text contrast.
                  blackouts.length > 0 && "shadow-[inset_3px_0_0_var(--danger)]",
                )}
              >
                <div className="mb-1 text-muted">{format(day, "d")}</div>
                {blackouts.map((blackout) => (
                  <div
                    key={blackout.id}
                    className="mb-0.5 truncate rounded border border-danger/50 bg-surface px-1 text-danger"
                    title={blackout.name}
                  >
                    Blackout: {blackout.name}
                    {blackout.surfaceName ? ` (${blackout.surfaceName})` : ""}
                  </div>
                ))}
                {changes.map((change) => (
                  <Link
                    key={change.id}
                    href={`/changes/${change.id}`}
                    className="mb-0.5 block min-h-6 truncate rounded border border-accent/40 bg-surface px-1 leading-6 text-accent hover:underline"
                    title={change.title}
                  >
                    #{change.number} {change.title}
                  </Link>
                ))}
              </div>
            );
          })}
        </div>
      )}
      {canManage && query.data && (
        <Card>
          <h2 className="mb-2 font-semibold">Blackout windows this month</h2>
          {query.data.blackouts.length === 0 ? (
            <p className="text-sm text-muted">No blackout window falls in {format(month, "MMMM yyyy")}.</p>
          ) : (
            <ul className="divide-y divide-border text-sm" aria-label="Blackout windows this month">
              {query.data.blackouts.map((blackout) => (
                <li key={blackout.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">{blackout.name}</span>{" "}
                    <span className="text-muted">
                      · {blackout.surfaceName ?? "every surface"} · {when(blackout)}
                    </span>
                  </span>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setRemoving(blackout)}
                    aria-label={`Delete blackout ${blackout.name}`}
                  >
                    Delete
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </Card>
      )}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => !open && setRemoving(null)}
        title={`Delete the blackout "${removing?.name ?? ""}"?`}
        description={
          removing
            ? `Changes may then be scheduled ${removing.surfaceName ? `on ${removing.surfaceName} ` : ""}between ${when(removing)}. The deletion is recorded in the audit trail.`
            : ""
        }
        confirmLabel="Delete blackout"
        pending={deleteBlackout.isPending}
        onConfirm={() => removing && deleteBlackout.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      />
    </div>
  );
}

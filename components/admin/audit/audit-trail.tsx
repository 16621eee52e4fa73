"use client";

import { Fragment, useState, type FormEvent } from "react";
import { ChevronDown, ChevronRight } from "lucide-react";
import { useUsers } from "@/lib/users/queries";
import { Button } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { Table, Td, Th } from "@/components/ui/table";
import { formatUtc } from "@/components/ui/format";
import { useAuditEvents, type TAuditFilters } from "@/lib/audit/queries";
import { AuditEventDetails } from "./audit-event-details";
import { VerifyChain } from "./verify-chain";
import { QueryStates } from "@/components/ui/query-state";

type TDraft = { action: string; entityType: string; entityId: string; actorId: string; from: string; to: string };
const EMPTY: TDraft = { action: "", entityType: "", entityId: "", actorId: "", from: "", to: "" };

/** Dates are whole UTC days: "to" includes the whole of its day. */
function toFilters(draft: TDraft): TAuditFilters {
  const text = (value: string) => value.trim() || undefined;
  return {
    action: text(draft.action),
    entityType: text(draft.entityType),
    entityId: text(draft.entityId),
    actorId: draft.actorId || undefined,
    from: draft.from ? `${draft.from}T00:00:00.000Z` : undefined,
    to: draft.to ? `${draft.to}T23:59:59.999Z` : undefined,
  };
}

export function AuditTrail() {
  const [draft, setDraft] = useState<TDraft>(EMPTY);
  const [filters, setFilters] = useState<TAuditFilters>({});
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const events = useAuditEvents(filters);
  const people = useUsers({});
  const rows = events.data?.pages.flatMap((page) => page.events) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  const set = (key: keyof TDraft) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [key]: event.target.value }));

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(toFilters(draft));
  }

  function reset() {
    setDraft(EMPTY);
    setFilters({});
  }

  function toggle(id: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change in Concord, newest first. Events are hash-chained and the database refuses to alter them."
        actions={<VerifyChain />}
      />
      <form role="search" aria-label="Filter audit events" onSubmit={apply} className="mb-4 rounded-lg border border-border bg-surface p-4">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Field label="Action starts with">
            {(props) => <Input {...props} placeholder="user. or token.revoke" value={draft.action} onChange={set("action")} />}
          </Field>
          <Field label="Entity type">
            {(props) => <Input {...props} placeholder="User, ApiToken, Session…" value={draft.entityType} onChange={set("entityType")} />}
          </Field>
          <Field label="Entity id">
            {(props) => <Input {...props} className="font-mono" value={draft.entityId} onChange={set("entityId")} />}
          </Field>
          <Field label="Actor">
            {(props) => (
              <Select {...props} value={draft.actorId} onChange={set("actorId")}>
                <option value="">Anyone</option>
                {(people.data ?? []).map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name} ({person.email})
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="From (UTC day)">{(props) => <Input {...props} type="date" value={draft.from} onChange={set("from")} />}</Field>
          <Field label="To (UTC day, inclusive)">{(props) => <Input {...props} type="date" value={draft.to} onChange={set("to")} />}</Field>
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={reset} disabled={!filtered && draft === EMPTY}>
            Reset
          </Button>
          <Button type="submit">Apply filters</Button>
        </div>
      </form>

      <QueryStates query={events} loading="Loading events…" failed="The audit trail could not be loaded">
        {() =>
          rows.length === 0 ? (
            <EmptyState
              title={filtered ? "No event matches these filters" : "No events yet"}
              description={filtered ? "Widen the dates or clear a filter." : "Events appear here as soon as anything changes."}
              action={
                filtered ? (
                  <Button variant="secondary" onClick={reset}>
                    Reset filters
                  </Button>
                ) : undefined
              }
            />
          ) : (
            <>
              <Table aria-label="Audit events">
                <thead>
                  <tr>
                    <Th className="w-10">
                      <span className="sr-only">Details</span>
                    </Th>
                    <Th>#</Th>
                    <Th>When</Th>
                    <Th>Actor</Th>
                    <Th>Action</Th>
                    <Th>Entity</Th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((event) => {
                    const open = expanded.has(event.id);
                    return (
                      <Fragment key={event.id}>
                        <tr data-testid="audit-row" className={open ? "bg-surface-2/60" : undefined}>
                          <Td className="py-1.5">
                            <Button
                              variant="ghost"
                              size="icon"
                              className="h-7 w-7"
                              aria-expanded={open}
                              aria-controls={`audit-details-${event.id}`}
                              aria-label={`${open ? "Hide" : "Show"} details of event ${event.id}`}
                              onClick={() => toggle(event.id)}
                            >
                              {open ? <ChevronDown aria-hidden className="h-4 w-4" /> : <ChevronRight aria-hidden className="h-4 w-4" />}
                            </Button>
                          </Td>
                          <Td className="tabular-nums text-muted">{event.id}</Td>
                          <Td className="whitespace-nowrap tabular-nums">
                            <time dateTime={event.createdAt}>{formatUtc(event.createdAt)}</time>
                          </Td>
                          <Td className="max-w-64 truncate" title={event.actorLabel}>
                            {event.actorLabel}
                          </Td>
                          <Td>
                            <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs">{event.action}</code>
                          </Td>
                          <Td>
                            <span className="font-medium">{event.entityType}</span>{" "}
                            <span className="break-all font-mono text-xs text-muted">{event.entityId}</span>
                          </Td>
                        </tr>
                        {open && (
                          <tr id={`audit-details-${event.id}`}>
                            <Td colSpan={6} className="bg-bg px-4 py-3">
                              <AuditEventDetails event={event} />
                            </Td>
                          </tr>
                        )}
                      </Fragment>
                    );
                  })}
                </tbody>
              </Table>
              <div className="mt-4 flex items-center justify-between gap-4 text-sm text-muted">
                <p role="status">
                  {rows.length} {rows.length === 1 ? "event" : "events"} shown
                  {events.hasNextPage ? "" : filtered ? ", every one that matches" : ", back to the first event"}
                </p>
                {events.hasNextPage && (
                  <Button variant="secondary" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                    {events.isFetchingNextPage ? "Loading…" : "Load more"}
                  </Button>
                )}
              </div>
            </>
          )
        }
      </QueryStates>
    </>
  );
}

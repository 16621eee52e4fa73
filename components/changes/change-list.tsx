"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { LabelledSelect, optionsOf } from "@/components/ui/labelled-select";
import { Table, Td, Th } from "@/components/ui/table";
import { CHANGE_STATES, STATE_LABELS } from "@/lib/changes/lifecycle";
import { useChangeList } from "@/lib/changes/queries";
import { RiskBadge, StateBadge, TrackBadge, TRACK_LABELS } from "./badges";

const PAGE_SIZE = 25;

export function ChangeList() {
  const [filters, setFilters] = useState({ q: "", state: "", track: "", mine: "" });
  const [page, setPage] = useState(1);
  const query = useChangeList({ ...filters, page: String(page), pageSize: String(PAGE_SIZE) });
  const update = (key: keyof typeof filters, value: string) => {
    setFilters((current) => ({ ...current, [key]: value }));
    setPage(1);
  };
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-4" role="search">
        <Field label="Search">
          {(props) => (
            <Input {...props} placeholder="Title or number" value={filters.q} onChange={(event) => update("q", event.target.value)} />
          )}
        </Field>
        <LabelledSelect
          label="State"
          placeholder="Any state"
          value={filters.state}
          onChange={(event) => update("state", event.target.value)}
          options={CHANGE_STATES.map((state) => ({ value: state, label: STATE_LABELS[state] }))}
        />
        <LabelledSelect
          label="Track"
          placeholder="Any track"
          value={filters.track}
          onChange={(event) => update("track", event.target.value)}
          options={optionsOf(TRACK_LABELS)}
        />
        <LabelledSelect
          label="Requester"
          placeholder="Anyone"
          value={filters.mine}
          onChange={(event) => update("mine", event.target.value)}
          options={[{ value: "true", label: "Mine" }]}
        />
      </div>
      {query.isError ? (
        <EmptyState
          title="The changes could not be loaded"
          description={query.error.message}
          action={
            <Button variant="secondary" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        />
      ) : query.isPending ? (
        <p className="text-sm text-muted" role="status">
          Loading changes…
        </p>
      ) : query.data.changes.length === 0 ? (
        <EmptyState title="No changes match" description="Clear the filters or propose a new change." />
      ) : (
        <>
          <Table aria-label="Changes">
            <thead>
              <tr>
                <Th>#</Th>
                <Th>Title</Th>
                <Th>State</Th>
                <Th>Track</Th>
                <Th>Risk</Th>
                <Th>Surfaces</Th>
                <Th>Requester</Th>
                <Th>Created</Th>
              </tr>
            </thead>
            <tbody>
              {query.data.changes.map((change) => (
                <tr key={change.id} className="hover:bg-surface-2">
                  <Td className="text-muted">{change.number}</Td>
                  <Td>
                    <Link className="font-medium text-accent hover:underline" href={`/changes/${change.id}`}>
                      {change.title}
                    </Link>
                  </Td>
                  <Td>
                    <StateBadge state={change.state} />
                  </Td>
                  <Td>
                    <TrackBadge track={change.track} />
                  </Td>
                  <Td>{change.track ? <RiskBadge score={change.riskScore} /> : "—"}</Td>
                  <Td className="text-muted">{change.surfaces.map((surface) => surface.name).join(", ")}</Td>
                  <Td>{change.requester.name}</Td>
                  <Td className="whitespace-nowrap text-muted">{new Date(change.createdAt).toLocaleDateString()}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="flex items-center justify-between text-sm text-muted">
            <span>
              {total} changes · page {page} of {pages}
            </span>
            <div className="flex gap-2">
              <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </div>
          </div>
        </>
      )}
    </div>
  );
}

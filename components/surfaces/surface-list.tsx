"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { Download, Plus, Upload } from "lucide-react";
import type { Team } from "@/lib/db/generated/enums.ts";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { LabelledSelect, optionsOf } from "@/components/ui/labelled-select";
import { Table, Td, Th } from "@/components/ui/table";
import { TEAM_LABELS } from "@/lib/ui/labels";
import { ApiRequestError } from "@/lib/api/client";
import { surfaceExportUrl, useImportSurfaces, useSurfaceList, type TListFilters } from "@/lib/surfaces/queries";
import type { TPerson } from "@/lib/surfaces/schemas";
import { CLASSIFICATION_LABELS, CRITICALITY_LABELS, ClassificationBadge, CriticalityBadge, STATUS_LABELS, StatusBadge } from "./labels";

type TFilters = {
  q: string;
  status: string;
  classification: string;
  criticality: string;
  netopsOwnerId: string;
  secopsOwnerId: string;
  tag: string;
  waiting: boolean;
  sort: string;
  order: "asc" | "desc";
};

const EMPTY: TFilters = {
  q: "",
  status: "",
  classification: "",
  criticality: "",
  netopsOwnerId: "",
  secopsOwnerId: "",
  tag: "",
  waiting: false,
  sort: "updatedAt",
  order: "desc",
};
const PAGE_SIZE = 25;

function SortHeader({
  field,
  filters,
  onSort,
  children,
}: {
  field: string;
  filters: Pick<TFilters, "sort" | "order">;
  onSort: (field: string) => void;
  children: string;
}) {
  const active = filters.sort === field;
  return (
    <Th aria-sort={active ? (filters.order === "asc" ? "ascending" : "descending") : "none"}>
      <button type="button" className="font-medium hover:text-fg" onClick={() => onSort(field)}>
        {children}
        {active ? (filters.order === "asc" ? " ↑" : " ↓") : ""}
      </button>
    </Th>
  );
}

export function SurfaceList({
  people,
  actorTeam,
  canWrite,
  initialWaiting,
}: {
  people: TPerson[];
  actorTeam: Team;
  canWrite: boolean;
  initialWaiting: boolean;
}) {
  const [filters, setFilters] = useState<TFilters>({ ...EMPTY, waiting: initialWaiting });
  const [page, setPage] = useState(1);
  const set = (patch: Partial<TFilters>) => {
    setFilters((current) => ({ ...current, ...patch }));
    setPage(1);
  };
  const peopleOf = (team: Team) =>
    people.filter((person) => person.team === team).map((person) => ({ value: person.id, label: person.name }));
  const queryFilters: TListFilters = {
    q: filters.q.trim() || undefined,
    status: filters.status || undefined,
    classification: filters.classification || undefined,
    criticality: filters.criticality || undefined,
    netopsOwnerId: filters.netopsOwnerId || undefined,
    secopsOwnerId: filters.secopsOwnerId || undefined,
    tag: filters.tag.trim() || undefined,
    waiting: filters.waiting ? "true" : undefined,
    sort: filters.sort,
    order: filters.order,
  };
  const list = useSurfaceList({ ...queryFilters, page, pageSize: PAGE_SIZE });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  const signsOff = actorTeam === "NETOPS" || actorTeam === "SECOPS";
  const importer = useImportSurfaces();
  const fileInput = useRef<HTMLInputElement>(null);

  async function importFile(file: File) {
    try {
      const parsed = JSON.parse(await file.text()) as unknown;
      const records = Array.isArray(parsed) ? parsed : (parsed as { surfaces?: unknown }).surfaces;
      if (!Array.isArray(records)) throw new Error("The file must hold a list of surfaces (as exported).");
      const result = await importer.mutateAsync(records);
      toast.success(`Imported ${result.imported} surface${result.imported === 1 ? "" : "s"} as drafts.`);
    } catch (error) {
      if (error instanceof ApiRequestError && error.fields.length > 0) {
        toast.error(error.message, {
          description: error.fields
            .slice(0, 8)
            .map((field) => `${field.path}: ${field.message}`)
            .join("\n"),
          duration: 15_000,
        });
      } else {
        toast.error(error instanceof Error ? error.message : "The import failed.");
      }
    } finally {
      if (fileInput.current) fileInput.current.value = "";
    }
  }

  const toggleSort = (field: string) =>
    set(
      filters.sort === field
        ? { order: filters.order === "asc" ? "desc" : "asc" }
        : { sort: field, order: field === "updatedAt" ? "desc" : "asc" },
    );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Quick filters">
          <Button
            variant={filters.waiting ? "primary" : "secondary"}
            size="sm"
            aria-pressed={filters.waiting}
            disabled={!signsOff}
            onClick={() => set({ waiting: !filters.waiting })}
          >
            Waiting on my team{signsOff ? ` (${TEAM_LABELS[actorTeam]})` : ""}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => set({ ...EMPTY })}>
            Clear filters
          </Button>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" asChild>
            <a href={surfaceExportUrl(queryFilters, "csv")} download>
              <Download aria-hidden className="h-4 w-4" /> CSV
            </a>
          </Button>
          <Button variant="secondary" size="sm" asChild>
            <a href={surfaceExportUrl(queryFilters, "json")} download>
              <Download aria-hidden className="h-4 w-4" /> JSON
            </a>
          </Button>
          {canWrite && (
            <>
              <input
                ref={fileInput}
                type="file"
                accept="application/json,.json"
                className="sr-only"
                aria-label="Import surfaces from a JSON file"
                onChange={(event) => event.target.files?.[0] && void importFile(event.target.files[0])}
              />
              <Button variant="secondary" size="sm" onClick={() => fileInput.current?.click()} disabled={importer.isPending}>
                <Upload aria-hidden className="h-4 w-4" /> {importer.isPending ? "Importing…" : "Import JSON"}
              </Button>
              <Button size="sm" asChild>
                <Link href="/surfaces/new">
                  <Plus aria-hidden className="h-4 w-4" /> New surface
                </Link>
              </Button>
            </>
          )}
        </div>
      </div>

      <div className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-surface p-3">
        <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-muted">
          Search
          <Input
            type="search"
            placeholder="Name, purpose or tag"
            value={filters.q}
            onChange={(event) => set({ q: event.target.value })}
            className="text-fg"
          />
        </label>
        <LabelledSelect
          variant="filter"
          placeholder="Any"
          label="State"
          value={filters.status}
          onChange={(event) => set({ status: event.target.value })}
          options={optionsOf(STATUS_LABELS)}
        />
        <LabelledSelect
          variant="filter"
          placeholder="Any"
          label="Classification"
          value={filters.classification}
          onChange={(event) => set({ classification: event.target.value })}
          options={optionsOf(CLASSIFICATION_LABELS)}
        />
        <LabelledSelect
          variant="filter"
          placeholder="Any"
          label="Criticality"
          value={filters.criticality}
          onChange={(event) => set({ criticality: event.target.value })}
          options={optionsOf(CRITICALITY_LABELS)}
        />
        <LabelledSelect
          variant="filter"
          placeholder="Any"
          label="NetOps owner"
          value={filters.netopsOwnerId}
          onChange={(event) => set({ netopsOwnerId: event.target.value })}
          options={peopleOf("NETOPS")}
        />
        <LabelledSelect
          variant="filter"
          placeholder="Any"
          label="SecOps owner"
          value={filters.secopsOwnerId}
          onChange={(event) => set({ secopsOwnerId: event.target.value })}
          options={peopleOf("SECOPS")}
        />
        <label className="flex w-32 flex-col gap-1 text-xs font-medium text-muted">
          Tag
          <Input value={filters.tag} onChange={(event) => set({ tag: event.target.value })} placeholder="e.g. pci" className="text-fg" />
        </label>
      </div>

      {list.isError ? (
        <EmptyState
          title="The surfaces could not be loaded"
          description={list.error.message}
          action={<Button onClick={() => void list.refetch()}>Try again</Button>}
        />
      ) : !list.data ? (
        <p className="py-10 text-center text-sm text-muted" role="status">
          Loading surfaces…
        </p>
      ) : list.data.surfaces.length === 0 ? (
        <EmptyState
          title={filters.waiting ? "Nothing is waiting on your team" : "No protect surfaces match"}
          description={
            filters.waiting
              ? "Every surface in review already has your team's sign-off."
              : "Change the filters, or create the first surface with both teams."
          }
        />
      ) : (
        <>
          <Table aria-busy={list.isFetching} aria-label="Protect surfaces">
            <thead>
              <tr>
                <SortHeader field="name" filters={filters} onSort={toggleSort}>
                  Name
                </SortHeader>
                <SortHeader field="status" filters={filters} onSort={toggleSort}>
                  State
                </SortHeader>
                <SortHeader field="classification" filters={filters} onSort={toggleSort}>
                  Classification
                </SortHeader>
                <SortHeader field="criticality" filters={filters} onSort={toggleSort}>
                  Criticality
                </SortHeader>
                <Th>Owners</Th>
                <Th>Waiting on</Th>
                <SortHeader field="updatedAt" filters={filters} onSort={toggleSort}>
                  Updated
                </SortHeader>
              </tr>
            </thead>
            <tbody>
              {list.data.surfaces.map((surface) => (
                <tr key={surface.id} className="hover:bg-surface-2">
                  <Td>
                    <Link href={`/surfaces/${surface.id}`} className="font-medium text-accent hover:underline">
                      {surface.name}
                    </Link>
                    <div className="mt-1 flex flex-wrap gap-1 text-xs text-muted">
                      <span>v{surface.version}</span>
                      <span aria-hidden>·</span>
                      <span>
                        {surface.elementCount} element{surface.elementCount === 1 ? "" : "s"}
                      </span>
                      {surface.tags.map((tag) => (
                        <span key={tag} className="rounded bg-surface-2 px-1.5">
                          {tag}
                        </span>
                      ))}
                    </div>
                  </Td>
                  <Td>
                    <StatusBadge status={surface.status} />
                  </Td>
                  <Td>
                    <ClassificationBadge classification={surface.classification} />
                  </Td>
                  <Td>
                    <CriticalityBadge criticality={surface.criticality} />
                  </Td>
                  <Td className="text-xs">
                    <div>
                      <span className="text-netops">NetOps</span> {surface.netopsOwner?.name ?? <span className="text-muted">unset</span>}
                    </div>
                    <div>
                      <span className="text-secops">SecOps</span> {surface.secopsOwner?.name ?? <span className="text-muted">unset</span>}
                    </div>
                  </Td>
                  <Td className="text-xs">
                    {surface.waitingOn.length ? (
                      surface.waitingOn.map((team) => TEAM_LABELS[team]).join(", ")
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </Td>
                  <Td className="text-xs whitespace-nowrap text-muted">{new Date(surface.updatedAt).toLocaleString()}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
            <p className="text-muted" role="status">
              {list.data.total} surface{list.data.total === 1 ? "" : "s"} · page {page} of {pages}
            </p>
            <div className="flex gap-2">
              <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </Button>
              <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Next
              </Button>
            </div>
          </nav>
        </>
      )}
    </div>
  );
}

"use client";

import { memo, type RefObject } from "react";
import { DropdownMenu } from "radix-ui";
import { Download, History, Keyboard, LayoutGrid, Redo2, Search, Undo2, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { KIND_LABELS, STATUS_LABELS } from "@/lib/maps/model/appearance";
import type { TMapFilter } from "@/lib/maps/canvas/to-react-flow";
import { FLOW_STATUSES, NODE_KINDS, type TFlowMap, type TFlowStatus, type TNodeKind } from "@/lib/maps/model/schemas";
import { cn } from "@/lib/ui/cn";
import { Initials } from "./nodes";
import type { TPresence } from "./use-map-live";

type TProps = {
  map: TFlowMap;
  filter: TMapFilter;
  onFilter: (filter: TMapFilter) => void;
  searchRef: RefObject<HTMLInputElement | null>;
  readOnly: boolean;
  canEdit: boolean;
  live: { status: "connecting" | "live" | "reconnecting"; others: TPresence[] };
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  layoutRunning: boolean;
  onLayout: () => void;
  onExport: (format: "png" | "svg" | "json") => void;
  onImport: () => void;
  showHistory: boolean;
  onToggleHistory: () => void;
  onShortcuts: () => void;
};

const menuItem = "flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-surface-2";

export const MapToolbar = memo(function MapToolbar({ searchRef, ...props }: TProps) {
  const { map, filter, onFilter, live } = props;
  const zones = map.nodes.filter((node) => node.kind === "ZONE");
  const people = new Map(live.others.map((presence) => [presence.user.id, presence]));
  return (
    <div role="toolbar" aria-label="Map tools" className="flex flex-wrap items-center gap-2 border-b border-border px-3 py-2">
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute left-2 top-2.5 h-4 w-4 text-muted" />
        <Input
          ref={searchRef}
          aria-label="Search the map"
          placeholder="Search labels, IPs, identities"
          className="h-8 w-56 pl-8"
          value={filter.query}
          onChange={(event) => onFilter({ ...filter, query: event.target.value })}
        />
      </div>
      <Select
        aria-label="Filter by status"
        className="h-8 w-32"
        value={filter.statuses[0] ?? ""}
        onChange={(event) => onFilter({ ...filter, statuses: event.target.value ? [event.target.value as TFlowStatus] : [] })}
      >
        <option value="">All statuses</option>
        {FLOW_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Filter by kind"
        className="h-8 w-32"
        value={filter.kinds[0] ?? ""}
        onChange={(event) => onFilter({ ...filter, kinds: event.target.value ? [event.target.value as TNodeKind] : [] })}
      >
        <option value="">All kinds</option>
        {NODE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Filter by zone"
        className="h-8 w-36"
        value={filter.zoneId ?? ""}
        onChange={(event) => onFilter({ ...filter, zoneId: event.target.value || null })}
      >
        <option value="">All zones</option>
        {zones.map((zone) => (
          <option key={zone.id} value={zone.id}>
            {zone.label}
          </option>
        ))}
      </Select>
      <span className="mx-1 h-6 w-px bg-border" aria-hidden />
      {!props.readOnly && (
        <>
          <Button
            variant="ghost"
            size="icon"
            className="h-8 w-8"
            aria-label="Undo"
            title="Undo (Ctrl+Z)"
            disabled={!props.canUndo}
            onClick={props.onUndo}
          >
            <Undo2 className="h-4 w-4" />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            className="h-8 w-8"
            aria-label="Redo"
            title="Redo (Ctrl+Shift+Z)"
            disabled={!props.canRedo}
            onClick={props.onRedo}
          >
            <Redo2 className="h-4 w-4" />
          </Button>
          <Button variant="secondary" size="sm" onClick={props.onLayout} disabled={props.layoutRunning}>
            <LayoutGrid className="h-4 w-4" /> {props.layoutRunning ? "Laying out…" : "Auto layout"}
          </Button>
        </>
      )}
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <Button variant="secondary" size="sm">
            <Download className="h-4 w-4" /> Export
          </Button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            align="start"
            sideOffset={4}
            className="z-50 w-44 rounded-md border border-border bg-surface p-1 text-fg shadow-lg"
          >
            <DropdownMenu.Item className={menuItem} onSelect={() => props.onExport("png")}>
              Image (PNG)
            </DropdownMenu.Item>
            <DropdownMenu.Item className={menuItem} onSelect={() => props.onExport("svg")}>
              Vector (SVG)
            </DropdownMenu.Item>
            <DropdownMenu.Item className={menuItem} onSelect={() => props.onExport("json")}>
              Map file (JSON)
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {props.canEdit && (
        <Button variant="secondary" size="sm" onClick={props.onImport}>
          <Upload className="h-4 w-4" /> Import
        </Button>
      )}
      <Button
        variant={props.showHistory ? "primary" : "secondary"}
        size="sm"
        aria-pressed={props.showHistory}
        onClick={props.onToggleHistory}
      >
        <History className="h-4 w-4" /> History
      </Button>
      <Button
        variant="ghost"
        size="icon"
        className="h-8 w-8"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={props.onShortcuts}
      >
        <Keyboard className="h-4 w-4" />
      </Button>
      <div className="ml-auto flex items-center gap-3">
        <ul aria-label="People on this map" className="flex -space-x-1.5" data-testid="presence">
          {[...people.values()].map((presence) => {
            const element = presence.editing ? (map.nodes.find((node) => node.id === presence.editing)?.label ?? "a flow") : null;
            return (
              <li
                key={presence.user.id}
                aria-label={`${presence.user.name}${element ? `, editing ${element}` : ""}`}
                title={`${presence.user.name}${element ? ` — editing ${element}` : ""}`}
              >
                <Initials name={presence.user.name} team={presence.user.team} />
              </li>
            );
          })}
        </ul>
        <span
          className={cn("inline-flex items-center gap-1.5 text-xs", live.status === "live" ? "text-success" : "text-warning")}
          role="status"
          data-testid="live-status"
        >
          <span aria-hidden className={cn("h-2 w-2 rounded-full", live.status === "live" ? "bg-success" : "bg-warning")} />
          {live.status === "live" ? "Live" : live.status === "connecting" ? "Connecting…" : "Reconnecting…"}
        </span>
        <span className="text-xs text-muted">v{map.version}</span>
      </div>
    </div>
  );
});

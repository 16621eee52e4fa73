"use client";

import { memo, useEffect } from "react";
import {
  Handle,
  NodeResizer,
  Position,
  useStore,
  useUpdateNodeInternals,
  type NodeProps,
  type Node,
  type ReactFlowState,
} from "@xyflow/react";
import { Box, Cog, Database, Globe, Laptop, ShieldCheck, Users, Layers } from "lucide-react";
import { KIND_LABELS } from "@/lib/maps/model/appearance";
import type { TBoundaryData, TFlowNodeData } from "@/lib/maps/canvas/to-react-flow";
import type { TNodeKind } from "@/lib/maps/model/schemas";
import { cn } from "@/lib/ui/cn";

export const KIND_ICONS: Record<TNodeKind, typeof Box> = {
  USER_GROUP: Users,
  DEVICE: Laptop,
  WORKLOAD: Box,
  SERVICE: Cog,
  DATASTORE: Database,
  EXTERNAL: Globe,
  ZONE: Layers,
};

/** Each kind has its own silhouette, so the map reads at a glance even without colour. */
const KIND_SHAPES: Record<Exclude<TNodeKind, "ZONE">, string> = {
  USER_GROUP: "rounded-full px-5",
  DEVICE: "rounded-md border-b-4",
  WORKLOAD: "rounded-sm",
  SERVICE: "rounded-2xl border-double border-4",
  DATASTORE: "rounded-[50%/22%]",
  EXTERNAL: "rounded-lg border-dashed",
};

const CLASSIFICATION_RING = {
  PUBLIC: "ring-success",
  INTERNAL: "ring-accent",
  CONFIDENTIAL: "ring-warning",
  RESTRICTED: "ring-danger",
} as const;

export function Initials({ name, team, className }: { name: string; team: string; className?: string }) {
  const initials = name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();
  return (
    <span
      title={name}
      className={cn(
        "inline-flex h-6 w-6 items-center justify-center rounded-full text-[10px] font-semibold text-white ring-2 ring-surface",
        team === "SECOPS" ? "bg-secops" : team === "NETOPS" ? "bg-netops" : "bg-accent",
        className,
      )}
    >
      {initials}
    </span>
  );
}

function EditorBadges({ editors }: { editors: TFlowNodeData["editors"] }) {
  if (editors.length === 0) return null;
  return (
    <span
      className="absolute -top-3 -right-2 flex -space-x-1"
      aria-label={`Being edited by ${editors.map((editor) => editor.name).join(", ")}`}
    >
      {editors.map((editor) => (
        <Initials key={editor.name} name={editor.name} team={editor.team} />
      ))}
    </span>
  );
}

/** 10px square: globals.css centres handles on the node's side by half that. */
const handleClass = "!h-2.5 !w-2.5 !border-2 !border-surface !bg-accent";

/**
 * Measures a node's handles again when React Flow has lost them. It drops them when it is handed a
 * new object for a node before that node's first measurement came back (a save's echo right after
 * the node was drawn); its size is unchanged, so nothing measures it again, and no flow can then be
 * drawn from or to it. One watcher for the whole canvas: a watcher per node would add hundreds of
 * selectors to every canvas update of a large map.
 */
export function KeepHandlesMeasured() {
  const lost = useStore(nodesWithLostHandles);
  const updateNodeInternals = useUpdateNodeInternals();
  useEffect(() => {
    if (lost) updateNodeInternals(lost.split(" "));
  }, [lost, updateNodeInternals]);
  return null;
}

/** The ids, as one string so that an unchanged answer compares equal. */
function nodesWithLostHandles(state: ReactFlowState): string {
  const ids: string[] = [];
  for (const [id, node] of state.nodeLookup) if (node.measured.width && !node.internals.handleBounds) ids.push(id);
  return ids.join(" ");
}

/**
 * A node view draws only its id, data and selection. React Flow also hands it the node's position,
 * which changes on every move; comparing just these keeps a moved node (a drag, a layout) from
 * drawing its contents again.
 */
function sameNodeView(
  previous: { id: string; data: unknown; selected?: boolean },
  next: { id: string; data: unknown; selected?: boolean },
): boolean {
  return previous.id === next.id && previous.data === next.data && previous.selected === next.selected;
}

export const FlowNodeView = memo(function FlowNodeView({ data, selected }: NodeProps<Node<TFlowNodeData, "flowNode">>) {
  const { node, element, dimmed, editors, readOnly } = data;
  const kind = node.kind as Exclude<TNodeKind, "ZONE">;
  const Icon = KIND_ICONS[kind];
  return (
    <div
      data-testid="map-node"
      data-label={node.label}
      className={cn(
        "relative flex h-[60px] w-[184px] items-center gap-2 border-2 border-border bg-surface px-3 text-fg shadow-sm transition-opacity",
        KIND_SHAPES[kind],
        element && cn("ring-2 ring-offset-2 ring-offset-bg", CLASSIFICATION_RING[element.classification]),
        selected && "border-accent",
        dimmed && "opacity-25",
      )}
    >
      <Handle type="target" position={Position.Left} className={handleClass} isConnectable={!readOnly} />
      <Icon aria-hidden className="h-5 w-5 shrink-0 text-muted" />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-sm font-medium leading-tight">{node.label}</span>
        <span className="block truncate text-[11px] text-muted">
          {element ? (
            <span className="inline-flex items-center gap-1">
              <ShieldCheck aria-hidden className="h-3 w-3" /> {element.classification.toLowerCase()} · member
            </span>
          ) : (
            node.identity || KIND_LABELS[kind]
          )}
        </span>
      </span>
      <Handle type="source" position={Position.Right} className={handleClass} isConnectable={!readOnly} />
      <EditorBadges editors={editors} />
    </div>
  );
}, sameNodeView);

export const ZoneNodeView = memo(function ZoneNodeView({ data, selected }: NodeProps<Node<TFlowNodeData, "zone">>) {
  const { node, dimmed, editors, readOnly } = data;
  return (
    <div
      data-testid="map-zone"
      data-label={node.label}
      className={cn(
        "relative h-full w-full rounded-xl border-2 border-dashed border-muted/60 bg-surface-2/40",
        selected && "border-accent",
        dimmed && "opacity-30",
      )}
    >
      {!readOnly && (
        <NodeResizer
          isVisible={selected}
          minWidth={160}
          minHeight={120}
          lineClassName="!border-accent"
          handleClassName="!h-2.5 !w-2.5 !bg-accent"
        />
      )}
      <Handle type="target" position={Position.Left} className={handleClass} isConnectable={!readOnly} />
      <span className="absolute left-3 top-2 inline-flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted">
        <Layers aria-hidden className="h-3.5 w-3.5" /> {node.label}
      </span>
      <Handle type="source" position={Position.Right} className={handleClass} isConnectable={!readOnly} />
      <EditorBadges editors={editors} />
    </div>
  );
}, sameNodeView);

const BOUNDARY_TONE = {
  PUBLIC: "border-success text-success",
  INTERNAL: "border-accent text-accent",
  CONFIDENTIAL: "border-warning text-warning",
  RESTRICTED: "border-danger text-danger",
} as const;

export const SurfaceBoundaryView = memo(function SurfaceBoundaryView({ data }: NodeProps<Node<TBoundaryData, "surface">>) {
  return (
    <div
      data-testid="surface-boundary"
      className={cn(
        "pointer-events-none h-full w-full rounded-2xl border-[3px] border-double bg-transparent",
        BOUNDARY_TONE[data.classification],
      )}
    >
      <span className="absolute right-3 top-1 inline-flex items-center gap-1 text-xs font-semibold">
        <ShieldCheck aria-hidden className="h-3.5 w-3.5" /> Protect surface · {data.surfaceName} · {data.classification.toLowerCase()}
      </span>
    </div>
  );
}, sameNodeView);

/** Declared once at module level: a new object on each render would make React Flow remount every node. */
export const NODE_TYPES = { flowNode: FlowNodeView, zone: ZoneNodeView, surface: SurfaceBoundaryView };

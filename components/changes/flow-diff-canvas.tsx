"use client";

import { memo, useMemo } from "react";
import { Background, Controls, Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { KIND_ICONS } from "@/components/maps/nodes";
import { LoadFailedState, LoadingState } from "@/components/ui/query-state";
import { flowDiff, type TDiffMark, type TDiffNode, type TDiffSide } from "@/lib/changes/flow-diff";
import type { TChange } from "@/lib/changes/read";
import { useSurfaceMap } from "@/lib/maps/queries";

type TDiffFlowNode = Node<{ node: TDiffNode }, "diffNode">;

const MARK_STYLE: Record<TDiffMark, { stroke: string; dash?: string; width: number; text: string }> = {
  added: { stroke: "#16a34a", width: 2.5, text: "added" },
  changed: { stroke: "#d97706", width: 2.5, text: "changed" },
  removed: { stroke: "#dc2626", dash: "6 4", width: 2.5, text: "removed" },
  unchanged: { stroke: "#9ca3af", width: 1, text: "unchanged" },
};

const DiffNode = memo(function DiffNode({ data }: NodeProps<TDiffFlowNode>) {
  const Icon = KIND_ICONS[data.node.kind];
  return (
    <div className="flex h-full w-full items-center gap-2 rounded-md border border-border bg-surface px-3 text-xs shadow-sm" data-testid="diff-node" data-label={data.node.label} title={data.node.label}>
      <Handle type="target" position={Position.Left} className="!opacity-0" isConnectable={false} />
      <Icon aria-hidden className="h-4 w-4 text-muted" />
      <span className="truncate font-medium">{data.node.label}</span>
      <Handle type="source" position={Position.Right} className="!opacity-0" isConnectable={false} />
    </div>
  );
});

const nodeTypes = { diffNode: DiffNode };
/** Fixed sizes: the view fits every node at once, before the browser has measured any of them. */
const NODE_SIZE = { width: 180, height: 40 };

function toCanvas(side: TDiffSide): { nodes: TDiffFlowNode[]; edges: Edge[] } {
  return {
    nodes: side.nodes.map((node) => ({ id: node.id, type: "diffNode", position: { x: node.x, y: node.y }, ...NODE_SIZE, data: { node }, draggable: false, connectable: false, selectable: false })),
    edges: side.edges.map((edge) => {
      const style = MARK_STYLE[edge.mark];
      const fields = edge.changedFields.length ? ` (${edge.changedFields.join(", ")})` : "";
      return {
        id: edge.id,
        source: edge.sourceId,
        target: edge.targetId,
        label: edge.mark === "unchanged" ? edge.label : `${style.text}: ${edge.label}${fields}`,
        ariaLabel: `Flow ${style.text}: ${edge.label}${fields}`,
        data: { mark: edge.mark },
        className: `diff-edge-${edge.mark}`,
        style: { stroke: style.stroke, strokeWidth: style.width, strokeDasharray: style.dash },
        labelStyle: { fill: style.stroke, fontSize: 11, fontWeight: edge.mark === "unchanged" ? 400 : 600 },
        labelBgStyle: { fill: "var(--color-surface, #fff)" },
        markerEnd: { type: MarkerType.ArrowClosed, color: style.stroke },
        selectable: false,
        focusable: true,
      };
    }),
  };
}

function DiffPane({ title, side }: { title: string; side: TDiffSide }) {
  const canvas = useMemo(() => toCanvas(side), [side]);
  const marked = side.edges.filter((edge) => edge.mark !== "unchanged");
  return (
    <figure className="min-w-0 flex-1" data-testid={`flow-diff-${title.toLowerCase()}`}>
      <figcaption className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">{title}</figcaption>
      <div className="h-72 rounded-md border border-border bg-surface-2" role="group" aria-label={`${title}: ${marked.length ? marked.map((edge) => `${MARK_STYLE[edge.mark].text} ${edge.label}`).join("; ") : "no flows touched"}`}>
        {side.nodes.length === 0 ? (
          <p className="flex h-full items-center justify-center text-sm text-muted">No flows here.</p>
        ) : (
          <ReactFlow nodes={canvas.nodes} edges={canvas.edges} nodeTypes={nodeTypes} fitView fitViewOptions={{ padding: 0.25 }} nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} proOptions={{ hideAttribution: true }} minZoom={0.2}>
            <Background gap={24} size={1} />
            <Controls showInteractive={false} position="bottom-right" />
          </ReactFlow>
        )}
      </div>
    </figure>
  );
}

function SurfaceDiff({ surface, operations, applied }: { surface: { id: string; name: string }; operations: TChange["operations"]; applied: boolean }) {
  const map = useSurfaceMap(surface.id);
  const diff = useMemo(() => (map.data ? flowDiff(map.data, operations, applied) : null), [map.data, operations, applied]);
  if (map.isPending) return <LoadingState label={`Loading the map of ${surface.name}…`} />;
  if (map.isError) return <LoadFailedState title={`The map of ${surface.name} could not be loaded`} error={map.error} onRetry={() => void map.refetch()} />;
  return (
    <section aria-label={`Flow diff on ${surface.name}`} className="grid gap-2">
      <h3 className="text-sm font-medium">{surface.name}</h3>
      {diff!.missing.length > 0 && (
        <p role="alert" className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-sm">
          No longer on the map, so this change cannot apply as written: {diff!.missing.join("; ")}. Edit the change.
        </p>
      )}
      <div className="flex flex-col gap-3 lg:flex-row">
        <DiffPane title="Before" side={diff!.before} />
        <DiffPane title="After" side={diff!.after} />
      </div>
    </section>
  );
}

/** Before and after, side by side on the canvas, for every surface a change touches. */
export function FlowDiffCanvas({ change }: { change: Pick<TChange, "operations" | "surfaces" | "state"> }) {
  const applied = change.state === "VERIFIED" || change.state === "CLOSED";
  const bySurface = change.surfaces
    .map((surface) => ({ surface, operations: change.operations.filter((operation) => operation.surfaceId === surface.id) }))
    .filter((entry) => entry.operations.length > 0);
  if (bySurface.length === 0) return null;
  return (
    <div className="grid gap-4" data-testid="flow-diff-canvas">
      <ul className="flex flex-wrap gap-3 text-xs text-muted" aria-label="Diff legend">
        {(["added", "changed", "removed", "unchanged"] as const).map((mark) => (
          <li key={mark} className="flex items-center gap-1.5">
            <svg aria-hidden width="24" height="6"><line x1="0" y1="3" x2="24" y2="3" stroke={MARK_STYLE[mark].stroke} strokeWidth={MARK_STYLE[mark].width} strokeDasharray={MARK_STYLE[mark].dash} /></svg>
            {mark === "unchanged" ? "other flows between the same nodes" : `${MARK_STYLE[mark].text} flow`}
          </li>
        ))}
      </ul>
      {bySurface.map(({ surface, operations }) => <SurfaceDiff key={surface.id} surface={surface} operations={operations} applied={applied} />)}
    </div>
  );
}

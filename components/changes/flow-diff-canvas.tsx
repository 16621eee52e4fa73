"use client";

import Link from "next/link";
import { useEffect, useMemo } from "react";
import { Background, MarkerType, ReactFlow, useReactFlow, useStore, type FitViewOptions } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { HIDE_HANDLES, READ_ONLY_CANVAS, ThemedControls, useCanvasColorMode } from "@/components/maps/canvas-chrome";
import { LegendLine } from "@/components/maps/panels";
import { KeepHandlesMeasured, NODE_TYPES } from "@/components/maps/nodes";
import { LoadFailedState, LoadingState } from "@/components/ui/query-state";
import { flowDiff, operationsBySurface, type TDiffEdge, type TMissingFlow } from "@/lib/changes/flow-diff";
import type { TChange } from "@/lib/changes/read";
import { toReactFlow, type TRfNode } from "@/lib/maps/canvas/to-react-flow";
import { NODE_SIZE } from "@/lib/maps/model/geometry";
import { useSurfaceMap } from "@/lib/maps/queries";
import { cn } from "@/lib/ui/cn";
import type { TFlowMap } from "@/lib/maps/model/schemas";
import { DIFF_EDGE_TYPES, fieldList, MARK_LOOK, type TDiffRfEdge } from "./diff-edge";

type TSide = "Before" | "After";

const describeEdge = (edge: TDiffEdge, labels: ReadonlyMap<string, string>) =>
  `${edge.mark === "unchanged" ? "Unchanged flow" : `${MARK_LOOK[edge.mark].text} flow`} ${labels.get(edge.sourceId) ?? "?"} → ${labels.get(edge.targetId) ?? "?"}: ${edge.label}${edge.changedFields.length ? `; changed ${fieldList(edge.changedFields)}` : ""}`;

function toEdges(edges: TDiffEdge[], labels: ReadonlyMap<string, string>): TDiffRfEdge[] {
  return edges.map((edge) => ({
    id: edge.id,
    type: "diff",
    source: edge.sourceId,
    target: edge.targetId,
    data: { mark: edge.mark, label: edge.label, changedFields: edge.changedFields },
    ariaLabel: describeEdge(edge, labels),
    markerEnd: { type: MarkerType.ArrowClosed, color: MARK_LOOK[edge.mark].stroke, width: 16, height: 16 },
    selectable: false,
    deletable: false,
    focusable: true,
    zIndex: edge.mark === "unchanged" ? 0 : 1,
  }));
}

/** The pane's width settles after the page around it lays out; the view follows, so the change stays in frame. */
function FitOnResize({ options }: { options: FitViewOptions }) {
  const { fitView } = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  useEffect(() => {
    if (width > 0 && height > 0) void fitView(options);
  }, [fitView, options, width, height]);
  return null;
}

function DiffPane({
  side,
  surfaceName,
  nodes,
  focus,
  edges,
  labels,
}: {
  side: TSide;
  surfaceName: string;
  nodes: TRfNode[];
  focus: string[];
  edges: TDiffEdge[];
  labels: ReadonlyMap<string, string>;
}) {
  const colorMode = useCanvasColorMode();
  const rfEdges = useMemo(() => toEdges(edges, labels), [edges, labels]);
  // Opens on the change's own flows; the rest of the drawing is a zoom-out away.
  const fitViewOptions = useMemo(
    () => ({ padding: 0.25, maxZoom: 0.85, ...(focus.length ? { nodes: focus.map((id) => ({ id })) } : {}) }),
    [focus],
  );
  const marked = edges.filter((edge) => edge.mark !== "unchanged");
  return (
    <figure className="min-w-0 flex-1" data-testid={`flow-diff-${side.toLowerCase()}`}>
      <figcaption className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">{side}</figcaption>
      <p className="sr-only">
        {marked.length
          ? marked.map((edge) => describeEdge(edge, labels)).join(". ")
          : `${side} the change: no flow of this change on this side.`}
      </p>
      <div className={cn("h-96 overflow-hidden rounded-md border border-border bg-surface", HIDE_HANDLES)}>
        <ReactFlow<TRfNode, TDiffRfEdge>
          nodes={nodes}
          edges={rfEdges}
          nodeTypes={NODE_TYPES}
          edgeTypes={DIFF_EDGE_TYPES}
          {...READ_ONLY_CANVAS}
          elementsSelectable={false}
          colorMode={colorMode}
          fitView
          fitViewOptions={fitViewOptions}
          minZoom={0.1}
          aria-label={`${side} the change, ${surfaceName}`}
        >
          <KeepHandlesMeasured />
          <Background gap={24} />
          <ThemedControls position="bottom-right" />
          <FitOnResize options={fitViewOptions} />
        </ReactFlow>
      </div>
    </figure>
  );
}

function MissingFlows({ missing }: { missing: TMissingFlow[] }) {
  return (
    <div role="alert" className="rounded-md border border-warning/50 bg-warning/10 px-3 py-2 text-sm">
      <p className="font-medium">Not on the map any more, so not drawn — the change cannot apply these as written until it is edited:</p>
      <ul className="mt-1 list-disc pl-5">
        {missing.map((entry, index) => (
          <li key={`${entry.flow}-${index}`}>
            {entry.kind === "ADD"
              ? `an end point of the new flow ${entry.flow}`
              : `the flow ${entry.flow} (${entry.kind === "REMOVE" ? "to remove" : "to modify"})`}
          </li>
        ))}
      </ul>
    </div>
  );
}

function SurfaceDiff({
  surface,
  map,
  operations,
  applied,
}: {
  surface: { id: string; name: string };
  map: TFlowMap;
  operations: TChange["operations"];
  applied: boolean;
}) {
  const diff = useMemo(() => flowDiff(map, operations, applied), [map, operations, applied]);
  const labels = useMemo(() => new Map(map.nodes.map((node) => [node.id, node.label])), [map.nodes]);
  // The map's own node views, read-only; flow nodes get their fixed size so the view fits before the browser measures them.
  const nodes = useMemo(
    () =>
      toReactFlow({ ...map, nodes: diff.nodes, edges: [] }, { readOnly: true }).nodes.map(
        (node) => ({ ...node, focusable: false, ...(node.type === "flowNode" ? NODE_SIZE : {}) }) as TRfNode,
      ),
    [map, diff.nodes],
  );
  return (
    <section aria-label={`Flow diff on ${surface.name}`} className="@container grid gap-2" data-testid="surface-flow-diff">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="text-sm font-medium">{surface.name}</h3>
        {diff.trimmed && (
          <p className="text-xs text-muted">
            Only the flows&apos; end points, the flows between them and their zones.{" "}
            <Link className="text-accent hover:underline" href={`/surfaces/${surface.id}/map`}>
              Open the whole map
            </Link>
          </p>
        )}
      </div>
      {diff.missing.length > 0 && <MissingFlows missing={diff.missing} />}
      {/* Side by side where the section is wide enough for both to be read, stacked otherwise. */}
      <div className="flex flex-col gap-3 @4xl:flex-row">
        <DiffPane side="Before" surfaceName={surface.name} nodes={nodes} focus={diff.focus} edges={diff.before} labels={labels} />
        <DiffPane side="After" surfaceName={surface.name} nodes={nodes} focus={diff.focus} edges={diff.after} labels={labels} />
      </div>
    </section>
  );
}

function SurfaceDiffLoader({
  surface,
  operations,
  applied,
}: {
  surface: { id: string; name: string };
  operations: TChange["operations"];
  applied: boolean;
}) {
  const map = useSurfaceMap(surface.id);
  if (map.isPending) return <LoadingState label={`Loading the map of ${surface.name}…`} />;
  if (map.isError)
    return (
      <LoadFailedState title={`The map of ${surface.name} could not be loaded`} error={map.error} onRetry={() => void map.refetch()} />
    );
  return <SurfaceDiff surface={surface} map={map.data} operations={operations} applied={applied} />;
}

function DiffLegend() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-label="Diff legend">
      <li className="flex items-center gap-1.5">
        <LegendLine {...MARK_LOOK.added} /> Added flow (after)
      </li>
      <li className="flex items-center gap-1.5">
        <LegendLine {...MARK_LOOK.changed} /> Changed flow, changed fields named
      </li>
      <li className="flex items-center gap-1.5">
        <LegendLine {...MARK_LOOK.removed} /> Removed flow (before)
      </li>
      <li className="flex items-center gap-1.5">
        <LegendLine {...MARK_LOOK.unchanged} /> Other flows, unchanged
      </li>
    </ul>
  );
}

/** Before and after on the canvas, one pair per surface the change touches; read-only. */
export function FlowDiffCanvas({ change }: { change: Pick<TChange, "operations" | "surfaces" | "verifiedAt"> }) {
  // A verified change is already on the map (also once closed), so the map is "after" and the records give "before".
  const applied = change.verifiedAt !== null;
  const bySurface = operationsBySurface(change.surfaces, change.operations);
  if (bySurface.length === 0) return null;
  return (
    <div className="grid gap-4" data-testid="flow-diff-canvas">
      <DiffLegend />
      {bySurface.map(({ surface, operations }) => (
        <SurfaceDiffLoader key={surface.id} surface={surface} operations={operations} applied={applied} />
      ))}
    </div>
  );
}

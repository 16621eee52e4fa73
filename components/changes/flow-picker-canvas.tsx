"use client";

import { useMemo, useState, type ReactNode } from "react";
import { Background, ReactFlow, type EdgeChange } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { HIDE_HANDLES, READ_ONLY_CANVAS, ThemedControls, useCanvasColorMode } from "@/components/maps/canvas-chrome";
import { EDGE_TYPES } from "@/components/maps/flow-edge";
import { KeepHandlesMeasured, NODE_TYPES } from "@/components/maps/nodes";
import { LoadFailedState, LoadingState } from "@/components/ui/query-state";
import { toReactFlow, type TRfEdge, type TRfNode } from "@/lib/maps/canvas/to-react-flow";
import { useSurfaceMap } from "@/lib/maps/queries";
import type { TFlowMap } from "@/lib/maps/model/schemas";
import { cn } from "@/lib/ui/cn";

/**
 * A surface's map to pick flows from: clicking a flow (or its label, which is a button for keyboard
 * users) names it below the canvas with what the change can do to it. Nothing on the map moves.
 */
export function FlowPickerCanvas({
  surfaceId,
  surfaceName,
  actions,
}: {
  surfaceId: string;
  surfaceName: string;
  actions: (edgeId: string) => ReactNode;
}) {
  const map = useSurfaceMap(surfaceId);
  if (map.isPending) return <LoadingState label={`Loading the map of ${surfaceName}…`} />;
  if (map.isError)
    return <LoadFailedState title={`The map of ${surfaceName} could not be loaded`} error={map.error} onRetry={() => void map.refetch()} />;
  return <PickerCanvas map={map.data} surfaceName={surfaceName} actions={actions} />;
}

function PickerCanvas({ map, surfaceName, actions }: { map: TFlowMap; surfaceName: string; actions: (edgeId: string) => ReactNode }) {
  const colorMode = useCanvasColorMode();
  const [picked, setPicked] = useState<string | null>(null);
  const graph = useMemo(() => {
    const converted = toReactFlow(map, { readOnly: true, selectedIds: new Set(picked ? [picked] : []) });
    return {
      nodes: converted.nodes.map((node) => ({ ...node, selectable: false, focusable: false }) as TRfNode),
      edges: converted.edges.map((edge) => ({ ...edge, deletable: false })),
    };
  }, [map, picked]);
  const pickedEdge = graph.edges.find((edge) => edge.id === picked);
  // Selection is this component's state: only "select" changes matter, the map itself never changes here.
  const onEdgesChange = (changes: EdgeChange<TRfEdge>[]) => {
    const selected = changes.find((change) => change.type === "select" && change.selected);
    if (selected && "id" in selected) setPicked(selected.id);
  };
  return (
    <div className="grid gap-2" data-testid="flow-picker">
      <div className={cn("h-80 overflow-hidden rounded-md border border-border bg-surface", HIDE_HANDLES)}>
        <ReactFlow<TRfNode, TRfEdge>
          nodes={graph.nodes}
          edges={graph.edges}
          nodeTypes={NODE_TYPES}
          edgeTypes={EDGE_TYPES}
          onEdgesChange={onEdgesChange}
          onPaneClick={() => setPicked(null)}
          {...READ_ONLY_CANVAS}
          selectionKeyCode={null}
          multiSelectionKeyCode={null}
          colorMode={colorMode}
          fitView
          fitViewOptions={{ padding: 0.1 }}
          minZoom={0.1}
          aria-label={`Map of ${surfaceName}: pick a flow`}
        >
          <KeepHandlesMeasured />
          <Background gap={24} />
          <ThemedControls position="bottom-right" />
        </ReactFlow>
      </div>
      <div aria-live="polite" className="text-sm" data-testid="picked-flow">
        {pickedEdge?.data ? (
          <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-accent/40 px-3 py-1.5">
            <span>
              Picked: {pickedEdge.data.description}, {pickedEdge.data.label}
            </span>
            {actions(pickedEdge.id)}
          </div>
        ) : (
          <p className="text-muted">Click a flow on the map to modify or remove it.</p>
        )}
      </div>
    </div>
  );
}

"use client";

import { createContext, memo, useContext, type ReactNode } from "react";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore, useStoreApi, type Edge, type EdgeProps } from "@xyflow/react";
import { AlertTriangle, Lock, LockOpen } from "lucide-react";
import { edgeAppearance } from "@/lib/maps/model/appearance";
import type { TFlowEdgeData } from "@/lib/maps/canvas/to-react-flow";
import { cn } from "@/lib/ui/cn";
import { focusInspectorOnOpen } from "./inspector";

/**
 * Below this zoom a flow's label is too small to read and only hides the lines: labels are left out,
 * and the line's colour, dashes and weight still tell status and encryption. A large map, seen
 * whole, then also draws a thousand fewer elements on every frame. Flows stay reachable by keyboard
 * (the lines become focusable while labels are hidden), and zooming in brings the labels back.
 */
export const LABEL_MIN_ZOOM = 0.45;

const FlowLabelsShown = createContext(true);

/** Whether the canvas is zoomed in far enough for flow labels. */
export function useFlowLabelsShown(): boolean {
  return useStore((state) => state.transform[2] >= LABEL_MIN_ZOOM);
}

/**
 * Shows flow labels only where the canvas is zoomed in far enough to read them; one subscription for
 * all flows. Each flow is one Tab stop: its label while labels show, else its line (the editor makes
 * lines focusable only then, see `edgesFocusable`).
 */
export function FlowLabelDetail({ children }: { children: ReactNode }) {
  const shown = useFlowLabelsShown();
  return <FlowLabelsShown value={shown}>{children}</FlowLabelsShown>;
}

function selfLoopPath(x: number, y: number): [string, number, number] {
  // Leaves right, loops above the node and comes back in from the left.
  const path = `M ${x} ${y} C ${x + 70} ${y - 90}, ${x - 250} ${y - 90}, ${x - 184} ${y}`;
  return [path, x - 92, y - 68];
}

export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<Edge<TFlowEdgeData, "flow">>) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const store = useStoreApi();
  const labelShown = useContext(FlowLabelsShown);
  if (!data) return null;
  const { edge, warnings, label, dimmed } = data;
  const look = edgeAppearance(edge.status, edge.encryption, warnings.length > 0);
  const [path, labelX, labelY] =
    source === target
      ? selfLoopPath(sourceX, sourceY)
      : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const arrowX = source === target ? sourceX - 184 : targetX;
  const arrowY = source === target ? sourceY : targetY;
  const EncryptionIcon = edge.encryption === "NONE" ? LockOpen : Lock;
  return (
    <g className={cn(dimmed && "opacity-20")} data-testid="map-edge" data-edge-id={id}>
      <BaseEdge
        id={id}
        path={path}
        interactionWidth={16}
        style={{ stroke: look.stroke, strokeWidth: selected ? look.width + 1.5 : look.width, strokeDasharray: look.dash }}
      />
      <path d={`M ${arrowX - 9} ${arrowY - 5} L ${arrowX} ${arrowY} L ${arrowX - 9} ${arrowY + 5} z`} style={{ fill: look.stroke }} />
      {labelShown && (
        <EdgeLabelRenderer>
          <button
            type="button"
            aria-label={`${data.description}: ${label}${warnings.length ? ` — ${warnings.map((warning) => warning.message).join("; ")}` : ""}`}
            aria-pressed={Boolean(selected)}
            onClick={(event) => {
              // The label is the easy way to pick a flow; it selects like a click on the line.
              const state = store.getState();
              if (!(event.ctrlKey || event.metaKey)) state.resetSelectedElements();
              state.addSelectedEdges([id]);
            }}
            onKeyDown={(event) => {
              // Enter or Space opens the flow's inspector and moves into it. Handled here, not left to the
              // button's click: the canvas takes Space for panning and would swallow it.
              if (event.key !== "Enter" && event.key !== " ") return;
              event.preventDefault();
              event.stopPropagation();
              if (!selected) focusInspectorOnOpen();
              const state = store.getState();
              state.resetSelectedElements();
              state.addSelectedEdges([id]);
            }}
            className={cn(
              "nodrag nopan pointer-events-auto absolute z-[1001] flex cursor-pointer items-center gap-1 rounded-full border bg-surface px-2 py-0.5 text-[10px] font-medium text-fg shadow-sm",
              selected ? "border-accent" : "border-border",
              dimmed && "opacity-20",
            )}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="map-edge-label"
          >
            <EncryptionIcon aria-hidden className="h-3 w-3" style={{ color: look.stroke }} />
            <span>{label}</span>
            {warnings.length > 0 && (
              <span
                title={warnings.map((warning) => warning.message).join("; ")}
                className="inline-flex items-center text-warning"
                data-testid="flow-warning"
              >
                <AlertTriangle aria-hidden className="h-3.5 w-3.5" />
              </span>
            )}
          </button>
        </EdgeLabelRenderer>
      )}
    </g>
  );
});

export const EDGE_TYPES = { flow: FlowEdgeView };

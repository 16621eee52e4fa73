"use client";

import { memo } from "react";
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type Edge, type EdgeProps } from "@xyflow/react";
import { DIFF_MARKS } from "@/lib/ui/diff-marks";
import { FIELD_LABELS, type TChangedField, type TDiffMark } from "@/lib/changes/flow-diff";
import { cn } from "@/lib/ui/cn";

export type TDiffEdgeData = { mark: TDiffMark; label: string; changedFields: TChangedField[] };
export type TDiffRfEdge = Edge<TDiffEdgeData, "diff">;

/** One look per mark; the legend draws the same strokes. Removed is dashed so it reads without colour. */
export const MARK_LOOK: Record<TDiffMark, { stroke: string; dash?: string; width: number; text: string }> = {
  added: { stroke: DIFF_MARKS.added.color, width: 3, text: DIFF_MARKS.added.label },
  changed: { stroke: DIFF_MARKS.changed.color, width: 3, text: DIFF_MARKS.changed.label },
  removed: { stroke: DIFF_MARKS.removed.color, dash: "7 5", width: 3, text: DIFF_MARKS.removed.label },
  unchanged: { stroke: DIFF_MARKS.unchanged.color, width: 1.25, text: DIFF_MARKS.unchanged.label },
};

export const fieldList = (fields: TChangedField[]) => fields.map((field) => FIELD_LABELS[field]).join(", ");

const DiffEdgeView = memo(function DiffEdgeView({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
  markerEnd,
}: EdgeProps<TDiffRfEdge>) {
  if (!data) return null;
  const look = MARK_LOOK[data.mark];
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const quiet = data.mark === "unchanged";
  return (
    <g
      data-testid="diff-edge"
      data-mark={data.mark}
      data-changed-fields={data.changedFields.join(" ")}
      className={cn(quiet && "opacity-60")}
    >
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        style={{ stroke: look.stroke, strokeWidth: look.width, strokeDasharray: look.dash }}
      />
      {/* Context flows go unlabelled so the change's own labels stand out; their names stay in the edge's accessible name. */}
      {!quiet && (
        <EdgeLabelRenderer>
          <span
            aria-hidden
            className="pointer-events-none absolute z-[1001] flex max-w-56 flex-col items-center rounded-md border-2 bg-surface px-1.5 py-0.5 text-center text-[10px] leading-tight text-fg shadow-sm"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, borderColor: look.stroke }}
            data-testid="diff-edge-label"
            data-mark={data.mark}
          >
            <strong style={{ color: look.stroke }}>{look.text}</strong>
            <span>{data.label}</span>
            {data.changedFields.length > 0 && (
              <span className="font-medium" style={{ color: look.stroke }}>
                {fieldList(data.changedFields)}
              </span>
            )}
          </span>
        </EdgeLabelRenderer>
      )}
    </g>
  );
});

/** Declared once at module level, as React Flow requires for stable edge types. */
export const DIFF_EDGE_TYPES = { diff: DiffEdgeView };

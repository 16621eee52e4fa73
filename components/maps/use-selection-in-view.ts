"use client";

import { useEffect } from "react";
import { useReactFlow, useStore, useStoreApi } from "@xyflow/react";
import type { TBounds } from "@/lib/maps/model/geometry";
import { viewportRevealing } from "@/lib/maps/canvas/viewport";

/** About the size of a flow's label, centred between its end points. */
const FLOW_LABEL = { width: 160, height: 40 };

const centreOf = (bounds: TBounds) => ({ x: bounds.x + bounds.width / 2, y: bounds.y + bounds.height / 2 });

/**
 * Keeps the inspected element on screen when the canvas narrows: opening the inspector takes the
 * right of the canvas, where the element just clicked may be. Moves the view as little as it can;
 * never while a node is dragged or a flow drawn, when the view must stay where the pointer is.
 */
export function useSelectionInView(elementId: string | null): void {
  const flow = useReactFlow();
  const store = useStoreApi();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);

  useEffect(() => {
    if (!elementId || width === 0 || height === 0) return;
    const { nodeLookup, edgeLookup, connection, paneDragging } = store.getState();
    if (connection.inProgress || paneDragging) return;
    const node = nodeLookup.get(elementId);
    const edge = node ? undefined : edgeLookup.get(elementId);
    let bounds: TBounds | null = null;
    if (node && !node.dragging) bounds = flow.getNodesBounds([node]);
    else if (edge && nodeLookup.has(edge.source) && nodeLookup.has(edge.target)) {
      const from = centreOf(flow.getNodesBounds([edge.source]));
      const to = centreOf(flow.getNodesBounds([edge.target]));
      bounds = { x: (from.x + to.x - FLOW_LABEL.width) / 2, y: (from.y + to.y - FLOW_LABEL.height) / 2, ...FLOW_LABEL };
    }
    if (!bounds) return;
    const next = viewportRevealing(bounds, flow.getViewport(), { width, height });
    if (next) void flow.setViewport(next, { duration: 200 });
  }, [elementId, width, height, flow, store]);
}

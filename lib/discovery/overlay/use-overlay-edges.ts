"use client";

import { useMemo } from "react";
import type { TRfEdge, TRfNode } from "@/lib/maps/canvas/to-react-flow";
import { useOverlay } from "@/lib/discovery/queries";
import { overlayEdges } from "./overlay-edges";
import { useOverlayState } from "./overlay-store";

/** The canvas's flows with the discovery overlay laid over them while it is switched on. */
export function useOverlayEdges(surfaceId: string, edges: TRfEdge[], nodes: readonly TRfNode[]): TRfEdge[] {
  const { visible, picked } = useOverlayState(surfaceId);
  const overlay = useOverlay(surfaceId, visible);
  return useMemo(() => {
    if (!visible || !overlay.data) return edges;
    return overlayEdges(edges, overlay.data, picked, new Date(), new Set(nodes.map((node) => node.id)));
  }, [visible, overlay.data, edges, picked, nodes]);
}

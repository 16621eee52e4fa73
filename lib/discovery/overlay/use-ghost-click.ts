"use client";

import { useCallback } from "react";
import type { EdgeMouseHandler } from "@xyflow/react";
import type { TRfEdge } from "@/lib/maps/canvas/to-react-flow";
import { ghostIdOf } from "./overlay-edges";
import { toggleGhostPicked } from "./overlay-store";

/**
 * The canvas's edge click for the discovery overlay: a ghost edge (observed traffic no flow covers,
 * not denied-only) is picked or unpicked for the panel's actions; drawn flows are left to the editor.
 */
export function useGhostClick(surfaceId: string, enabled: boolean): EdgeMouseHandler<TRfEdge> | undefined {
  const onClick = useCallback<EdgeMouseHandler<TRfEdge>>(
    (_event, edge) => {
      const ghostId = ghostIdOf(edge.id);
      if (ghostId && edge.data?.edge.status !== "DENIED") toggleGhostPicked(surfaceId, ghostId);
    },
    [surfaceId],
  );
  return enabled ? onClick : undefined;
}

"use client";

import { useMemo } from "react";
import { Background, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { BOUNDARY_ID, toReactFlow, type TRfEdge, type TRfNode } from "@/lib/maps/canvas/to-react-flow";
import { boundsOf } from "@/lib/maps/model/geometry";
import type { TFlowMap } from "@/lib/maps/model/schemas";
import { READ_ONLY_CANVAS, ThemedControls, useCanvasColorMode } from "./canvas-chrome";
import { CanvasCorners, useCanvasCorners } from "./canvas-corners";
import { EDGE_TYPES, FlowLabelDetail } from "./flow-edge";
import { KeepHandlesMeasured, NODE_TYPES } from "./nodes";

const GAP = 240;

/** Every surface's map side by side, read-only; flows outside the drill-down are dimmed, not hidden. */
export function ProgramMap({
  maps,
  matchingIds,
  filtered,
}: {
  maps: Array<Pick<TFlowMap, "surface" | "nodes" | "edges" | "elements">>;
  matchingIds: string[];
  filtered: boolean;
}) {
  const colorMode = useCanvasColorMode();
  const { fitViewOptions, ...corners } = useCanvasCorners();
  const { nodes, edges } = useMemo(() => {
    const matching = new Set(matchingIds);
    const allNodes: TRfNode[] = [];
    const allEdges: TRfEdge[] = [];
    let offset = 0;
    for (const map of maps) {
      const bounds = boundsOf(map.nodes, new Map(map.nodes.map((node) => [node.id, node])));
      if (!bounds) continue;
      const shift = offset - bounds.x;
      const converted = toReactFlow(map, { readOnly: true });
      const touched = new Set(map.edges.filter((edge) => matching.has(edge.id)).flatMap((edge) => [edge.sourceId, edge.targetId]));
      for (const node of converted.nodes) {
        const topLevel = !node.parentId;
        const id = node.id === BOUNDARY_ID ? `${BOUNDARY_ID}-${map.surface.id}` : node.id;
        const dimmed = filtered && node.type !== "surface" && node.type !== "zone" && !touched.has(node.id);
        allNodes.push({
          ...node,
          id,
          position: topLevel ? { x: node.position.x + shift, y: node.position.y } : node.position,
          ...(node.type === "surface" ? {} : { data: { ...node.data, dimmed } }),
        } as TRfNode);
      }
      for (const edge of converted.edges) allEdges.push({ ...edge, data: { ...edge.data!, dimmed: filtered && !matching.has(edge.id) } });
      offset += bounds.width + GAP;
    }
    return { nodes: allNodes, edges: allEdges };
  }, [maps, matchingIds, filtered]);

  return (
    <div className="h-[560px] overflow-hidden rounded-lg border border-border bg-surface" data-testid="program-map">
      <ReactFlowProvider>
        <FlowLabelDetail>
          <ReactFlow<TRfNode, TRfEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            edgeTypes={EDGE_TYPES}
            {...READ_ONLY_CANVAS}
            elementsSelectable={false}
            colorMode={colorMode}
            fitView
            fitViewOptions={fitViewOptions}
            minZoom={0.05}
            onlyRenderVisibleElements
            aria-label="All flow maps of the program"
          >
            <KeepHandlesMeasured />
            <Background gap={24} />
            <ThemedControls />
            <CanvasCorners {...corners} overviewLabel="Overview of all maps" />
          </ReactFlow>
        </FlowLabelDetail>
      </ReactFlowProvider>
    </div>
  );
}

"use client";

import { useCallback, useMemo, type DragEvent, type KeyboardEvent } from "react";
import { useReactFlow, type Connection, type EdgeChange, type NodeChange, type OnSelectionChangeParams } from "@xyflow/react";
import { BOUNDARY_ID, type TRfEdge, type TRfNode } from "@/lib/maps/canvas/to-react-flow";
import { newFlowOperation } from "@/lib/maps/canvas/connect";
import type { TEditorStore } from "@/lib/maps/canvas/editor-store";
import { dropOperations, newNode, resizeOperations } from "@/lib/maps/canvas/gestures";
import { sizeOf } from "@/lib/maps/model/geometry";
import { freeSpotNear, occupiedBounds } from "@/lib/maps/model/placement";
import type { TFlowMap, TMapOperationInput, TNodeKind } from "@/lib/maps/model/schemas";
import { focusInspectorOnOpen } from "./inspector";
import { PALETTE_MIME } from "./panels";

const ARROWS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"]);

/** The canvas element, for the middle of what the person sees. */
export const CANVAS_PANE = ".react-flow";

/**
 * Turns what people do on the canvas (drag, drop, resize, connect, the palette, arrow keys) into
 * edits of the editor store. Positions are read off React Flow and handed to the pure gesture rules.
 */
export function useCanvasGestures(store: TEditorStore, map: TFlowMap, readOnly: boolean) {
  const flow = useReactFlow<TRfNode, TRfEdge>();
  const nodeById = useMemo(() => new Map(map.nodes.map((node) => [node.id, node])), [map.nodes]);

  /** Creates an element and selects it, on the canvas and in the store. */
  const createSelected = useCallback(
    async (operation: TMapOperationInput, id: string, kind: "node" | "edge") => {
      if (!(await store.edit([operation], "edit")).ok) return false;
      store.selectWhenDrawn(kind, id);
      return true;
    },
    [store],
  );

  const addNode = useCallback(
    (kind: TNodeKind, position: { x: number; y: number }) => {
      const id = crypto.randomUUID();
      void createSelected({ op: "createNode", node: newNode(kind, position, map.nodes, nodeById, id) }, id, "node");
    },
    [createSelected, map.nodes, nodeById],
  );

  /** From the palette: in free space as near the middle of the view as it goes. */
  const addAtCentre = useCallback(
    (kind: TNodeKind) => {
      const pane = document.querySelector(CANVAS_PANE)?.getBoundingClientRect();
      const centre = pane ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
      const size = sizeOf({ kind, width: null, height: null });
      addNode(kind, freeSpotNear(centre, size, occupiedBounds(map.nodes, kind)));
    },
    [addNode, flow, map.nodes],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const kind = event.dataTransfer.getData(PALETTE_MIME) as TNodeKind;
      if (!kind || readOnly) return;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNode(kind, { x: point.x - 92, y: point.y - 30 });
    },
    [addNode, flow, readOnly],
  );

  const connect = useCallback(
    (sourceId: string, targetId: string, { keyboard }: { keyboard: boolean }) => {
      const id = crypto.randomUUID();
      if (keyboard) focusInspectorOnOpen();
      void createSelected(newFlowOperation(sourceId, targetId, id), id, "edge");
    },
    [createSelected],
  );
  const onConnect = useCallback(
    (connection: Connection) =>
      connection.source && connection.target && connect(connection.source, connection.target, { keyboard: false }),
    [connect],
  );

  /** Where the selected nodes are now on the canvas, saved as a move (a drag's end, or arrow keys let go). */
  const saveMoved = useCallback(
    (moved: TRfNode[]) => {
      const dropped = moved
        .filter((node) => node.id !== BOUNDARY_ID)
        .map((node) => ({
          id: node.id,
          position: node.position,
          absolute: flow.getInternalNode(node.id)?.internals.positionAbsolute ?? node.position,
        }));
      const operations = dropOperations(dropped, map.nodes, nodeById);
      if (operations.length > 0) void store.edit(operations, "move");
    },
    [flow, map.nodes, nodeById, store],
  );
  const onNodeDragStop = useCallback((_event: unknown, _node: unknown, dragged: TRfNode[]) => saveMoved(dragged), [saveMoved]);
  // React Flow moves selected nodes on arrow keys (5 px, 20 with Shift) but keeps it to the canvas; letting go saves it.
  const onKeyUp = useCallback(
    (event: KeyboardEvent) => {
      if (!readOnly && ARROWS.has(event.key)) saveMoved(flow.getNodes().filter((node) => node.selected));
    },
    [flow, readOnly, saveMoved],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<TRfNode>[]) => {
      store.dispatch({ type: "canvasNodesChanged", changes });
      const resized = changes.flatMap((change) => {
        if (change.type !== "dimensions" || change.resizing !== false || !change.setAttributes || !change.dimensions) return [];
        const position = flow.getNode(change.id)?.position;
        return position ? [{ id: change.id, ...change.dimensions, position }] : [];
      });
      const operations = resizeOperations(resized, nodeById);
      if (operations.length > 0) void store.edit(operations, "move");
    },
    [flow, nodeById, store],
  );
  const onEdgesChange = useCallback((changes: EdgeChange<TRfEdge>[]) => store.dispatch({ type: "canvasEdgesChanged", changes }), [store]);
  const onSelectionChange = useCallback(
    ({ nodes, edges }: OnSelectionChangeParams) =>
      store.select({ nodes: nodes.filter((node) => node.id !== BOUNDARY_ID).map((node) => node.id), edges: edges.map((edge) => edge.id) }),
    [store],
  );

  return { addAtCentre, onDrop, onConnect, connect, onNodeDragStop, onKeyUp, onNodesChange, onEdgesChange, onSelectionChange };
}

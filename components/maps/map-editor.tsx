"use client";

import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useRef, useState, type DragEvent } from "react";
import {
  Background,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useConnection,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { toast } from "sonner";
import { AlertTriangle } from "lucide-react";
import { useStore } from "zustand";
import { withoutLastFlows } from "@/lib/maps/canvas/canvas-merge";
import { layoutBounds } from "@/lib/maps/canvas/layout";
import { BOUNDARY_ID, EMPTY_FILTER, toReactFlow, type TMapFilter, type TRfEdge, type TRfNode } from "@/lib/maps/canvas/to-react-flow";
import { dropOperations, newNode, resizeOperations } from "@/lib/maps/canvas/gestures";
import type { TEdgePatch, TFlowMap, TMapEdge, TMapNode, TMapOperationInput, TNodeKind, TNodePatch } from "@/lib/maps/model/schemas";
import { fieldErrorsOf, useFlowMapAt } from "@/lib/maps/queries";
import { PRO_OPTIONS, ThemedControls, ThemedMiniMap, useCanvasColorMode } from "./canvas-chrome";
import { EDGE_TYPES, FlowLabelDetail } from "./flow-edge";
import { KeepHandlesMeasured, NODE_TYPES } from "./nodes";
import { EdgeInspector, NodeInspector, type TSaveResult } from "./inspector";
import { ConfirmDialog, LegendPanel, PALETTE_MIME, Palette, ShortcutsDialog } from "./panels";
import { HistoryPanel } from "./history-panel";
import { ImportDialog } from "./import-dialog";
import { MapToolbar } from "./toolbar";
import { useMapEditSession } from "./use-map-edit-session";
import { useMapLive, type TLiveBatch } from "./use-map-live";
import { revealLayout, useAutoLayout, useFlowCurtain } from "./use-layout";
import { useMapShortcuts } from "./use-map-shortcuts";
import { useSelectionInView } from "./use-selection-in-view";
import { exportImage, exportJson } from "./export";
import { useOverlayEdges } from "@/lib/discovery/overlay/use-overlay-edges";
import { useGhostClick } from "@/lib/discovery/overlay/use-ghost-click";

/*
 * Props of the canvas are kept identical between renders: React Flow copies every prop that changed
 * into its store, one update at a time, and each update re-runs every node's and flow's selector.
 */
const FIT_VIEW_OPTIONS = { padding: 0.15 };
const MULTI_SELECTION_KEYS = ["Meta", "Control"];

type TProps = { surfaceId: string; initialMap: TFlowMap; canEdit: boolean };

export function MapEditor(props: TProps) {
  return (
    <ReactFlowProvider>
      <MapCanvas {...props} />
    </ReactFlowProvider>
  );
}

/**
 * The editor's view and canvas glue. The editing session (the map shown, edits on their way, undo,
 * the clipboard, the selection, what React Flow draws) lives in the editor store; this turns canvas
 * gestures into its actions and its outcomes into toasts.
 */
function MapCanvas({ surfaceId, initialMap, canEdit }: TProps) {
  const flow = useReactFlow();
  const colorMode = useCanvasColorMode();
  const { store, mapQuery } = useMapEditSession(surfaceId, initialMap);
  const map = useStore(store, (state) => state.map);
  const selection = useStore(store, (state) => state.selection);
  const canvas = useStore(store, (state) => state.canvas);
  const canUndo = useStore(store, (state) => state.history.undo.length > 0);
  const canRedo = useStore(store, (state) => state.history.redo.length > 0);
  const [viewVersion, setViewVersion] = useState<number | null>(null);
  const past = useFlowMapAt(surfaceId, viewVersion);
  const displayed = viewVersion !== null && past.data ? past.data : map;
  const readOnly = !canEdit || viewVersion !== null;
  const [filter, setFilter] = useState<TMapFilter>(EMPTY_FILTER);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [showImport, setShowImport] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const { layout, running: layoutRunning } = useAutoLayout();
  const connecting = useConnection((connection) => connection.inProgress);
  const { close: hideFlows, open: showFlows, hidden: hiddenFlows } = useFlowCurtain();

  const single = selection.nodes.length + selection.edges.length === 1 ? (selection.nodes[0] ?? selection.edges[0]!) : null;
  const onLiveBatch = useCallback((batch: TLiveBatch) => store.dispatch({ type: "liveBatch", batch }), [store]);
  const live = useMapLive(surfaceId, initialMap.version, canEdit ? single : null, true, onLiveBatch);
  useSelectionInView(single);
  const editing = useMemo(() => {
    const byElement = new Map<string, Array<{ name: string; team: string }>>();
    for (const presence of live.others)
      if (presence.editing) byElement.set(presence.editing, [...(byElement.get(presence.editing) ?? []), presence.user]);
    return byElement;
  }, [live.others]);

  // The canvas follows the map in a deferred render: converting a large map and handing it to React
  // Flow then happens in tasks of its own, after the toolbar and panels have shown the change. It is
  // converted again only when what it draws changes, not when just the version moves on (an edit's echo).
  const { nodes: drawnNodes, edges: drawnFlows, elements: drawnElements, surface: drawnSurface } = useDeferredValue(displayed);
  const derived = useMemo(
    () =>
      toReactFlow({ nodes: drawnNodes, edges: drawnFlows, elements: drawnElements, surface: drawnSurface }, { filter, readOnly, editing }),
    [drawnNodes, drawnFlows, drawnElements, drawnSurface, filter, readOnly, editing],
  );
  // Before paint, so a conversion never shows a frame late; the store keeps what React Flow owns.
  useLayoutEffect(() => store.dispatch({ type: "canvasDerived", derived }), [derived, store]);
  const drawn = canvas.derived ? canvas : derived;
  const edgesOnCanvas = useMemo(() => withoutLastFlows(drawn.edges, hiddenFlows), [drawn.edges, hiddenFlows]);
  // Discovery overlay (components/discovery): observed traffic over the flows while it is switched on.
  const edgesWithOverlay = useOverlayEdges(surfaceId, edgesOnCanvas, drawn.nodes);
  const onGhostClick = useGhostClick(surfaceId, !readOnly);

  const nodeById = useMemo(() => new Map(map.nodes.map((node) => [node.id, node])), [map.nodes]);

  const replay = useCallback(
    async (direction: "undo" | "redo") => {
      if ((await store.replay(direction))?.ok) toast.success(direction === "undo" ? "Undone" : "Redone");
    },
    [store],
  );

  const onCanvasNodesChange = useCallback(
    (changes: NodeChange<TRfNode>[]) => {
      store.dispatch({ type: "canvasNodesChanged", changes });
      const resized = changes.flatMap((change) => {
        const position =
          change.type === "dimensions" && change.resizing === false && change.setAttributes && change.dimensions
            ? flow.getNode(change.id)?.position
            : undefined;
        return position && change.type === "dimensions" && change.dimensions ? [{ id: change.id, ...change.dimensions, position }] : [];
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

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: unknown, dragged: TRfNode[]) => {
      const dropped = dragged.map((node) => ({
        id: node.id,
        position: node.position,
        absolute: flow.getInternalNode(node.id)?.internals.positionAbsolute ?? node.position,
      }));
      const operations = dropOperations(dropped, map.nodes, nodeById);
      if (operations.length > 0) void store.edit(operations, "move");
    },
    [flow, map.nodes, nodeById, store],
  );

  /** Creates an element and selects it, on the canvas and in the store. */
  const createSelected = useCallback(
    async (operation: TMapOperationInput, id: string, kind: "node" | "edge") => {
      if (!(await store.edit([operation], "edit")).ok) return;
      store.selectOnCanvas(kind === "node" ? new Set([id]) : new Set(), kind === "edge" ? new Set([id]) : new Set());
      store.select(kind === "node" ? { nodes: [id], edges: [] } : { nodes: [], edges: [id] });
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

  const addAtCentre = useCallback(
    (kind: TNodeKind) => {
      const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
      const point = pane ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
      addNode(kind, { x: point.x - 92 + (map.nodes.length % 5) * 12, y: point.y - 30 + (map.nodes.length % 5) * 12 });
    },
    [addNode, flow, map.nodes.length],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.source || !connection.target) return;
      const id = crypto.randomUUID();
      void createSelected(
        {
          op: "createEdge",
          edge: {
            id,
            sourceId: connection.source,
            targetId: connection.target,
            protocol: "TCP",
            ports: "443",
            encryption: "TLS",
            status: "PROPOSED",
          },
        },
        id,
        "edge",
      );
    },
    [createSelected],
  );

  const deleteSelection = useCallback(async () => {
    const outcome = await store.deleteSelection();
    if (outcome?.ok) {
      toast.success(`Deleted ${outcome.result.deletedNodeIds.length} nodes and ${outcome.result.deletedEdgeIds.length} flows`, {
        action: { label: "Undo", onClick: () => void replay("undo") },
      });
    }
  }, [replay, store]);

  const copy = useCallback(() => {
    const copied = store.copy();
    if (copied > 0) toast.success(`Copied ${copied} nodes`);
  }, [store]);

  const autoLayout = useCallback(async () => {
    try {
      await layout(map.nodes, map.edges, async (operations) => {
        if (operations.length === 0) return;
        const flowCount = map.edges.length;
        try {
          await hideFlows(flowCount);
          // Everything the nodes move through is in view first, so no node is drawn anew mid-move.
          const bounds = layoutBounds(map.nodes, operations);
          if (bounds) await flow.fitBounds(bounds, { padding: 0.05, duration: 300 });
          await revealLayout(operations, (placements) => store.dispatch({ type: "layoutStep", placements }));
          await store.edit(operations, "layout");
          await flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 300 });
        } finally {
          await showFlows(flowCount);
        }
      });
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The layout failed.");
    }
  }, [flow, hideFlows, layout, map.edges, map.nodes, showFlows, store]);

  const saveElement = useCallback(
    async (kind: "node" | "edge", element: TMapNode | TMapEdge, patch: TNodePatch | TEdgePatch): Promise<TSaveResult> => {
      const operation: TMapOperationInput =
        kind === "node"
          ? { op: "updateNode", id: element.id, version: element.version, patch: patch as TNodePatch }
          : { op: "updateEdge", id: element.id, version: element.version, patch: patch as TEdgePatch };
      const outcome = await store.edit([operation], "edit");
      if (outcome.ok) return { ok: true };
      const fields = fieldErrorsOf(outcome.error);
      return {
        ok: false,
        fields:
          Object.keys(fields).length > 0 ? fields : { "(root)": outcome.error instanceof Error ? outcome.error.message : "Not saved" },
      };
    },
    [store],
  );

  const selectedNode = single ? displayed.nodes.find((node) => node.id === single) : undefined;
  const selectedEdge = single ? displayed.edges.find((edge) => edge.id === single) : undefined;
  // Stable callbacks: the toolbar and panels are memoised, and a layout redraws the canvas many times a second.
  const clearSelection = useCallback(() => store.selectOnCanvas(new Set(), new Set()), [store]);
  const openDeleteConfirm = useCallback(() => setConfirmDelete(true), []);
  const undo = useCallback(() => void replay("undo"), [replay]);
  const redo = useCallback(() => void replay("redo"), [replay]);
  const startLayout = useCallback(() => void autoLayout(), [autoLayout]);
  const exportMap = useCallback(
    (format: "png" | "svg" | "json") =>
      format === "json"
        ? exportJson(displayed)
        : void exportImage(format, flow.getNodes(), displayed).catch((error: unknown) =>
            toast.error(error instanceof Error ? error.message : "Export failed"),
          ),
    [displayed, flow],
  );
  const openImport = useCallback(() => setShowImport(true), []);
  const toggleHistory = useCallback(() => setShowHistory((open) => !open), []);
  const closeHistory = useCallback(() => setShowHistory(false), []);
  const openShortcuts = useCallback(() => setShowShortcuts(true), []);
  const importCounts = useMemo(() => ({ nodes: map.nodes.length, edges: map.edges.length }), [map.nodes.length, map.edges.length]);
  const selectionCount = selection.nodes.length + selection.edges.length;

  const shortcuts = useMemo(
    () => ({
      showShortcuts: openShortcuts,
      focusSearch: () => searchRef.current?.focus(),
      clearSelection,
      selectAll: () => store.selectOnCanvas("all"),
      deleteSelection: openDeleteConfirm,
      undo,
      redo,
      copy,
      paste: () => void store.paste(),
      layout: startLayout,
    }),
    [clearSelection, copy, openDeleteConfirm, openShortcuts, redo, startLayout, store, undo],
  );
  useMapShortcuts(shortcuts, { readOnly, hasSelection: selectionCount > 0 });

  return (
    <div className="flex h-[calc(100vh-11rem)] min-h-[520px] flex-col overflow-hidden rounded-lg border border-border bg-surface">
      <MapToolbar
        map={displayed}
        filter={filter}
        onFilter={setFilter}
        searchRef={searchRef}
        readOnly={readOnly}
        canEdit={canEdit}
        live={live}
        canUndo={canUndo}
        canRedo={canRedo}
        onUndo={undo}
        onRedo={redo}
        layoutRunning={layoutRunning}
        onLayout={startLayout}
        onExport={exportMap}
        onImport={openImport}
        showHistory={showHistory}
        onToggleHistory={toggleHistory}
        onShortcuts={openShortcuts}
      />
      {!canEdit && (
        <p role="status" className="border-b border-border bg-surface-2 px-4 py-1.5 text-xs text-muted">
          Read-only: your role can view this map but not change it.
        </p>
      )}
      {viewVersion !== null && (
        <p role="status" className="flex items-center gap-3 border-b border-border bg-warning/10 px-4 py-1.5 text-xs">
          Showing the map as it was at version {viewVersion}
          {past.isPending ? " (loading…)" : ""}. Nothing can be changed here.
          <button type="button" className="font-semibold text-accent underline" onClick={() => setViewVersion(null)}>
            Back to the live map
          </button>
        </p>
      )}
      <div className="flex min-h-0 flex-1">
        {!readOnly && <Palette onAdd={addAtCentre} />}
        <div
          className="relative min-w-0 flex-1"
          onDragOver={(event) => {
            event.preventDefault();
            event.dataTransfer.dropEffect = "move";
          }}
          onDrop={onDrop}
          data-testid="map-canvas"
        >
          {displayed.nodes.length === 0 && (
            <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center">
              <div className="rounded-lg border border-dashed border-border bg-surface/90 px-6 py-5 text-center">
                <p className="font-medium">This map is empty</p>
                <p className="mt-1 max-w-sm text-sm text-muted">
                  {readOnly
                    ? "No flows have been mapped for this surface yet."
                    : "Drag a node kind from the palette onto the canvas, then connect nodes by dragging from one handle to another."}
                </p>
              </div>
            </div>
          )}
          <FlowLabelDetail>
            <ReactFlow<TRfNode, TRfEdge>
              nodes={drawn.nodes}
              edges={edgesWithOverlay}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              onNodesChange={onCanvasNodesChange}
              onEdgesChange={onEdgesChange}
              onSelectionChange={onSelectionChange}
              onEdgeClick={onGhostClick}
              onNodeDragStop={readOnly ? undefined : onNodeDragStop}
              onConnect={readOnly ? undefined : onConnect}
              nodesDraggable={!readOnly}
              nodesConnectable={!readOnly}
              elementsSelectable
              deleteKeyCode={null}
              selectionKeyCode="Shift"
              multiSelectionKeyCode={MULTI_SELECTION_KEYS}
              colorMode={colorMode}
              fitView
              fitViewOptions={FIT_VIEW_OPTIONS}
              minZoom={0.05}
              onlyRenderVisibleElements
              proOptions={PRO_OPTIONS}
              aria-label={`Flow map of ${displayed.surface.name}`}
              className={connecting ? "connecting" : undefined}
            >
              <KeepHandlesMeasured />
              <Background gap={24} />
              <ThemedMiniMap ariaLabel="Overview of the map" />
              <ThemedControls aria-label="Zoom controls" />
              <LegendPanel />
              {!readOnly && selectionCount > 1 && (
                <Panel position="top-center">
                  <div className="flex items-center gap-2 rounded-md border border-border bg-surface px-3 py-1.5 text-sm shadow-sm">
                    {selectionCount} selected
                    <button type="button" className="text-danger underline" onClick={() => setConfirmDelete(true)}>
                      Delete
                    </button>
                  </div>
                </Panel>
              )}
            </ReactFlow>
          </FlowLabelDetail>
        </div>
        {selectedNode ? (
          <NodeInspector
            key={selectedNode.id}
            map={displayed}
            node={selectedNode}
            readOnly={readOnly}
            onSave={saveElement}
            onDelete={openDeleteConfirm}
            onClose={clearSelection}
          />
        ) : selectedEdge ? (
          <EdgeInspector
            key={selectedEdge.id}
            map={displayed}
            edge={selectedEdge}
            readOnly={readOnly}
            onSave={saveElement}
            onDelete={openDeleteConfirm}
            onClose={clearSelection}
          />
        ) : showHistory ? (
          <HistoryPanel surfaceId={surfaceId} viewing={viewVersion} onView={setViewVersion} onClose={closeHistory} />
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={selectionCount === 1 ? "Delete this element?" : `Delete ${selectionCount} elements?`}
        description={
          selection.nodes.length > 0 ? "Deleting a node also deletes every flow to and from it. You can undo this." : "You can undo this."
        }
        confirmLabel="Delete"
        onConfirm={() => void deleteSelection()}
      />
      <ShortcutsDialog open={showShortcuts} onOpenChange={setShowShortcuts} />
      {canEdit && <ImportDialog surfaceId={surfaceId} counts={importCounts} open={showImport} onOpenChange={setShowImport} />}
      {mapQuery.isError && (
        <p role="alert" className="flex items-center gap-2 border-t border-border px-4 py-2 text-sm text-danger">
          <AlertTriangle className="h-4 w-4" /> The map could not be refreshed. Edits are still saved as you make them.
        </p>
      )}
    </div>
  );
}

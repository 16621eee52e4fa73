"use client";

import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useState } from "react";
import { Background, Panel, ReactFlow, ReactFlowProvider, useConnection } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { AlertTriangle } from "lucide-react";
import { useStore } from "zustand";
import { withoutLastFlows } from "@/lib/maps/canvas/canvas-merge";
import { EMPTY_FILTER, toReactFlow, type TMapFilter, type TRfEdge, type TRfNode } from "@/lib/maps/canvas/to-react-flow";
import type { TFlowMap } from "@/lib/maps/model/schemas";
import type { TSurface } from "@/lib/surfaces/schemas";
import { useFlowMapAt } from "@/lib/maps/queries";
import { useOverlayEdges } from "@/lib/discovery/overlay/use-overlay-edges";
import { PRO_OPTIONS, ThemedControls, useCanvasColorMode } from "./canvas-chrome";
import { CanvasCorners, useCanvasCorners } from "./canvas-corners";
import { AgreementBanner, useAgreementGuard } from "./agreement";
import { EditorDialogs, EditorSidePane } from "./editor-panes";
import { EditorNotices, EmptyCanvas } from "./editor-notices";
import { EDGE_TYPES, FlowLabelDetail, useFlowLabelsShown } from "./flow-edge";
import { KeepHandlesMeasured, NODE_TYPES } from "./nodes";
import { Palette } from "./panels";
import { MapToolbar } from "./toolbar";
import { useCanvasGestures } from "./use-canvas-gestures";
import { useMapCommands } from "./use-map-commands";
import { useMapEditSession } from "./use-map-edit-session";
import { useEditorsByElement, useMapLive, type TLiveBatch } from "./use-map-live";
import { useSelectionInView } from "./use-selection-in-view";
import { useGhostClick } from "@/lib/discovery/overlay/use-ghost-click";

// Props of the canvas are kept identical between renders: React Flow copies every changed prop into its store, one update at a time.
const MULTI_SELECTION_KEYS = ["Meta", "Control"];
const allowDrop = (event: React.DragEvent) => {
  event.preventDefault();
  event.dataTransfer.dropEffect = "move";
};

type TProps = { surfaceId: string; initialMap: TFlowMap; initialSurface: TSurface; canEdit: boolean };

export function MapEditor(props: TProps) {
  return (
    <ReactFlowProvider>
      <MapCanvas {...props} />
    </ReactFlowProvider>
  );
}

/**
 * The editor's view. The editing session lives in the editor store (lib/maps/canvas/editor-store.ts);
 * gestures, commands, the agreement guard and the panes are hooks and components of their own.
 */
function MapCanvas({ surfaceId, initialMap, initialSurface, canEdit }: TProps) {
  const colorMode = useCanvasColorMode();
  const agreement = useAgreementGuard(surfaceId, initialSurface);
  const { store, mapQuery, onLiveBatch: applyLiveBatch } = useMapEditSession(surfaceId, initialMap, agreement);
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
  const { fitViewOptions, ...corners } = useCanvasCorners();
  const connecting = useConnection((connection) => connection.inProgress);
  const labelsShown = useFlowLabelsShown();
  const selectionCount = selection.nodes.length + selection.edges.length;
  const commands = useMapCommands(store, { map, displayed, readOnly, hasSelection: selectionCount > 0, fitViewOptions });
  const gestures = useCanvasGestures(store, map, readOnly);

  const single = selectionCount === 1 ? (selection.nodes[0] ?? selection.edges[0]!) : null;
  const { onLiveEvents } = agreement;
  const onLiveBatch = useCallback(
    (batch: TLiveBatch) => (applyLiveBatch(batch), onLiveEvents(batch.events)),
    [applyLiveBatch, onLiveEvents],
  );
  const live = useMapLive(surfaceId, initialMap.version, canEdit ? single : null, true, onLiveBatch);
  useSelectionInView(single);
  const editing = useEditorsByElement(live.others);

  // Converted in a deferred render, and again only when what it draws changes (not when just the version moves on).
  const { nodes: drawnNodes, edges: drawnFlows, elements: drawnElements, surface: drawnSurface } = useDeferredValue(displayed);
  const derived = useMemo(
    () =>
      toReactFlow({ nodes: drawnNodes, edges: drawnFlows, elements: drawnElements, surface: drawnSurface }, { filter, readOnly, editing }),
    [drawnNodes, drawnFlows, drawnElements, drawnSurface, filter, readOnly, editing],
  );
  // Before paint, so a conversion never shows a frame late; the store keeps what React Flow owns.
  useLayoutEffect(() => store.dispatch({ type: "canvasDerived", derived }), [derived, store]);
  const drawn = canvas.derived ? canvas : derived;
  const edgesOnCanvas = useMemo(() => withoutLastFlows(drawn.edges, commands.hiddenFlows), [drawn.edges, commands.hiddenFlows]);
  const edgesWithOverlay = useOverlayEdges(surfaceId, edgesOnCanvas, drawn.nodes);
  const connectNodes = useCallback((source: string, target: string) => gestures.connect(source, target, { keyboard: true }), [gestures]);
  const onGhostClick = useGhostClick(surfaceId, !readOnly);

  return (
    <div className="flex h-[calc(100vh-11rem)] min-h-[520px] flex-col overflow-hidden rounded-lg border border-border bg-surface">
      <MapToolbar
        map={displayed}
        filter={filter}
        onFilter={setFilter}
        searchRef={commands.searchRef}
        readOnly={readOnly}
        canEdit={canEdit}
        live={live}
        canUndo={canUndo}
        canRedo={canRedo}
        onUndo={commands.undo}
        onRedo={commands.redo}
        layoutRunning={commands.layoutRunning}
        onLayout={commands.startLayout}
        onExport={commands.exportMap}
        onImport={commands.openImport}
        showHistory={commands.dialogs.history}
        onToggleHistory={commands.toggleHistory}
        onShortcuts={commands.openShortcuts}
      />
      <AgreementBanner surface={agreement.surface} canEdit={canEdit} />
      <EditorNotices canEdit={canEdit} viewVersion={viewVersion} loadingPast={past.isPending} onBackToLive={() => setViewVersion(null)} />
      <div className="flex min-h-0 flex-1">
        {!readOnly && <Palette onAdd={gestures.addAtCentre} />}
        <div
          className="relative min-w-0 flex-1"
          onDragOver={allowDrop}
          onDrop={gestures.onDrop}
          onKeyUp={gestures.onKeyUp}
          data-testid="map-canvas"
        >
          {displayed.nodes.length === 0 && <EmptyCanvas readOnly={readOnly} />}
          <FlowLabelDetail>
            <ReactFlow<TRfNode, TRfEdge>
              nodes={drawn.nodes}
              edges={edgesWithOverlay}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              onNodesChange={gestures.onNodesChange}
              onEdgesChange={gestures.onEdgesChange}
              onSelectionChange={gestures.onSelectionChange}
              onEdgeClick={onGhostClick}
              onNodeDragStop={readOnly ? undefined : gestures.onNodeDragStop}
              onConnect={readOnly ? undefined : gestures.onConnect}
              nodesDraggable={!readOnly}
              nodesConnectable={!readOnly}
              edgesFocusable={!labelsShown}
              elementsSelectable
              deleteKeyCode={null}
              selectionKeyCode="Shift"
              multiSelectionKeyCode={MULTI_SELECTION_KEYS}
              colorMode={colorMode}
              fitView
              fitViewOptions={fitViewOptions}
              minZoom={0.05}
              onlyRenderVisibleElements
              proOptions={PRO_OPTIONS}
              aria-label={`Flow map of ${displayed.surface.name}`}
              className={connecting ? "connecting" : undefined}
            >
              <KeepHandlesMeasured />
              <Background gap={24} />
              <ThemedControls aria-label="Zoom controls" />
              <CanvasCorners {...corners} overviewLabel="Overview of the map" />
              {!readOnly && selectionCount > 1 && (
                <Panel position="top-center">
                  <div className="flex items-center gap-2 rounded-md border border-border bg-surface px-3 py-1.5 text-sm shadow-sm">
                    {selectionCount} selected
                    <button type="button" className="text-danger underline" onClick={commands.openDelete}>
                      Delete
                    </button>
                  </div>
                </Panel>
              )}
            </ReactFlow>
          </FlowLabelDetail>
        </div>
        <EditorSidePane
          surfaceId={surfaceId}
          map={displayed}
          selectedId={single}
          readOnly={readOnly}
          commands={commands}
          viewVersion={viewVersion}
          onView={setViewVersion}
        />
      </div>
      <EditorDialogs surfaceId={surfaceId} map={map} selection={selection} canEdit={canEdit} commands={commands} onConnect={connectNodes} />
      {agreement.dialog}
      {mapQuery.isError && (
        <p role="alert" className="flex items-center gap-2 border-t border-border px-4 py-2 text-sm text-danger">
          <AlertTriangle className="h-4 w-4" /> The map could not be refreshed. Edits are still saved as you make them.
        </p>
      )}
    </div>
  );
}

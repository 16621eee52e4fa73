"use client";

import { useCallback, useDeferredValue, useMemo, useRef, useState, type DragEvent } from "react";
import {
  Background,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useConnection,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnSelectionChangeParams,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { AlertTriangle } from "lucide-react";
import { applyLocalChanges } from "@/lib/maps/cache";
import { BOUNDARY_ID, EMPTY_FILTER, absolutePosition, sizeOf, toReactFlow, zoneAt, type TMapFilter, type TRfEdge, type TRfNode } from "@/lib/maps/convert";
import { mergeEdges, mergeNodes, placeNodes, withSelection, withoutLastFlows } from "@/lib/maps/canvas-merge";
import { layoutBounds } from "@/lib/maps/layout";
import { KIND_LABELS } from "@/lib/maps/appearance";
import { ApiRequestError } from "@/lib/api/client";
import { fieldErrorsOf, mapKeys, useFlowMap, useFlowMapAt, useMapEdit, type TMapEdit } from "@/lib/maps/queries";
import { graphOf, planOperations } from "@/lib/maps/rules";
import type { TEdgePatch, TFlowMap, TMapEdge, TMapNode, TMapOperation, TNodeKind, TNodePatch } from "@/lib/maps/schemas";
import { copySelection, inverseOperations, pasteOperations, type TClipboard } from "@/lib/maps/undo";
import { PRO_OPTIONS, ThemedControls, ThemedMiniMap, useCanvasColorMode } from "./canvas-chrome";
import { EDGE_TYPES, FlowLabelDetail } from "./flow-edge";
import { KeepHandlesMeasured, NODE_TYPES } from "./nodes";
import { EdgeInspector, NodeInspector, type TSaveResult } from "./inspector";
import { ConfirmDialog, LegendPanel, PALETTE_MIME, Palette, ShortcutsDialog } from "./panels";
import { HistoryPanel } from "./history-panel";
import { ImportDialog } from "./import-dialog";
import { MapToolbar } from "./toolbar";
import { useMapLive } from "./use-map-live";
import { revealLayout, useAutoLayout, useFlowCurtain } from "./use-layout";
import { useMapShortcuts } from "./use-map-shortcuts";
import { useSelectionInView } from "./use-selection-in-view";
import { exportImage, exportJson } from "./export";
import { useOverlayEdges } from "@/components/discovery/use-overlay-edges";

const CLIPBOARD_KEY = "concord.map.clipboard";
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

function withIds(operations: TMapOperation[]): TMapOperation[] {
  return operations.map((operation) => {
    if (operation.op === "createNode" && !operation.node.id) return { ...operation, node: { ...operation.node, id: crypto.randomUUID() } };
    if (operation.op === "createEdge" && !operation.edge.id) return { ...operation, edge: { ...operation.edge, id: crypto.randomUUID() } };
    return operation;
  });
}

function referencesOf(map: TFlowMap) {
  return { elementIds: new Set(map.elements.map((element) => element.id)), statementIds: new Set(map.statements.map((statement) => statement.id)), personIds: new Set(map.people.map((person) => person.id)) };
}

function MapCanvas({ surfaceId, initialMap, canEdit }: TProps) {
  const queryClient = useQueryClient();
  const flow = useReactFlow();
  const colorMode = useCanvasColorMode();
  const mapQuery = useFlowMap(surfaceId, initialMap);
  const map = mapQuery.data;
  const [viewVersion, setViewVersion] = useState<number | null>(null);
  const past = useFlowMapAt(surfaceId, viewVersion);
  const displayed = viewVersion !== null && past.data ? past.data : map;
  const readOnly = !canEdit || viewVersion !== null;
  const [filter, setFilter] = useState<TMapFilter>(EMPTY_FILTER);
  const [selection, setSelection] = useState<{ nodes: string[]; edges: string[] }>({ nodes: [], edges: [] });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const [showImport, setShowImport] = useState(false);
  const [history, setHistory] = useState<{ undo: TMapOperation[][]; redo: TMapOperation[][] }>({ undo: [], redo: [] });
  const clipboard = useRef<TClipboard | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // The mutation's result object is new on every render; its mutateAsync is stable, so callbacks built on it stay stable too.
  const { mutateAsync: saveEdit } = useMapEdit(surfaceId);
  const { layout, running: layoutRunning } = useAutoLayout();
  const connecting = useConnection((connection) => connection.inProgress);
  const { close: hideFlows, open: showFlows, hidden: hiddenFlows } = useFlowCurtain();

  const single = selection.nodes.length + selection.edges.length === 1 ? (selection.nodes[0] ?? selection.edges[0]!) : null;
  const live = useMapLive(surfaceId, initialMap.version, canEdit ? single : null, true);
  useSelectionInView(single);
  const editing = useMemo(() => {
    const byElement = new Map<string, Array<{ name: string; team: string }>>();
    for (const presence of live.others) if (presence.editing) byElement.set(presence.editing, [...(byElement.get(presence.editing) ?? []), presence.user]);
    return byElement;
  }, [live.others]);

  // The canvas follows the map in a deferred render: converting a large map and handing it to React
  // Flow then happens in tasks of its own, after the toolbar and panels have shown the change. It is
  // converted again only when what it draws changes, not when just the version moves on (an edit's echo).
  const { nodes: drawnNodes, edges: drawnFlows, elements: drawnElements, surface: drawnSurface } = useDeferredValue(displayed);
  const derived = useMemo(
    () => toReactFlow({ nodes: drawnNodes, edges: drawnFlows, elements: drawnElements, surface: drawnSurface }, { filter, readOnly, editing }),
    [drawnNodes, drawnFlows, drawnElements, drawnSurface, filter, readOnly, editing],
  );
  const [canvas, setCanvas] = useState({ derived, nodes: derived.nodes, edges: derived.edges });
  if (canvas.derived !== derived) setCanvas({ derived, nodes: mergeNodes(derived.nodes, canvas.nodes), edges: mergeEdges(derived.edges, canvas.edges) });
  const edgesOnCanvas = useMemo(() => withoutLastFlows(canvas.edges, hiddenFlows), [canvas.edges, hiddenFlows]);
  // Discovery overlay (components/discovery): observed traffic over the flows while it is switched on.
  const edgesWithOverlay = useOverlayEdges(surfaceId, edgesOnCanvas, canvas.nodes);

  /** Saves operations at once: shown immediately, sent to the server, recorded for undo. */
  const runEdit = useCallback(
    async (input: TMapOperation[], reason: TMapEdit["reason"], record = true) => {
      const operations = withIds(input);
      const before = queryClient.getQueryData<TFlowMap>(mapKeys.map(surfaceId));
      if (!before) return { ok: false as const, error: new Error("The map is not loaded.") };
      const plan = planOperations(graphOf(before.nodes, before.edges), operations, referencesOf(before), () => crypto.randomUUID());
      if (plan.errors.length === 0 && plan.conflicts.length === 0) queryClient.setQueryData<TFlowMap>(mapKeys.map(surfaceId), applyLocalChanges(before, plan.changes));
      try {
        const result = await saveEdit({ operations, reason });
        if (record) setHistory((current) => ({ undo: [...current.undo.slice(-99), inverseOperations(before, result)], redo: [] }));
        return { ok: true as const, result, before };
      } catch (error) {
        void queryClient.invalidateQueries({ queryKey: mapKeys.map(surfaceId) });
        const message = error instanceof ApiRequestError ? error.message : "The change could not be saved.";
        const detail = error instanceof ApiRequestError && error.fields.length ? ` ${error.fields.map((field) => `${field.path.split(".").at(-1)}: ${field.message}`).join("; ")}` : "";
        toast.error(`${message}${detail}`);
        return { ok: false as const, error };
      }
    },
    [queryClient, saveEdit, surfaceId],
  );

  const replay = useCallback(
    async (direction: "undo" | "redo") => {
      const stack = history[direction];
      const operations = stack.at(-1);
      if (!operations) return;
      setHistory((current) => ({ ...current, [direction]: current[direction].slice(0, -1) }));
      const outcome = await runEdit(operations, direction, false);
      if (outcome.ok) {
        const inverse = inverseOperations(outcome.before, outcome.result);
        setHistory((current) => (direction === "undo" ? { ...current, redo: [...current.redo, inverse] } : { ...current, undo: [...current.undo, inverse] }));
        toast.success(direction === "undo" ? "Undone" : "Redone");
      }
    },
    [history, runEdit],
  );

  const onNodesChange = useCallback((changes: NodeChange<TRfNode>[]) => {
    setCanvas((current) => ({ ...current, nodes: applyNodeChanges(changes.filter((change) => change.type !== "remove"), current.nodes) }));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<TRfEdge>[]) => {
    setCanvas((current) => ({ ...current, edges: applyEdgeChanges(changes.filter((change) => change.type !== "remove"), current.edges) }));
  }, []);
  const onSelectionChange = useCallback(({ nodes, edges }: OnSelectionChangeParams) => {
    setSelection({ nodes: nodes.filter((node) => node.id !== BOUNDARY_ID).map((node) => node.id), edges: edges.map((edge) => edge.id) });
  }, []);

  const nodeById = useMemo(() => new Map(map.nodes.map((node) => [node.id, node])), [map.nodes]);

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: unknown, dragged: TRfNode[]) => {
      const operations: TMapOperation[] = [];
      for (const rfNode of dragged) {
        const node = nodeById.get(rfNode.id);
        if (!node) continue;
        const absolute = flow.getInternalNode(rfNode.id)?.internals.positionAbsolute ?? rfNode.position;
        const size = sizeOf(node);
        const zone = zoneAt({ x: absolute.x + size.width / 2, y: absolute.y + size.height / 2 }, map.nodes, node.id);
        const zoneId = zone?.id ?? null;
        if (zoneId !== node.zoneId) {
          const origin = zone ? absolutePosition(zone, nodeById) : { x: 0, y: 0 };
          operations.push({ op: "updateNode", id: node.id, version: node.version, patch: { zoneId, x: Math.round(absolute.x - origin.x), y: Math.round(absolute.y - origin.y) } });
        } else if (Math.round(rfNode.position.x) !== node.x || Math.round(rfNode.position.y) !== node.y) {
          operations.push({ op: "updateNode", id: node.id, version: node.version, patch: { x: Math.round(rfNode.position.x), y: Math.round(rfNode.position.y) } });
        }
      }
      if (operations.length > 0) void runEdit(operations, "move");
    },
    [flow, map.nodes, nodeById, runEdit],
  );

  const onResizeEnd = useCallback(
    (changes: NodeChange<TRfNode>[]) => {
      const operations: TMapOperation[] = [];
      for (const change of changes) {
        if (change.type !== "dimensions" || change.resizing !== false || !change.setAttributes || !change.dimensions) continue;
        const node = nodeById.get(change.id);
        const position = flow.getNode(change.id)?.position;
        if (node && position) operations.push({ op: "updateNode", id: node.id, version: node.version, patch: { width: Math.round(change.dimensions.width), height: Math.round(change.dimensions.height), x: Math.round(position.x), y: Math.round(position.y) } });
      }
      if (operations.length > 0) void runEdit(operations, "move");
    },
    [flow, nodeById, runEdit],
  );

  const onCanvasNodesChange = useCallback(
    (changes: NodeChange<TRfNode>[]) => {
      onNodesChange(changes);
      onResizeEnd(changes);
    },
    [onNodesChange, onResizeEnd],
  );

  const addNode = useCallback(
    async (kind: TNodeKind, position: { x: number; y: number }) => {
      const zone = kind === "ZONE" ? null : zoneAt(position, map.nodes);
      const origin = zone ? absolutePosition(zone, nodeById) : { x: 0, y: 0 };
      const id = crypto.randomUUID();
      const count = map.nodes.filter((node) => node.kind === kind).length + 1;
      const outcome = await runEdit(
        [{ op: "createNode", node: { id, kind, label: `${KIND_LABELS[kind]} ${count}`, zoneId: zone?.id ?? null, x: Math.round(position.x - origin.x), y: Math.round(position.y - origin.y), width: kind === "ZONE" ? 420 : null, height: kind === "ZONE" ? 280 : null } as never }],
        "edit",
      );
      if (outcome.ok) {
        setCanvas((current) => ({ ...current, nodes: withSelection(current.nodes, (node) => node.id === id), edges: withSelection(current.edges, () => false) }));
        setSelection({ nodes: [id], edges: [] });
      }
    },
    [map.nodes, nodeById, runEdit],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      const kind = event.dataTransfer.getData(PALETTE_MIME) as TNodeKind;
      if (!kind || readOnly) return;
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      void addNode(kind, { x: point.x - 92, y: point.y - 30 });
    },
    [addNode, flow, readOnly],
  );

  const addAtCentre = useCallback(
    (kind: TNodeKind) => {
      const pane = document.querySelector(".react-flow")?.getBoundingClientRect();
      const point = pane ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
      void addNode(kind, { x: point.x - 92 + (map.nodes.length % 5) * 12, y: point.y - 30 + (map.nodes.length % 5) * 12 });
    },
    [addNode, flow, map.nodes.length],
  );

  const onConnect = useCallback(
    async (connection: Connection) => {
      if (!connection.source || !connection.target) return;
      const id = crypto.randomUUID();
      const outcome = await runEdit([{ op: "createEdge", edge: { id, sourceId: connection.source, targetId: connection.target, protocol: "TCP", ports: "443", encryption: "TLS", status: "PROPOSED" } as never }], "edit");
      if (outcome.ok) {
        setCanvas((current) => ({ ...current, nodes: withSelection(current.nodes, () => false), edges: withSelection(current.edges, (edge) => edge.id === id) }));
        setSelection({ nodes: [], edges: [id] });
      }
    },
    [runEdit],
  );
  const onConnectDrawn = useCallback((connection: Connection) => void onConnect(connection), [onConnect]);

  const deleteSelection = useCallback(async () => {
    const nodes = selection.nodes.map((id) => nodeById.get(id)).filter((node): node is TMapNode => Boolean(node));
    const removed = new Set(nodes.map((node) => node.id));
    const edges = selection.edges.map((id) => map.edges.find((edge) => edge.id === id)).filter((edge): edge is TMapEdge => Boolean(edge) && !removed.has(edge!.sourceId) && !removed.has(edge!.targetId));
    const operations: TMapOperation[] = [...edges.map((edge): TMapOperation => ({ op: "deleteEdge", id: edge.id, version: edge.version })), ...nodes.map((node): TMapOperation => ({ op: "deleteNode", id: node.id, version: node.version }))];
    if (operations.length === 0) return;
    const outcome = await runEdit(operations, "edit");
    if (outcome.ok) {
      setSelection({ nodes: [], edges: [] });
      toast.success(`Deleted ${outcome.result.deletedNodeIds.length} nodes and ${outcome.result.deletedEdgeIds.length} flows`, { action: { label: "Undo", onClick: () => void replay("undo") } });
    }
  }, [map.edges, nodeById, replay, runEdit, selection]);

  const copy = useCallback(() => {
    if (selection.nodes.length === 0) return;
    clipboard.current = copySelection(map, new Set(selection.nodes));
    try {
      localStorage.setItem(CLIPBOARD_KEY, JSON.stringify(clipboard.current));
    } catch {
      // Private windows may refuse storage; the in-page clipboard still works.
    }
    toast.success(`Copied ${clipboard.current.nodes.length} nodes`);
  }, [map, selection.nodes]);

  const paste = useCallback(async () => {
    let content = clipboard.current;
    if (!content) {
      try {
        content = JSON.parse(localStorage.getItem(CLIPBOARD_KEY) ?? "null") as TClipboard | null;
      } catch {
        content = null;
      }
    }
    if (!content || content.nodes.length === 0) return;
    const operations = pasteOperations(content, new Set(map.nodes.map((node) => node.id)), () => crypto.randomUUID());
    const outcome = await runEdit(operations, "paste");
    if (outcome.ok) {
      const pasted = new Set(outcome.result.nodes.map((node) => node.id));
      setCanvas((current) => ({ ...current, nodes: withSelection(current.nodes, (node) => pasted.has(node.id)) }));
    }
  }, [map.nodes, runEdit]);

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
          await revealLayout(operations, (step) => setCanvas((current) => ({ ...current, nodes: placeNodes(current.nodes, step) })));
          await runEdit(operations, "layout");
          await flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 300 });
        } finally {
          await showFlows(flowCount);
        }
      });
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The layout failed.");
    }
  }, [flow, hideFlows, layout, map.edges, map.nodes, runEdit, showFlows]);


  const saveElement = useCallback(
    async (kind: "node" | "edge", element: TMapNode | TMapEdge, patch: TNodePatch | TEdgePatch): Promise<TSaveResult> => {
      const operation: TMapOperation = kind === "node" ? { op: "updateNode", id: element.id, version: element.version, patch: patch as TNodePatch } : { op: "updateEdge", id: element.id, version: element.version, patch: patch as TEdgePatch };
      const outcome = await runEdit([operation], "edit");
      if (outcome.ok) return { ok: true };
      const fields = fieldErrorsOf(outcome.error);
      return { ok: false, fields: Object.keys(fields).length > 0 ? fields : { "(root)": outcome.error instanceof Error ? outcome.error.message : "Not saved" } };
    },
    [runEdit],
  );

  const selectedNode = single ? displayed.nodes.find((node) => node.id === single) : undefined;
  const selectedEdge = single ? displayed.edges.find((edge) => edge.id === single) : undefined;
  // Stable callbacks: the toolbar and panels are memoised, and a layout redraws the canvas many times a second.
  const clearSelection = useCallback(() => setCanvas((current) => ({ ...current, nodes: withSelection(current.nodes, () => false), edges: withSelection(current.edges, () => false) })), []);
  const openDeleteConfirm = useCallback(() => setConfirmDelete(true), []);
  const undo = useCallback(() => void replay("undo"), [replay]);
  const redo = useCallback(() => void replay("redo"), [replay]);
  const startLayout = useCallback(() => void autoLayout(), [autoLayout]);
  const exportMap = useCallback(
    (format: "png" | "svg" | "json") => (format === "json" ? exportJson(displayed) : void exportImage(format, flow.getNodes(), displayed).catch((error: unknown) => toast.error(error instanceof Error ? error.message : "Export failed"))),
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
      selectAll: () => setCanvas((current) => ({ ...current, nodes: withSelection(current.nodes, (node) => node.id !== BOUNDARY_ID) })),
      deleteSelection: openDeleteConfirm,
      undo,
      redo,
      copy,
      paste: () => void paste(),
      layout: startLayout,
    }),
    [clearSelection, copy, openDeleteConfirm, openShortcuts, paste, redo, startLayout, undo],
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
        canUndo={history.undo.length > 0}
        canRedo={history.redo.length > 0}
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
          Showing the map as it was at version {viewVersion}{past.isPending ? " (loading…)" : ""}. Nothing can be changed here.
          <button type="button" className="font-semibold text-accent underline" onClick={() => setViewVersion(null)}>
            Back to the live map
          </button>
        </p>
      )}
      <div className="flex min-h-0 flex-1">
        {!readOnly && <Palette onAdd={addAtCentre} />}
        <div className="relative min-w-0 flex-1" onDragOver={(event) => { event.preventDefault(); event.dataTransfer.dropEffect = "move"; }} onDrop={onDrop} data-testid="map-canvas">
          {displayed.nodes.length === 0 && (
            <div className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center">
              <div className="rounded-lg border border-dashed border-border bg-surface/90 px-6 py-5 text-center">
                <p className="font-medium">This map is empty</p>
                <p className="mt-1 max-w-sm text-sm text-muted">{readOnly ? "No flows have been mapped for this surface yet." : "Drag a node kind from the palette onto the canvas, then connect nodes by dragging from one handle to another."}</p>
              </div>
            </div>
          )}
          <FlowLabelDetail>
            <ReactFlow<TRfNode, TRfEdge>
              nodes={canvas.nodes}
              edges={edgesWithOverlay}
              nodeTypes={NODE_TYPES}
              edgeTypes={EDGE_TYPES}
              onNodesChange={onCanvasNodesChange}
              onEdgesChange={onEdgesChange}
              onSelectionChange={onSelectionChange}
              onNodeDragStop={readOnly ? undefined : onNodeDragStop}
              onConnect={readOnly ? undefined : onConnectDrawn}
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
          <NodeInspector key={selectedNode.id} map={displayed} node={selectedNode} readOnly={readOnly} onSave={saveElement} onDelete={openDeleteConfirm} onClose={clearSelection} />
        ) : selectedEdge ? (
          <EdgeInspector key={selectedEdge.id} map={displayed} edge={selectedEdge} readOnly={readOnly} onSave={saveElement} onDelete={openDeleteConfirm} onClose={clearSelection} />
        ) : showHistory ? (
          <HistoryPanel surfaceId={surfaceId} viewing={viewVersion} onView={setViewVersion} onClose={closeHistory} />
        ) : null}
      </div>
      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={setConfirmDelete}
        title={selectionCount === 1 ? "Delete this element?" : `Delete ${selectionCount} elements?`}
        description={selection.nodes.length > 0 ? "Deleting a node also deletes every flow to and from it. You can undo this." : "You can undo this."}
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

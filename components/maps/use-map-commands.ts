"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { useReactFlow, type FitViewOptions } from "@xyflow/react";
import { toast } from "sonner";
import { layoutBounds } from "@/lib/maps/canvas/layout";
import { EditCancelledError, type TEditorStore } from "@/lib/maps/canvas/editor-store";
import type { TRfEdge, TRfNode } from "@/lib/maps/canvas/to-react-flow";
import type { TEdgePatch, TFlowMap, TMapEdge, TMapNode, TMapOperationInput, TNodePatch } from "@/lib/maps/model/schemas";
import { fieldErrorsOf } from "@/lib/maps/queries";
import type { TSaveResult } from "./inspector";
import { exportImage, exportJson } from "./export";
import { revealLayout, useAutoLayout, useFlowCurtain } from "./use-layout";
import { useMapShortcuts } from "./use-map-shortcuts";

type TDialogs = { delete: boolean; shortcuts: boolean; history: boolean; import: boolean; connect: boolean };
const CLOSED: TDialogs = { delete: false, shortcuts: false, history: false, import: false, connect: false };

/**
 * The editor's commands (undo and redo, delete, copy and paste, layout, export, saving from the
 * inspector), the dialogs they open, and the keyboard shortcuts that reach them. Every callback is
 * stable between renders: the toolbar and panels are memoised, and a layout redraws many times a second.
 */
export function useMapCommands(
  store: TEditorStore,
  {
    map,
    displayed,
    readOnly,
    hasSelection,
    fitViewOptions,
  }: { map: TFlowMap; displayed: TFlowMap; readOnly: boolean; hasSelection: boolean; fitViewOptions: FitViewOptions },
) {
  const flow = useReactFlow<TRfNode, TRfEdge>();
  const searchRef = useRef<HTMLInputElement>(null);
  const [dialogs, setDialogs] = useState<TDialogs>(CLOSED);
  const open = useCallback((name: keyof TDialogs, value = true) => setDialogs((current) => ({ ...current, [name]: value })), []);
  const { layout, running: layoutRunning } = useAutoLayout();
  const { close: hideFlows, open: showFlows, hidden: hiddenFlows } = useFlowCurtain();

  const replay = useCallback(
    async (direction: "undo" | "redo") => {
      if ((await store.replay(direction))?.ok) toast.success(direction === "undo" ? "Undone" : "Redone");
    },
    [store],
  );
  const undo = useCallback(() => void replay("undo"), [replay]);
  const redo = useCallback(() => void replay("redo"), [replay]);

  const deleteSelection = useCallback(async () => {
    const outcome = await store.deleteSelection();
    if (outcome?.ok)
      toast.success(`Deleted ${outcome.result.deletedNodeIds.length} nodes and ${outcome.result.deletedEdgeIds.length} flows`, {
        action: { label: "Undo", onClick: undo },
      });
  }, [store, undo]);

  const copy = useCallback(() => {
    const copied = store.copy();
    if (copied > 0) toast.success(`Copied ${copied} nodes`);
  }, [store]);

  const startLayout = useCallback(async () => {
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
          await flow.fitView({ ...fitViewOptions, duration: 300 });
        } finally {
          await showFlows(flowCount);
        }
      });
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The layout failed.");
    }
  }, [fitViewOptions, flow, hideFlows, layout, map.edges, map.nodes, showFlows, store]);

  const saveElement = useCallback(
    async (kind: "node" | "edge", element: TMapNode | TMapEdge, patch: TNodePatch | TEdgePatch): Promise<TSaveResult> => {
      const operation: TMapOperationInput =
        kind === "node"
          ? { op: "updateNode", id: element.id, version: element.version, patch: patch as TNodePatch }
          : { op: "updateEdge", id: element.id, version: element.version, patch: patch as TEdgePatch };
      const outcome = await store.edit([operation], "edit");
      if (outcome.ok) return { ok: true };
      if (outcome.error instanceof EditCancelledError) return { ok: false, fields: {} };
      const fields = fieldErrorsOf(outcome.error);
      const message = outcome.error instanceof Error ? outcome.error.message : "Not saved";
      return { ok: false, fields: Object.keys(fields).length > 0 ? fields : { "(root)": message } };
    },
    [store],
  );

  const exportMap = useCallback(
    (format: "png" | "svg" | "json") =>
      format === "json"
        ? exportJson(displayed)
        : void exportImage(format, flow.getNodes(), displayed).catch((error: unknown) =>
            toast.error(error instanceof Error ? error.message : "Export failed"),
          ),
    [displayed, flow],
  );

  const clearSelection = useCallback(() => store.selectOnCanvas(new Set(), new Set()), [store]);
  const shortcuts = useMemo(
    () => ({
      showShortcuts: () => open("shortcuts"),
      focusSearch: () => searchRef.current?.focus(),
      clearSelection,
      selectAll: () => store.selectOnCanvas("all"),
      deleteSelection: () => open("delete"),
      undo,
      redo,
      copy,
      paste: () => void store.paste(),
      layout: () => void startLayout(),
      connect: () => store.getState().selection.nodes.length === 1 && open("connect"),
    }),
    [clearSelection, copy, open, redo, startLayout, store, undo],
  );
  useMapShortcuts(shortcuts, { readOnly, hasSelection });
  const toggles = useMemo(
    () => ({
      toggleHistory: () => setDialogs((current) => ({ ...current, history: !current.history })),
      closeHistory: () => open("history", false),
      openImport: () => open("import"),
      openShortcuts: shortcuts.showShortcuts,
      openDelete: shortcuts.deleteSelection,
      openConnect: () => open("connect"),
    }),
    [open, shortcuts],
  );

  return {
    searchRef,
    dialogs,
    open,
    undo,
    redo,
    deleteSelection,
    clearSelection,
    layoutRunning,
    hiddenFlows,
    startLayout: shortcuts.layout,
    saveElement,
    exportMap,
    ...toggles,
  };
}

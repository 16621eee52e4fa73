import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange } from "@xyflow/react";
import type { TFlowMap, TMapEditResult, TMapEvent, TMapOperation } from "../model/schemas";
import type { TClipboard } from "../model/undo";
import { mergeEdges, mergeNodes, placeNodes, withSelection } from "./canvas-merge";
import { applyEditResult, applyLiveBatch, applyLocalChanges } from "./query-cache";
import type { TRfEdge, TRfNode } from "./to-react-flow";

/**
 * The map editor's session as one value, changed only by the named actions of `editorReducer`.
 * The map is held twice over on purpose, each with one job: `base` is what the server confirmed
 * (edit results, live batches, a refetch) and `map` is `base` with the edits still on their way
 * laid over it, which is what the editor shows. Taking an edit back is dropping it from `pending`.
 */
export type TEditorState = {
  base: TFlowMap;
  pending: TPendingEdit[];
  map: TFlowMap;
  selection: TSelection;
  history: { undo: TMapOperation[][]; redo: TMapOperation[][] };
  clipboard: TClipboard | null;
  /** What React Flow draws: the converted map, with what React Flow owns (selection, size, a drag) kept. */
  canvas: { derived: TCanvasNodes | null; nodes: TRfNode[]; edges: TRfEdge[] };
};

export type TSelection = { nodes: string[]; edges: string[] };
export type TLocalChange = Pick<TMapEvent, "kind" | "entityId" | "after">;
export type TPendingEdit = { editId: number; changes: TLocalChange[] };
export type TCanvasNodes = { nodes: TRfNode[]; edges: TRfEdge[] };
export type THistoryDirection = "undo" | "redo";
type TPlacement = { x?: number; y?: number; width?: number | null; height?: number | null };

/** How many edits undo reaches back. */
export const UNDO_DEPTH = 100;

export type TEditorAction =
  | { type: "localEdit"; editId: number; changes: TLocalChange[] }
  /** `record` is the inverse of the edit and the stack it goes on: a new edit's undo (clearing redo), or the other stack of a replay. */
  | {
      type: "serverResult";
      editId: number;
      result: TMapEditResult;
      record: { stack: THistoryDirection; operations: TMapOperation[]; clearsRedo: boolean } | null;
    }
  | { type: "rollback"; editId: number }
  | { type: "liveBatch"; batch: { mapVersion: number; events: TLocalChange[] } }
  | { type: "loaded"; map: TFlowMap }
  | { type: "historyPopped"; direction: THistoryDirection }
  | { type: "select"; selection: TSelection }
  | { type: "copied"; clipboard: TClipboard }
  | { type: "canvasDerived"; derived: TCanvasNodes }
  | { type: "canvasNodesChanged"; changes: NodeChange<TRfNode>[] }
  | { type: "canvasEdgesChanged"; changes: EdgeChange<TRfEdge>[] }
  | { type: "canvasSelected"; node: (node: TRfNode) => boolean; edge: ((edge: TRfEdge) => boolean) | null }
  | { type: "layoutStep"; placements: ReadonlyMap<string, TPlacement> };

export const NO_SELECTION: TSelection = { nodes: [], edges: [] };

export function initialEditorState(map: TFlowMap): TEditorState {
  return {
    base: map,
    pending: [],
    map,
    selection: NO_SELECTION,
    history: { undo: [], redo: [] },
    clipboard: null,
    canvas: { derived: null, nodes: [], edges: [] },
  };
}

/** The confirmed map with the edits still on their way laid over it; the confirmed map itself when none are. */
function shown(base: TFlowMap, pending: TPendingEdit[]): TFlowMap {
  return pending.reduce((map, edit) => applyLocalChanges(map, edit.changes), base);
}

function withBase(state: TEditorState, base: TFlowMap, pending = state.pending): TEditorState {
  return { ...state, base, pending, map: shown(base, pending) };
}

export function editorReducer(state: TEditorState, action: TEditorAction): TEditorState {
  switch (action.type) {
    case "localEdit": {
      const pending = [...state.pending, { editId: action.editId, changes: action.changes }];
      return { ...state, pending, map: applyLocalChanges(state.map, action.changes) };
    }
    case "serverResult": {
      const next = withBase(
        state,
        applyEditResult(state.base, action.result),
        state.pending.filter((edit) => edit.editId !== action.editId),
      );
      const record = action.record;
      if (!record) return next;
      const history =
        record.stack === "undo"
          ? { undo: [...state.history.undo.slice(-(UNDO_DEPTH - 1)), record.operations], redo: record.clearsRedo ? [] : state.history.redo }
          : { ...state.history, redo: [...state.history.redo, record.operations] };
      return { ...next, history };
    }
    case "rollback":
      if (!state.pending.some((edit) => edit.editId === action.editId)) return state;
      return withBase(
        state,
        state.base,
        state.pending.filter((edit) => edit.editId !== action.editId),
      );
    case "liveBatch": {
      const base = applyLiveBatch(state.base, action.batch);
      return base === state.base ? state : withBase(state, base);
    }
    case "loaded":
      return action.map === state.base ? state : withBase(state, action.map);
    case "historyPopped":
      return { ...state, history: { ...state.history, [action.direction]: state.history[action.direction].slice(0, -1) } };
    case "select":
      return { ...state, selection: action.selection };
    case "copied":
      return { ...state, clipboard: action.clipboard };
    case "canvasDerived": {
      if (state.canvas.derived === action.derived) return state;
      // The first conversion is taken as it is: there is nothing of React Flow's to keep yet.
      if (state.canvas.derived === null)
        return { ...state, canvas: { derived: action.derived, nodes: action.derived.nodes, edges: action.derived.edges } };
      return {
        ...state,
        canvas: {
          derived: action.derived,
          nodes: mergeNodes(action.derived.nodes, state.canvas.nodes),
          edges: mergeEdges(action.derived.edges, state.canvas.edges),
        },
      };
    }
    case "canvasNodesChanged": {
      // Deleting goes through the map (and its undo), never through React Flow's own removal.
      const changes = action.changes.filter((change) => change.type !== "remove");
      return changes.length === 0 ? state : { ...state, canvas: { ...state.canvas, nodes: applyNodeChanges(changes, state.canvas.nodes) } };
    }
    case "canvasEdgesChanged": {
      const changes = action.changes.filter((change) => change.type !== "remove");
      return changes.length === 0 ? state : { ...state, canvas: { ...state.canvas, edges: applyEdgeChanges(changes, state.canvas.edges) } };
    }
    case "canvasSelected":
      return {
        ...state,
        canvas: {
          ...state.canvas,
          nodes: withSelection(state.canvas.nodes, action.node),
          edges: action.edge ? withSelection(state.canvas.edges, action.edge) : state.canvas.edges,
        },
      };
    case "layoutStep":
      return { ...state, canvas: { ...state.canvas, nodes: placeNodes(state.canvas.nodes, action.placements) } };
  }
}

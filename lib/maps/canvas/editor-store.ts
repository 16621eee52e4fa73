import { createStore, type StoreApi } from "zustand/vanilla";
import { changesContent, graphOf, planOperations } from "../model/rules";
import type { TFlowMap, TMapEdge, TMapEditResult, TMapNode, TMapOperation, TMapOperationInput } from "../model/schemas";
import { copySelection, inverseOperations, pasteOperations, type TClipboard } from "../model/undo";
import { BOUNDARY_ID } from "./to-react-flow";
import {
  NO_SELECTION,
  editorReducer,
  initialEditorState,
  type TEditorAction,
  type TEditorState,
  type THistoryDirection,
  type TSelection,
} from "./editor-state";

export type TEditReason = "edit" | "paste" | "layout" | "undo" | "redo" | "move";
export type TEditOutcome = { ok: true; result: TMapEditResult; before: TFlowMap } | { ok: false; error: unknown };

/** What the store needs from outside: the server, fresh ids and somewhere to keep the clipboard between tabs. */
export type TEditorDependencies = {
  save: (edit: { operations: TMapOperation[]; reason: TEditReason }) => Promise<TMapEditResult>;
  newId: () => string;
  /** Told of every edit the server refused, after the edit was taken back. */
  onSaveError?: (error: unknown) => void;
  clipboard?: { read: () => TClipboard | null; write: (clipboard: TClipboard) => void };
  /**
   * Asked before an edit that changes what the owners agreed to (not a move); false cancels the
   * edit, which is then neither shown, saved nor recorded. The map editor asks the person while the
   * surface is agreed, since such an edit reopens it and voids both sign-offs.
   */
  confirmContentEdit?: () => Promise<boolean>;
};

/** The outcome's error when the person chose not to make a content edit (see `confirmContentEdit`). */
export class EditCancelledError extends Error {
  constructor() {
    super("Not changed: the surface stays agreed.");
  }
}

export type TEditorStore = StoreApi<TEditorState> & {
  dispatch: (action: TEditorAction) => void;
  /** Shows the operations at once, saves them, and records their inverse for undo (unless `record` is false). */
  edit: (operations: TMapOperationInput[], reason: TEditReason, options?: { record?: boolean }) => Promise<TEditOutcome>;
  replay: (direction: THistoryDirection) => Promise<TEditOutcome | null>;
  deleteSelection: () => Promise<TEditOutcome | null>;
  copy: () => number;
  paste: () => Promise<TEditOutcome | null>;
  select: (selection: TSelection) => void;
  /** Sets React Flow's selection flags (React Flow then reports the selection back through `select`). */
  selectOnCanvas: (nodeIds: ReadonlySet<string> | "all", edgeIds?: ReadonlySet<string>) => void;
  /** Selects a new element as soon as the canvas draws it (a render after its edit): selecting it sooner finds nothing to select. */
  selectWhenDrawn: (kind: "node" | "edge", id: string) => void;
};

/** How many store updates a new element may take to reach the canvas before selecting it is given up. */
const DRAW_WAIT_UPDATES = 100;

function withIds(operations: TMapOperationInput[], newId: () => string): TMapOperation[] {
  return operations.map((operation) => {
    if (operation.op === "createNode")
      return { ...operation, node: { ...operation.node, id: operation.node.id ?? newId() } } as TMapOperation;
    if (operation.op === "createEdge")
      return { ...operation, edge: { ...operation.edge, id: operation.edge.id ?? newId() } } as TMapOperation;
    return operation as TMapOperation;
  });
}

function referencesOf(map: TFlowMap) {
  return {
    elementIds: new Set(map.elements.map((element) => element.id)),
    statementIds: new Set(map.statements.map((statement) => statement.id)),
    personIds: new Set(map.people.map((person) => person.id)),
  };
}

/** The operations that delete the selection: flows first, none that a deleted node takes with it anyway. */
export function deleteSelectionOperations(map: Pick<TFlowMap, "nodes" | "edges">, selection: TSelection): TMapOperation[] {
  const byId = new Map(map.nodes.map((node) => [node.id, node]));
  const nodes = selection.nodes.map((id) => byId.get(id)).filter((node): node is TMapNode => Boolean(node));
  const removed = new Set(nodes.map((node) => node.id));
  const edges = selection.edges
    .map((id) => map.edges.find((edge) => edge.id === id))
    .filter((edge): edge is TMapEdge => Boolean(edge) && !removed.has(edge!.sourceId) && !removed.has(edge!.targetId));
  return [
    ...edges.map((edge): TMapOperation => ({ op: "deleteEdge", id: edge.id, version: edge.version })),
    ...nodes.map((node): TMapOperation => ({ op: "deleteNode", id: node.id, version: node.version })),
  ];
}

/** One editing session of one map; pure apart from what `dependencies` brings in, so it runs without a browser. */
export function createEditorStore(map: TFlowMap, dependencies: TEditorDependencies): TEditorStore {
  const store = createStore<TEditorState>(() => initialEditorState(map));
  const dispatch = (action: TEditorAction) => store.setState((state) => editorReducer(state, action), true);
  let lastEditId = 0;

  /** `history` says where the edit's inverse goes: undo for a new edit (which clears redo), the other stack for a replay. */
  const run = async (
    input: TMapOperationInput[],
    reason: TEditReason,
    history: { stack: THistoryDirection; clearsRedo: boolean } | null,
    onConfirmed?: () => void,
  ): Promise<TEditOutcome> => {
    const operations = withIds(input, dependencies.newId);
    const planFor = (map: TFlowMap) => planOperations(graphOf(map.nodes, map.edges), operations, referencesOf(map), dependencies.newId);
    const planned = store.getState().map;
    let plan = planFor(planned);
    if (dependencies.confirmContentEdit && changesContent(plan.changes) && !(await dependencies.confirmContentEdit()))
      return { ok: false, error: new EditCancelledError() };
    onConfirmed?.();
    const before = store.getState().map;
    // Others' edits may have arrived while the person was asked.
    if (before !== planned) plan = planFor(before);
    const editId = ++lastEditId;
    // An edit the rules refuse is not shown: the server's answer names what is wrong.
    if (plan.errors.length === 0 && plan.conflicts.length === 0) dispatch({ type: "localEdit", editId, changes: plan.changes });
    try {
      const result = await dependencies.save({ operations, reason });
      dispatch({
        type: "serverResult",
        editId,
        result,
        record: history ? { ...history, operations: inverseOperations(before, result) } : null,
      });
      return { ok: true, result, before };
    } catch (error) {
      dispatch({ type: "rollback", editId });
      dependencies.onSaveError?.(error);
      return { ok: false, error };
    }
  };

  const edit: TEditorStore["edit"] = (operations, reason, options = {}) =>
    run(operations, reason, options.record === false ? null : { stack: "undo", clearsRedo: true });

  const replay: TEditorStore["replay"] = async (direction) => {
    const operations = store.getState().history[direction].at(-1);
    if (!operations) return null;
    // Taken off its stack only once it goes ahead: a cancelled replay can be replayed later.
    return run(operations, direction, { stack: direction === "undo" ? "redo" : "undo", clearsRedo: false }, () =>
      dispatch({ type: "historyPopped", direction }),
    );
  };

  const deleteSelection: TEditorStore["deleteSelection"] = async () => {
    const { map: current, selection } = store.getState();
    const operations = deleteSelectionOperations(current, selection);
    if (operations.length === 0) return null;
    const outcome = await edit(operations, "edit");
    if (outcome.ok) dispatch({ type: "select", selection: NO_SELECTION });
    return outcome;
  };

  const copy: TEditorStore["copy"] = () => {
    const { map: current, selection } = store.getState();
    if (selection.nodes.length === 0) return 0;
    const clipboard = copySelection(current, new Set(selection.nodes));
    dispatch({ type: "copied", clipboard });
    dependencies.clipboard?.write(clipboard);
    return clipboard.nodes.length;
  };

  const paste: TEditorStore["paste"] = async () => {
    const content = store.getState().clipboard ?? dependencies.clipboard?.read() ?? null;
    if (!content || content.nodes.length === 0) return null;
    const operations = pasteOperations(content, new Set(store.getState().map.nodes.map((node) => node.id)), dependencies.newId);
    const outcome = await edit(operations, "paste");
    if (outcome.ok) {
      const pasted = new Set(outcome.result.nodes.map((node) => node.id));
      dispatch({ type: "canvasSelected", node: (node) => pasted.has(node.id), edge: null });
    }
    return outcome;
  };

  const selectOnCanvas: TEditorStore["selectOnCanvas"] = (nodeIds, edgeIds) =>
    dispatch({
      type: "canvasSelected",
      node: nodeIds === "all" ? (node) => node.id !== BOUNDARY_ID : (node) => nodeIds.has(node.id),
      edge: nodeIds === "all" ? null : (candidate) => edgeIds?.has(candidate.id) ?? false,
    });

  const selectWhenDrawn: TEditorStore["selectWhenDrawn"] = (kind, id) => {
    const drawn = (state: TEditorState) => (kind === "node" ? state.canvas.nodes : state.canvas.edges).some((element) => element.id === id);
    const select = () => {
      selectOnCanvas(new Set(kind === "node" ? [id] : []), new Set(kind === "edge" ? [id] : []));
      dispatch({ type: "select", selection: kind === "node" ? { nodes: [id], edges: [] } : { nodes: [], edges: [id] } });
    };
    if (drawn(store.getState())) return select();
    let left = DRAW_WAIT_UPDATES;
    const stop = store.subscribe((state) => {
      if (drawn(state)) {
        stop();
        select();
      } else if (--left <= 0) stop();
    });
  };

  return {
    ...store,
    dispatch,
    selectWhenDrawn,
    edit,
    replay,
    deleteSelection,
    copy,
    paste,
    select: (selection) => dispatch({ type: "select", selection }),
    selectOnCanvas,
  };
}

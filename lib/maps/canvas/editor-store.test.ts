import { describe, expect, it } from "vitest";
import { ApiRequestError } from "@/lib/api/client";
import { graphOf, planOperations } from "../model/rules";
import type { TFlowMap, TMapEdge, TMapEditResult, TMapNode, TMapOperation } from "../model/schemas";
import { baseEdge, baseNode, id, map as fixtureMap } from "../test-fixtures";
import { EditCancelledError, createEditorStore, deleteSelectionOperations, type TEditorDependencies } from "./editor-store";
import { applyEditResult } from "./query-cache";
import { toReactFlow } from "./to-react-flow";

const references = { elementIds: new Set<string>(), statementIds: new Set<string>(), personIds: new Set<string>() };

function flowMap(nodes: TMapNode[], edges: TMapEdge[], version = 7): TFlowMap {
  return { ...fixtureMap(nodes, edges), mapId: id(998), version, statements: [], people: [], elements: [] };
}

/** A stand-in for the server: the same planner, a version per edit, 409 on a conflict. */
function fakeServer(start: TFlowMap) {
  let current = start;
  let counter = 5000;
  const newId = () => id(++counter);
  const save: TEditorDependencies["save"] = async ({ operations }) => {
    const plan = planOperations(graphOf(current.nodes, current.edges), operations, references, newId);
    if (plan.conflicts.length > 0) throw new ApiRequestError(409, "conflict", "Someone else changed this element since you opened it.");
    if (plan.errors.length > 0) throw new ApiRequestError(400, "validation_failed", "The map edit is invalid.", plan.errors);
    const after = (kind: string) =>
      plan.changes.filter((change) => change.kind.startsWith(kind) && change.after !== null).map((change) => change.after);
    const result: TMapEditResult = {
      mapVersion: current.version + 1,
      nodes: after("node.") as TMapNode[],
      edges: after("edge.") as TMapEdge[],
      deletedNodeIds: plan.changes.filter((change) => change.kind === "node.delete").map((change) => change.entityId),
      deletedEdgeIds: plan.changes.filter((change) => change.kind === "edge.delete").map((change) => change.entityId),
    };
    current = { ...applyEditResult(current, result), version: result.mapVersion };
    return result;
  };
  return { save, newId, current: () => current };
}

/** A promise the test settles by hand, to look at the store while an edit is on its way. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const ids = (items: Array<{ id: string }>) => items.map((item) => item.id).sort();

describe("editor store", () => {
  const a = baseNode(1, { x: 0, y: 0 });
  const b = baseNode(2, { x: 300, y: 0 });
  const c = baseNode(3, { x: 600, y: 0 });
  const ab = baseEdge(10, 1, 2, { status: "PROPOSED" });
  const bc = baseEdge(11, 2, 3, { status: "PROPOSED" });
  const start = flowMap([a, b, c], [ab, bc]);

  it("undo after a delete brings the node back with its flows; redo deletes it again; the selection is cleared", async () => {
    const server = fakeServer(start);
    const store = createEditorStore(start, { save: server.save, newId: server.newId });
    store.select({ nodes: [b.id], edges: [] });
    const deleted = await store.deleteSelection();
    expect(deleted?.ok).toBe(true);
    expect(ids(store.getState().map.nodes)).toEqual(ids([a, c]));
    expect(store.getState().map.edges).toEqual([]);
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
    expect(store.getState().history.undo).toHaveLength(1);

    const undone = await store.replay("undo");
    expect(undone?.ok).toBe(true);
    expect(ids(store.getState().map.nodes)).toEqual(ids([a, b, c]));
    expect(ids(store.getState().map.edges)).toEqual(ids([ab, bc]));
    expect(store.getState().history).toMatchObject({ undo: [], redo: [expect.any(Array)] });

    const redone = await store.replay("redo");
    expect(redone?.ok).toBe(true);
    expect(ids(store.getState().map.nodes)).toEqual(ids([a, c]));
    expect(store.getState().history).toMatchObject({ undo: [expect.any(Array)], redo: [] });
    expect(ids(server.current().nodes)).toEqual(ids([a, c]));
  });

  it("shows an edit at once and takes it back when the server answers 409, telling whoever listens", async () => {
    const answer = deferred<TMapEditResult>();
    const errors: unknown[] = [];
    const store = createEditorStore(start, {
      save: () => answer.promise,
      newId: () => id(4000),
      onSaveError: (error) => errors.push(error),
    });
    const saving = store.edit([{ op: "updateNode", id: a.id, version: 1, patch: { label: "renamed" } }], "edit");
    expect(store.getState().map.nodes.find((node) => node.id === a.id)?.label).toBe("renamed");
    expect(store.getState().base).toBe(start);

    const conflict = new ApiRequestError(409, "conflict", "Someone else changed label of this element since you opened it.");
    answer.reject(conflict);
    const outcome = await saving;
    expect(outcome).toEqual({ ok: false, error: conflict });
    expect(store.getState().map).toBe(start);
    expect(store.getState().pending).toEqual([]);
    expect(store.getState().history.undo).toEqual([]);
    expect(errors).toEqual([conflict]);
  });

  it("pastes copies under fresh ids, with the copied flow wired to the copies and the copies selected", async () => {
    const server = fakeServer(start);
    const store = createEditorStore(start, { save: server.save, newId: server.newId });
    store.select({ nodes: [a.id, b.id], edges: [] });
    expect(store.copy()).toBe(2);
    const pasted = await store.paste();
    if (!pasted?.ok) throw new Error("the paste was refused");
    const copies = pasted.result.nodes;
    expect(copies).toHaveLength(2);
    expect(copies.some((node) => [a.id, b.id, c.id].includes(node.id))).toBe(false);
    expect(copies.map((node) => [node.x, node.y]).sort()).toEqual(
      [
        [340, 40],
        [40, 40],
      ].sort(),
    );
    const [flow] = pasted.result.edges;
    expect(flow).toBeDefined();
    expect(new Set([flow!.sourceId, flow!.targetId])).toEqual(new Set(ids(copies)));
    expect(store.getState().map.nodes).toHaveLength(5);

    // The canvas marks the copies selected (React Flow then reports the selection back). It follows
    // the map as the editor component makes it do, converting every map the store shows.
    store.subscribe((state, previous) => {
      if (state.map !== previous.map) store.dispatch({ type: "canvasDerived", derived: toReactFlow(state.map) });
    });
    store.dispatch({ type: "canvasDerived", derived: toReactFlow(store.getState().map) });
    await store.paste();
    const selected = store.getState().canvas.nodes.filter((node) => node.selected);
    expect(selected).toHaveLength(2);
    expect(selected.some((node) => [a.id, b.id].includes(node.id))).toBe(false);
  });

  it("lays a live batch that arrives mid-edit under the pending edit, and keeps both once the server answers", async () => {
    const answer = deferred<TMapEditResult>();
    const server = fakeServer(start);
    const store = createEditorStore(start, {
      save: (edit) => server.save(edit).then((result) => answer.promise.then(() => result)),
      newId: server.newId,
    });
    const saving = store.edit([{ op: "updateNode", id: a.id, version: 1, patch: { x: 120 } }], "move");

    const renamedByOther = { ...c, label: "renamed elsewhere", version: 2 };
    store.dispatch({
      type: "liveBatch",
      batch: { mapVersion: start.version + 1, events: [{ kind: "node.update", entityId: c.id, after: renamedByOther }] },
    });
    const during = store.getState().map;
    expect(during.version).toBe(start.version + 1);
    expect(during.nodes.find((node) => node.id === a.id)?.x).toBe(120);
    expect(during.nodes.find((node) => node.id === c.id)?.label).toBe("renamed elsewhere");

    answer.resolve(undefined as never);
    expect((await saving).ok).toBe(true);
    const after = store.getState();
    expect(after.pending).toEqual([]);
    expect(after.map).toBe(after.base);
    expect(after.map.nodes.find((node) => node.id === a.id)).toMatchObject({ x: 120, version: 2 });
    expect(after.map.nodes.find((node) => node.id === c.id)?.label).toBe("renamed elsewhere");
  });

  it("a live batch already held, and a refetch of the map it wrote itself, change nothing", () => {
    const store = createEditorStore(start, { save: async () => Promise.reject(new Error("unused")), newId: () => id(4001) });
    const before = store.getState();
    store.dispatch({
      type: "liveBatch",
      batch: { mapVersion: start.version, events: [{ kind: "node.delete", entityId: a.id, after: null }] },
    });
    store.dispatch({ type: "loaded", map: start });
    expect(store.getState()).toBe(before);
  });

  it("deleting a node and its flow deletes the flow once, through the node", () => {
    const operations: TMapOperation[] = deleteSelectionOperations(start, { nodes: [b.id], edges: [ab.id] });
    expect(operations).toEqual([{ op: "deleteNode", id: b.id, version: 1 }]);
    expect(deleteSelectionOperations(start, { nodes: [], edges: [ab.id] })).toEqual([{ op: "deleteEdge", id: ab.id, version: 1 }]);
  });

  it("a layout step moves only the nodes it places, and a new edit clears redo", async () => {
    const server = fakeServer(start);
    const store = createEditorStore(start, { save: server.save, newId: server.newId });
    store.dispatch({ type: "canvasDerived", derived: toReactFlow(start) });
    const untouched = store.getState().canvas.nodes.find((node) => node.id === c.id);
    store.dispatch({ type: "layoutStep", placements: new Map([[a.id, { x: 900, y: 50 }]]) });
    expect(store.getState().canvas.nodes.find((node) => node.id === a.id)?.position).toEqual({ x: 900, y: 50 });
    expect(store.getState().canvas.nodes.find((node) => node.id === c.id)).toBe(untouched);

    await store.edit([{ op: "updateNode", id: a.id, version: 1, patch: { label: "one" } }], "edit");
    await store.replay("undo");
    expect(store.getState().history.redo).toHaveLength(1);
    await store.edit([{ op: "updateNode", id: c.id, version: 1, patch: { label: "two" } }], "edit");
    expect(store.getState().history.redo).toEqual([]);
  });

  it("asks before a content edit of an agreed map: no means nothing is shown, saved or recorded; a move never asks", async () => {
    const server = fakeServer(start);
    const saved: TMapOperation[][] = [];
    let answer = false;
    let asked = 0;
    const store = createEditorStore(start, {
      save: (edit) => {
        saved.push(edit.operations);
        return server.save(edit);
      },
      newId: server.newId,
      confirmContentEdit: async () => {
        asked += 1;
        return answer;
      },
    });
    const outcome = await store.edit([{ op: "updateNode", id: a.id, version: 1, patch: { label: "renamed" } }], "edit");
    expect(outcome.ok ? null : outcome.error).toBeInstanceOf(EditCancelledError);
    expect(saved).toEqual([]);
    expect(store.getState().map).toBe(start);
    expect(store.getState().history.undo).toEqual([]);

    expect((await store.edit([{ op: "updateNode", id: a.id, version: 1, patch: { x: 400, y: 10 } }], "move")).ok).toBe(true);
    expect(asked).toBe(1);

    answer = true;
    expect((await store.edit([{ op: "updateNode", id: a.id, version: 2, patch: { label: "renamed" } }], "edit")).ok).toBe(true);
    expect(asked).toBe(2);
    expect(store.getState().map.nodes.find((node) => node.id === a.id)?.label).toBe("renamed");
  });

  it("a cancelled undo stays on the undo stack to be replayed later", async () => {
    const server = fakeServer(start);
    let answer = true;
    const store = createEditorStore(start, { save: server.save, newId: server.newId, confirmContentEdit: async () => answer });
    await store.edit([{ op: "updateNode", id: a.id, version: 1, patch: { label: "one" } }], "edit");
    answer = false;
    expect((await store.replay("undo"))?.ok).toBe(false);
    expect(store.getState().history.undo).toHaveLength(1);
    answer = true;
    expect((await store.replay("undo"))?.ok).toBe(true);
    expect(store.getState().history.undo).toEqual([]);
    expect(store.getState().map.nodes.find((node) => node.id === a.id)?.label).toBe(a.label);
  });

  it("selects a new element once the canvas draws it, not before", async () => {
    const server = fakeServer(start);
    const store = createEditorStore(start, { save: server.save, newId: server.newId });
    store.dispatch({ type: "canvasDerived", derived: toReactFlow(start) });
    const created = baseEdge(20, 1, 3, { status: "PROPOSED" });
    await store.edit([{ op: "createEdge", edge: created }], "edit");
    store.selectWhenDrawn("edge", created.id);
    expect(store.getState().selection.edges).toEqual([]);
    store.dispatch({ type: "canvasDerived", derived: toReactFlow(store.getState().map) });
    expect(store.getState().selection).toEqual({ nodes: [], edges: [created.id] });
    expect(store.getState().canvas.edges.find((edge) => edge.id === created.id)?.selected).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { applyEditResult, applyLiveBatch } from "../canvas/query-cache";
import { graphOf, planOperations } from "./rules";
import { copySelection, inverseOperations, pasteOperations } from "./undo";
import type { TFlowMap, TMapEdge, TMapEditResult, TMapNode, TMapOperation } from "./schemas";

let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
const node = (overrides: Partial<TMapNode> = {}): TMapNode => ({
  id: uuid(),
  kind: "WORKLOAD",
  label: "n",
  identity: "",
  labels: {},
  addresses: [],
  zoneId: null,
  environment: "",
  notes: "",
  daasElementId: null,
  x: 0,
  y: 0,
  width: null,
  height: null,
  version: 1,
  ...overrides,
});
const edge = (source: TMapNode, target: TMapNode): TMapEdge => ({
  id: uuid(),
  sourceId: source.id,
  targetId: target.id,
  protocol: "TCP",
  ports: "443",
  appProtocol: "",
  principal: "",
  httpMethod: "",
  httpPath: "",
  encryption: "TLS",
  authentication: "NONE",
  status: "PROPOSED",
  justification: "",
  ownerId: null,
  statementId: null,
  connections: null,
  bytes: null,
  firstSeen: null,
  lastSeen: null,
  version: 1,
});
const references = { elementIds: new Set<string>(), statementIds: new Set<string>(), personIds: new Set<string>() };

function map(nodes: TMapNode[], edges: TMapEdge[], version = 5): TFlowMap {
  return {
    surface: { id: uuid(), name: "s", classification: "INTERNAL", status: "DRAFT" },
    mapId: uuid(),
    version,
    nodes,
    edges,
    elements: [],
    statements: [],
    people: [],
  };
}

/** Runs operations through the same planner the server uses, returning what the API would. */
function run(current: TFlowMap, operations: TMapOperation[]): { result: TMapEditResult; after: TFlowMap } {
  const plan = planOperations(graphOf(current.nodes, current.edges), operations, references, uuid);
  expect(plan.errors).toEqual([]);
  expect(plan.conflicts).toEqual([]);
  const result: TMapEditResult = {
    mapVersion: current.version + 1,
    nodes: plan.changes.filter((c) => c.kind.startsWith("node") && c.after).map((c) => c.after as TMapNode),
    edges: plan.changes.filter((c) => c.kind.startsWith("edge") && c.after).map((c) => c.after as TMapEdge),
    deletedNodeIds: plan.changes.filter((c) => c.kind === "node.delete").map((c) => c.entityId),
    deletedEdgeIds: plan.changes.filter((c) => c.kind === "edge.delete").map((c) => c.entityId),
  };
  return { result, after: applyEditResult(current, result) };
}

const content = (m: TFlowMap) => ({
  nodes: m.nodes.map(({ version: _v, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id)),
  edges: m.edges.map(({ version: _v, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id)),
});

describe("undo", () => {
  it("restores a deleted node with its flows and zone members", () => {
    const zone = node({ kind: "ZONE", x: 100, y: 100 });
    const inside = node({ zoneId: zone.id, x: 5, y: 5 });
    const other = node();
    const start = map([zone, inside, other], [edge(zone, other), edge(other, inside)]);
    const deleted = run(start, [{ op: "deleteNode", id: zone.id, version: 1 }]);
    expect(deleted.after.edges).toHaveLength(1);
    const undone = run(deleted.after, inverseOperations(start, deleted.result));
    expect(content(undone.after)).toEqual(content(start));
  });

  it("takes back creations and field changes, and redo re-applies them", () => {
    const a = node();
    const b = node();
    const start = map([a, b], []);
    const newNode = uuid();
    const edit = run(start, [
      {
        op: "createNode",
        node: {
          id: newNode,
          kind: "SERVICE",
          label: "new",
          identity: "",
          labels: {},
          addresses: [],
          zoneId: null,
          environment: "",
          notes: "",
          daasElementId: null,
          x: 1,
          y: 1,
          width: null,
          height: null,
        },
      },
      { op: "createEdge", edge: { ...edge(a, b), id: undefined, version: undefined } as never },
      { op: "updateNode", id: a.id, version: 1, patch: { label: "renamed", x: 90 } },
    ]);
    const undo = run(edit.after, inverseOperations(start, edit.result));
    expect(content(undo.after)).toEqual(content(start));
    const redo = run(undo.after, inverseOperations(edit.after, undo.result));
    expect(content(redo.after)).toEqual(content(edit.after));
  });
});

describe("copy and paste", () => {
  it("copies nodes with the flows between them and pastes fresh, shifted copies", () => {
    const zone = node({ kind: "ZONE" });
    const a = node({ zoneId: zone.id, x: 10, y: 10, daasElementId: uuid() });
    const b = node({ x: 300 });
    const outside = node();
    const start = map([zone, a, b, outside], [edge(a, b), edge(b, outside)]);
    const clipboard = copySelection(start, new Set([zone.id, a.id, b.id]));
    expect(clipboard.edges).toHaveLength(1);
    const operations = pasteOperations(clipboard, new Set(start.nodes.map((n) => n.id)), uuid);
    const pasted = run(start, operations);
    expect(pasted.after.nodes).toHaveLength(7);
    const copyOfA = pasted.result.nodes.find((n) => n.label === a.label && n.id !== a.id && n.zoneId !== null)!;
    expect(copyOfA).toMatchObject({ x: 10, y: 10, daasElementId: null });
    expect(copyOfA.zoneId).not.toBe(zone.id);
    expect(pasted.result.nodes.find((n) => n.x === 340)).toBeDefined();
  });

  it("keeps a zone that is still on the map when only its member is copied", () => {
    const zone = node({ kind: "ZONE" });
    const a = node({ zoneId: zone.id });
    const operations = pasteOperations(copySelection(map([zone, a], []), new Set([a.id])), new Set([zone.id, a.id]), uuid);
    expect(operations[0]).toMatchObject({ op: "createNode", node: { zoneId: zone.id, x: 40, y: 40 } });
    expect(pasteOperations(copySelection(map([zone, a], []), new Set([a.id])), new Set(), uuid)[0]).toMatchObject({
      node: { zoneId: null },
    });
  });
});

describe("live cache", () => {
  it("applies each map version once, in order, and ignores replays", () => {
    const a = node();
    const start = map([a], [], 3);
    const renamed = { ...a, label: "renamed", version: 2 };
    const next = applyLiveBatch(start, { mapVersion: 4, events: [{ kind: "node.update", entityId: a.id, after: renamed }] });
    expect(next.version).toBe(4);
    expect(next.nodes[0]!.label).toBe("renamed");
    expect(applyLiveBatch(next, { mapVersion: 4, events: [{ kind: "node.delete", entityId: a.id, after: null }] })).toBe(next);
    expect(applyLiveBatch(next, { mapVersion: 5, events: [{ kind: "node.delete", entityId: a.id, after: null }] }).nodes).toEqual([]);
  });

  it("an element echoed back unchanged keeps its identity (nothing re-renders)", () => {
    const a = node();
    const start = map([a], [], 3);
    const echoed = applyLiveBatch(start, { mapVersion: 4, events: [{ kind: "node.update", entityId: a.id, after: { ...a } }] });
    expect(echoed.nodes[0]).toBe(a);
    // The lists too, so the canvas has nothing to convert again; only the version moves on.
    expect(echoed.nodes).toBe(start.nodes);
    expect(echoed.edges).toBe(start.edges);
    expect(echoed.version).toBe(4);
  });

  it("an edit result updates elements without advancing the version", () => {
    const a = node();
    const start = map([a], [], 3);
    const after = applyEditResult(start, {
      mapVersion: 4,
      nodes: [{ ...a, label: "x", version: 2 }],
      edges: [],
      deletedNodeIds: [],
      deletedEdgeIds: [],
    });
    expect(after.version).toBe(3);
    expect(after.nodes[0]!.label).toBe("x");
  });
});

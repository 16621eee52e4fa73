import { describe, expect, it } from "vitest";
import {
  applyEvents,
  changesContent,
  conflictingFields,
  graphOf,
  mergeChanges,
  planOperations,
  revertEvents,
  validateEdge,
  validateNode,
  type TMapReferences,
} from "./rules";
import type { TMapEdge, TMapNode, TNodeKind } from "./schemas";
import { baseNode, id, proposedEdge } from "../test-fixtures";

let counter = 0;
const uuid = () => id(++counter);

const node = (kind: TNodeKind, overrides: Partial<TMapNode> = {}): TMapNode =>
  baseNode(++counter, { kind, label: `${kind} ${counter}`, ...overrides });

const edge = (source: TMapNode, target: TMapNode, overrides: Partial<TMapEdge> = {}): TMapEdge =>
  proposedEdge(++counter, source, target, overrides);

const elementId = "11111111-1111-4111-8111-111111111111";
const statementId = "22222222-2222-4222-8222-222222222222";
const personId = "33333333-3333-4333-8333-333333333333";
const references: TMapReferences = {
  elementIds: new Set([elementId]),
  statementIds: new Set([statementId]),
  personIds: new Set([personId]),
};

describe("flow validation", () => {
  const web = node("WORKLOAD");
  const users = node("USER_GROUP");
  const graph = graphOf([web, users], []);

  it("accepts a well-formed flow", () => {
    expect(validateEdge(edge(users, web, { ownerId: personId, statementId }), graph, references)).toEqual([]);
  });

  it("refuses flows whose endpoints are not on the map", () => {
    const ghost = node("SERVICE");
    const errors = validateEdge(edge(ghost, ghost), graph, references);
    expect(errors.map((error) => error.path)).toEqual(["sourceId", "targetId"]);
  });

  it.each([
    ["TCP", "", "TCP needs at least one port"],
    ["UDP", "70000", "UDP"],
    ["ICMP", "443", "ICMP takes no ports"],
    ["ANY", "1-10", "ANY takes no ports"],
  ] as const)("%s with ports %j is refused", (protocol, ports, message) => {
    const errors = validateEdge(edge(users, web, { protocol, ports }), graph, references);
    expect(errors).toEqual([{ path: "ports", message: expect.stringContaining(message) }]);
  });

  it("ICMP and ANY without ports are fine", () => {
    expect(validateEdge(edge(users, web, { protocol: "ICMP", ports: "" }), graph, references)).toEqual([]);
    expect(validateEdge(edge(users, web, { protocol: "ANY", ports: "" }), graph, references)).toEqual([]);
  });

  it("allows self-loops only where instances talk among themselves", () => {
    for (const kind of ["WORKLOAD", "SERVICE", "DATASTORE"] as const) {
      const peer = node(kind);
      expect(validateEdge(edge(peer, peer), graphOf([peer], []), references)).toEqual([]);
    }
    for (const kind of ["USER_GROUP", "DEVICE", "EXTERNAL", "ZONE"] as const) {
      const lone = node(kind);
      expect(validateEdge(edge(lone, lone), graphOf([lone], []), references)[0]?.path).toBe("targetId");
    }
  });

  it("refuses unknown statements, owners and a last-seen before first-seen", () => {
    const errors = validateEdge(
      edge(users, web, { statementId: uuid(), ownerId: uuid(), firstSeen: "2026-05-02T00:00:00Z", lastSeen: "2026-05-01T00:00:00Z" }),
      graph,
      references,
    );
    expect(errors.map((error) => error.path).sort()).toEqual(["lastSeen", "ownerId", "statementId"]);
  });

  it("refuses the same flow twice", () => {
    const existing = edge(users, web);
    expect(validateEdge(edge(users, web), graphOf([web, users], [existing]), references)[0]?.message).toContain("already on the map");
  });
});

describe("node validation", () => {
  it("a zone must exist, be a zone and not contain itself", () => {
    const zone = node("ZONE");
    const inner = node("ZONE", { zoneId: zone.id });
    const loop = { ...zone, zoneId: inner.id };
    const workload = node("WORKLOAD");
    const graph = graphOf([loop, inner, workload], []);
    expect(validateNode(loop, graph, references)[0]?.message).toContain("inside itself");
    expect(validateNode(node("SERVICE", { zoneId: workload.id }), graph, references)[0]?.message).toContain("must be a zone");
    expect(validateNode(node("SERVICE", { zoneId: uuid() }), graph, references)[0]?.path).toBe("zoneId");
  });

  it("a DAAS element belongs to the surface and is drawn once", () => {
    const member = node("DATASTORE", { daasElementId: elementId });
    const graph = graphOf([member], []);
    expect(validateNode(member, graph, references)).toEqual([]);
    expect(validateNode(node("DATASTORE", { daasElementId: elementId }), graph, references)[0]?.message).toContain("already drawn");
    expect(validateNode(node("DATASTORE", { daasElementId: uuid() }), graph, references)[0]?.message).toContain("not a DAAS element");
  });
});

describe("conflict rules", () => {
  it("a current version never conflicts", () => {
    expect(conflictingFields({ label: "x" }, { label: "y" }, 3, 3, new Set(["label"]))).toEqual([]);
  });
  it("different fields of one element merge", () => {
    expect(conflictingFields({ encryption: "MTLS" }, { encryption: "NONE", ports: "8443" }, 1, 2, new Set(["ports"]))).toEqual([]);
  });
  it("the same field changed by someone else conflicts", () => {
    expect(conflictingFields({ ports: "443" }, { ports: "8443" }, 1, 2, new Set(["ports"]))).toEqual(["ports"]);
  });
  it("setting the value someone else already set is not a conflict", () => {
    expect(conflictingFields({ ports: "8443" }, { ports: "8443" }, 1, 2, new Set(["ports"]))).toEqual([]);
  });
  it("positions never conflict", () => {
    expect(conflictingFields({ x: 10, y: 20 }, { x: 0, y: 0 }, 1, 5, new Set(["x", "y"]))).toEqual([]);
  });
});

describe("planning operations", () => {
  const newId = () => uuid();

  it("creates a node and a flow wired to it in one batch", () => {
    const users = node("USER_GROUP");
    const id = uuid();
    const plan = planOperations(
      graphOf([users], []),
      [
        {
          op: "createNode",
          node: {
            id,
            kind: "WORKLOAD",
            label: "api",
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
          },
        },
        {
          op: "createEdge",
          edge: {
            sourceId: users.id,
            targetId: id,
            protocol: "TCP",
            ports: "443, 80",
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
          },
        },
      ],
      references,
      newId,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.changes.map((change) => change.kind)).toEqual(["node.create", "edge.create"]);
    expect((plan.changes[1]!.after as TMapEdge).ports).toBe("80,443");
  });

  it("reports each invalid operation with its path and changes nothing", () => {
    const users = node("USER_GROUP");
    const flow = edge(users, users, { id: uuid() });
    const plan = planOperations(
      graphOf([users], []),
      [
        { op: "createEdge", edge: { ...flow, id: undefined, protocol: "ICMP", ports: "7" } },
        { op: "updateNode", id: users.id, version: 1, patch: { zoneId: users.id } },
      ],
      references,
      newId,
    );
    expect(plan.errors.map((error) => error.path).sort()).toEqual([
      "operations.0.edge.ports",
      "operations.0.edge.targetId",
      "operations.1.patch.zoneId",
    ]);
  });

  it("a dangling flow is refused", () => {
    const users = node("USER_GROUP");
    const plan = planOperations(
      graphOf([users], []),
      [{ op: "createEdge", edge: { ...edge(users, node("SERVICE")), id: undefined } }],
      references,
      newId,
    );
    expect(plan.errors).toEqual([{ path: "operations.0.edge.targetId", message: "refers to a node that is not on this map" }]);
  });

  it("deleting a node takes its flows and frees its zone members where they stand", () => {
    const zone = node("ZONE", { x: 100, y: 50 });
    const inside = node("WORKLOAD", { zoneId: zone.id, x: 10, y: 20 });
    const other = node("SERVICE");
    const flow = edge(zone, other);
    const plan = planOperations(graphOf([zone, inside, other], [flow]), [{ op: "deleteNode", id: zone.id, version: 1 }], references, newId);
    expect(plan.errors).toEqual([]);
    expect(plan.changes.map((change) => `${change.kind}:${change.entityId}`).sort()).toEqual(
      [`edge.delete:${flow.id}`, `node.delete:${zone.id}`, `node.update:${inside.id}`].sort(),
    );
    expect(plan.graph.nodes.get(inside.id)).toMatchObject({ zoneId: null, x: 110, y: 70, version: 2 });
  });

  it("a stale delete or a stale same-field update is a conflict with the current element", () => {
    const service = node("SERVICE", { version: 3 });
    const plan = planOperations(graphOf([service], []), [{ op: "deleteNode", id: service.id, version: 2 }], references, newId);
    expect(plan.conflicts).toEqual([{ id: service.id, path: "operations.0", fields: [], current: service }]);
    const update = planOperations(
      graphOf([service], []),
      [{ op: "updateNode", id: service.id, version: 2, patch: { label: "renamed" } }],
      references,
      newId,
      new Map([[service.id, new Set(["label"])]]),
    );
    expect(update.conflicts[0]).toMatchObject({ id: service.id, fields: ["label"] });
  });

  it("updating a deleted element is a conflict without a current element", () => {
    const plan = planOperations(
      graphOf([], []),
      [{ op: "updateEdge", id: uuid(), version: 1, patch: { status: "APPROVED" } }],
      references,
      newId,
    );
    expect(plan.conflicts[0]?.current).toBeNull();
  });

  it("one batch may touch an element twice against the version it holds", () => {
    const zone = node("ZONE");
    const inside = node("WORKLOAD", { zoneId: zone.id });
    const plan = planOperations(
      graphOf([zone, inside], []),
      [
        { op: "deleteNode", id: zone.id, version: 1 },
        { op: "deleteNode", id: inside.id, version: 1 },
      ],
      references,
      newId,
    );
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes.map((change) => change.kind).sort()).toEqual(["node.delete", "node.delete"]);
  });

  it("an update that changes nothing records nothing", () => {
    const service = node("SERVICE", { label: "same" });
    expect(
      planOperations(
        graphOf([service], []),
        [{ op: "updateNode", id: service.id, version: 1, patch: { label: "same" } }],
        references,
        newId,
      ).changes,
    ).toEqual([]);
  });

  it("re-using an id that is on the map is refused", () => {
    const service = node("SERVICE");
    const plan = planOperations(
      graphOf([service], []),
      [{ op: "createNode", node: { ...service, version: undefined } as never }],
      references,
      newId,
    );
    expect(plan.errors[0]?.path).toBe("operations.0.node.id");
  });
});

describe("change log", () => {
  it("merges several changes of one element and drops created-then-deleted ones", () => {
    const a = node("SERVICE");
    const b = { ...a, label: "b", version: 2 };
    const c = node("DEVICE");
    expect(
      mergeChanges([
        { kind: "node.create", entityId: a.id, before: null, after: a },
        { kind: "node.update", entityId: a.id, before: a, after: b },
        { kind: "node.create", entityId: c.id, before: null, after: c },
        { kind: "node.delete", entityId: c.id, before: c, after: null },
      ]),
    ).toEqual([{ kind: "node.create", entityId: a.id, before: null, after: b }]);
  });

  it("applying and reverting events are inverse and applying twice changes nothing", () => {
    const a = node("SERVICE");
    const b = node("WORKLOAD");
    const flow = edge(a, b);
    const start = graphOf([a], []);
    const events = [
      { kind: "node.create" as const, entityId: b.id, before: null, after: b },
      { kind: "edge.create" as const, entityId: flow.id, before: null, after: flow },
      { kind: "node.update" as const, entityId: a.id, before: a, after: { ...a, label: "renamed", version: 2 } },
    ];
    const forward = applyEvents(start, events);
    expect(applyEvents(forward, events)).toEqual(forward);
    expect(forward.nodes.get(a.id)?.label).toBe("renamed");
    expect(revertEvents(forward, [...events].reverse())).toEqual(start);
  });

  it("moving nodes alone does not change the agreed content", () => {
    const a = node("SERVICE");
    expect(changesContent([{ kind: "node.update", entityId: a.id, before: a, after: { ...a, x: 50, version: 2 } }])).toBe(false);
    expect(changesContent([{ kind: "node.update", entityId: a.id, before: a, after: { ...a, label: "n", version: 2 } }])).toBe(true);
    expect(changesContent([{ kind: "edge.delete", entityId: a.id, before: a, after: null }])).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import {
  applyEvents,
  changedFields,
  changesContent,
  conflictingFields,
  graphOf,
  mergeChanges,
  planOperations,
  revertEvents,
  validateEdge,
  validateNode,
  type TMapChange,
  type TMapReferences,
} from "./rules";
import type { TMapEdge, TMapNode, TNodeKind } from "./schemas";

let counter = 0;
const uuid = () => `00000000-0000-4000-9000-${String(++counter).padStart(12, "0")}`;

function node(kind: TNodeKind, overrides: Partial<TMapNode> = {}): TMapNode {
  return {
    id: uuid(),
    kind,
    label: `${kind.toLowerCase()} ${counter}`,
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
  };
}

function edge(source: TMapNode, target: TMapNode, overrides: Partial<TMapEdge> = {}): TMapEdge {
  return {
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
    ...overrides,
  };
}

const { version: _nodeVersion, ...nodeFields } = node("SERVICE");
const { version: _edgeVersion, ...edgeFields } = edge(node("SERVICE"), node("SERVICE"));
const elementId = "11111111-1111-4111-8111-111111111111";
const references: TMapReferences = { elementIds: new Set([elementId]), statementIds: new Set(), personIds: new Set() };
const newId = () => uuid();

describe("what a node may refer to", () => {
  it("says which kind the zone it names really is", () => {
    const service = node("SERVICE", { label: "billing" });
    expect(validateNode(node("WORKLOAD", { zoneId: service.id }), graphOf([service], []), references)).toEqual([
      { path: "zoneId", message: 'must be a zone; "billing" is a service' },
    ]);
  });

  it("refuses a zone chain that leads back to the node, however long", () => {
    const outer = node("ZONE");
    const middle = node("ZONE", { zoneId: outer.id });
    const inner = node("ZONE", { zoneId: middle.id });
    const looped = { ...outer, zoneId: inner.id };
    expect(validateNode(looped, graphOf([looped, middle, inner], []), references)).toEqual([
      { path: "zoneId", message: "would put the zone inside itself" },
    ]);
    expect(validateNode(inner, graphOf([outer, middle, inner], []), references)).toEqual([]);
  });

  it("never lets a zone stand for a DAAS element", () => {
    expect(validateNode(node("ZONE", { daasElementId: elementId }), graphOf([], []), references)).toEqual([
      { path: "daasElementId", message: "a zone cannot stand for a DAAS element" },
    ]);
  });

  it("names the node that already draws the element, once", () => {
    const first = node("DATASTORE", { label: "vault", daasElementId: elementId });
    const second = node("DATASTORE", { label: "vault copy", daasElementId: elementId });
    const third = node("DATASTORE", { daasElementId: elementId });
    expect(validateNode(third, graphOf([first, second, third], []), references)).toEqual([
      { path: "daasElementId", message: 'is already drawn as "vault"' },
    ]);
  });
});

describe("what a flow may be", () => {
  const web = node("WORKLOAD", { label: "web" });
  const db = node("DATASTORE", { label: "db" });
  const graph = graphOf([web, db], []);

  it("names each missing endpoint", () => {
    expect(validateEdge(edge(node("SERVICE"), web), graph, references)).toEqual([
      { path: "sourceId", message: "refers to a node that is not on this map" },
    ]);
    expect(validateEdge(edge(web, node("SERVICE")), graph, references)).toEqual([
      { path: "targetId", message: "refers to a node that is not on this map" },
    ]);
  });

  it("explains why a flow to itself is refused", () => {
    const users = node("USER_GROUP");
    expect(validateEdge(edge(users, users), graphOf([users], []), references)).toEqual([
      {
        path: "targetId",
        message: "a flow to itself is only meaningful for workloads, services and datastores (traffic between their instances)",
      },
    ]);
  });

  it("prefixes a port error with the protocol, and tells protocols without ports to leave them empty", () => {
    expect(validateEdge(edge(web, db, { protocol: "UDP", ports: "0" }), graph, references)).toEqual([
      { path: "ports", message: 'UDP "0" must use ports from 1 to 65535' },
    ]);
    expect(validateEdge(edge(web, db, { protocol: "ICMP", ports: "  " }), graph, references)).toEqual([]);
    expect(validateEdge(edge(web, db, { protocol: "ICMP", ports: "8" }), graph, references)).toEqual([
      { path: "ports", message: "ICMP takes no ports; leave them empty" },
    ]);
  });

  it("accepts a flow last seen when it was first seen", () => {
    const at = "2026-05-01T00:00:00Z";
    expect(validateEdge(edge(web, db, { firstSeen: at, lastSeen: at }), graph, references)).toEqual([]);
    expect(validateEdge(edge(web, db, { firstSeen: at, lastSeen: null }), graph, references)).toEqual([]);
    expect(validateEdge(edge(web, db, { firstSeen: "2026-05-02T00:00:00Z", lastSeen: at }), graph, references)).toEqual([
      { path: "lastSeen", message: "must not be before first seen" },
    ]);
  });

  it("names unknown statements and owners", () => {
    expect(validateEdge(edge(web, db, { statementId: uuid(), ownerId: uuid() }), graph, references)).toEqual([
      { path: "statementId", message: "is not a Kipling statement of this surface" },
      { path: "ownerId", message: "is not a known user" },
    ]);
  });

  it("is the same flow only with the same endpoints, protocol and ports, and says which", () => {
    const existing = edge(web, db);
    const withExisting = graphOf([web, db], [existing]);
    expect(validateEdge(edge(web, db), withExisting, references)).toEqual([
      { path: "ports", message: 'the same flow from "web" to "db" is already on the map' },
    ]);
    expect(validateEdge(existing, withExisting, references)).toEqual([]);
    expect(validateEdge(edge(db, web), withExisting, references)).toEqual([]);
    expect(validateEdge(edge(web, db, { protocol: "UDP" }), withExisting, references)).toEqual([]);
    expect(validateEdge(edge(web, db, { ports: "8443" }), withExisting, references)).toEqual([]);
    expect(validateEdge(edge(web, web), graphOf([web, db], [edge(web, db)]), references)).toEqual([]);
  });

  it("reports other errors before looking for duplicates, and a duplicate only once", () => {
    const twice = graphOf([web, db], [edge(web, db), edge(web, db)]);
    expect(validateEdge(edge(web, db), twice, references)).toHaveLength(1);
    expect(validateEdge(edge(web, db, { ownerId: uuid() }), twice, references)).toEqual([
      { path: "ownerId", message: "is not a known user" },
    ]);
  });
});

describe("conflicts and changed fields", () => {
  it("a request holding a newer version than the map never conflicts", () => {
    expect(conflictingFields({ label: "x" }, { label: "y" }, 4, 3, new Set(["label"]))).toEqual([]);
  });

  it("compares values, not references, and ignores sizes", () => {
    expect(conflictingFields({ labels: { tier: "1" } }, { labels: { tier: "1" } }, 1, 2, new Set(["labels"]))).toEqual([]);
    expect(
      conflictingFields(
        { labels: { tier: "2" }, width: 300, height: 10 },
        { labels: { tier: "1" }, width: 200, height: 20 },
        1,
        2,
        new Set(["labels", "width", "height"]),
      ),
    ).toEqual(["labels"]);
  });

  it("lists the fields that differ, never the version, and nothing for a creation or deletion", () => {
    const before = node("SERVICE");
    expect(changedFields(before, { ...before, label: "renamed", labels: { tier: "1" }, version: 9 })).toEqual(["label", "labels"]);
    expect(changedFields(null, before)).toEqual([]);
    expect(changedFields(before, null)).toEqual([]);
  });
});

describe("planning map operations", () => {
  it("gives new elements a fresh id when they bring none, at version 1", () => {
    const users = node("USER_GROUP");
    const ids = ["aaaaaaaa-0000-4000-8000-000000000001", "aaaaaaaa-0000-4000-8000-000000000002"];
    const plan = planOperations(
      graphOf([users], []),
      [
        { op: "createNode", node: { ...nodeFields, id: undefined, kind: "WORKLOAD" } },
        { op: "createEdge", edge: { ...edgeFields, id: undefined, sourceId: users.id, targetId: users.id, protocol: "ICMP", ports: "" } },
      ],
      references,
      () => ids.shift()!,
    );
    expect(plan.changes.map((change) => [change.kind, change.entityId, (change.after as { version: number }).version])).toEqual([
      ["node.create", "aaaaaaaa-0000-4000-8000-000000000001", 1],
      ["edge.create", "aaaaaaaa-0000-4000-8000-000000000002", 1],
    ]);
  });

  it("refuses an id used by any element on the map, node or flow", () => {
    const a = node("SERVICE");
    const b = node("SERVICE");
    const flow = edge(a, b);
    const plan = planOperations(
      graphOf([a, b], [flow]),
      [
        { op: "createNode", node: { ...nodeFields, id: flow.id } },
        { op: "createEdge", edge: { ...edgeFields, id: a.id, sourceId: a.id, targetId: b.id, ports: "22" } },
        { op: "createEdge", edge: { ...edgeFields, id: flow.id, sourceId: a.id, targetId: b.id, ports: "23" } },
      ],
      references,
      newId,
    );
    expect(plan.errors).toEqual([
      { path: "operations.0.node.id", message: "is already used on this map" },
      { path: "operations.1.edge.id", message: "is already used on this map" },
      { path: "operations.2.edge.id", message: "is already used on this map" },
    ]);
    expect(plan.changes).toEqual([]);
  });

  it("writes ports in their canonical form for TCP and UDP, on creation and on a change of ports", () => {
    const a = node("SERVICE");
    const b = node("SERVICE");
    const flow = edge(a, b, { ports: "443" });
    const plan = planOperations(
      graphOf([a, b], [flow]),
      [
        { op: "createEdge", edge: { ...edgeFields, id: undefined, sourceId: a.id, targetId: b.id, protocol: "UDP", ports: "53, 53" } },
        { op: "updateEdge", id: flow.id, version: 1, patch: { ports: "8443, 443" } },
      ],
      references,
      newId,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.changes.map((change) => (change.after as TMapEdge).ports)).toEqual(["53", "443,8443"]);
  });

  it("leaves ports as given where the protocol takes none, so validation can refuse them", () => {
    const a = node("SERVICE");
    const b = node("SERVICE");
    const flow = edge(a, b, { protocol: "ICMP", ports: "" });
    const plan = planOperations(
      graphOf([a, b], [flow]),
      [
        { op: "createEdge", edge: { ...edgeFields, id: undefined, sourceId: a.id, targetId: b.id, protocol: "ANY", ports: " 22 , 22 " } },
        { op: "updateEdge", id: flow.id, version: 1, patch: { ports: " 8 , 8 " } },
      ],
      references,
      newId,
    );
    expect(plan.changes.map((change) => (change.after as TMapEdge).ports)).toEqual([" 22 , 22 ", " 8 , 8 "]);
    expect(plan.errors.map((error) => error.path)).toEqual(["operations.0.edge.ports", "operations.1.patch.ports"]);
  });

  it("bumps the version of an updated element and reports its errors at the patch", () => {
    const zone = node("ZONE");
    const service = node("SERVICE", { version: 4 });
    const plan = planOperations(
      graphOf([zone, service], []),
      [{ op: "updateNode", id: service.id, version: 4, patch: { zoneId: service.id } }],
      references,
      newId,
    );
    expect(plan.changes).toEqual([
      { kind: "node.update", entityId: service.id, before: service, after: { ...service, zoneId: service.id, version: 5 } },
    ]);
    expect(plan.errors).toEqual([{ path: "operations.0.patch.zoneId", message: 'must be a zone; "' + service.label + '" is a service' }]);
  });

  it("treats updating a missing element as a conflict, and a flow update that changes nothing as nothing", () => {
    const a = node("SERVICE");
    const flow = edge(a, a);
    const plan = planOperations(
      graphOf([a], [flow]),
      [
        { op: "updateNode", id: uuid(), version: 1, patch: { label: "gone" } },
        { op: "updateEdge", id: flow.id, version: 1, patch: { ports: "443" } },
      ],
      references,
      newId,
    );
    expect(plan.conflicts).toEqual([{ id: expect.any(String), path: "operations.0", fields: [], current: null }]);
    expect(plan.changes).toEqual([]);
  });

  it("refuses a stale update of a flow's field someone else changed, and accepts a field nobody touched", () => {
    const a = node("SERVICE");
    const flow = edge(a, a, { version: 3, ports: "8443" });
    const changedSince = new Map([[flow.id, new Set(["ports"])]]);
    const stale = planOperations(
      graphOf([a], [flow]),
      [{ op: "updateEdge", id: flow.id, version: 2, patch: { ports: "443" } }],
      references,
      newId,
      changedSince,
    );
    expect(stale.conflicts).toEqual([{ id: flow.id, path: "operations.0", fields: ["ports"], current: flow }]);
    expect(stale.changes).toEqual([]);
    const elsewhere = planOperations(
      graphOf([a], [flow]),
      [{ op: "updateEdge", id: flow.id, version: 2, patch: { encryption: "MTLS" } }],
      references,
      newId,
      changedSince,
    );
    expect(elsewhere.conflicts).toEqual([]);
    expect(elsewhere.changes.map((change) => change.kind)).toEqual(["edge.update"]);
  });

  it("deletes a flow at its version, ignores a second delete and refuses a stale one", () => {
    const a = node("SERVICE");
    const flow = edge(a, a, { version: 2 });
    const deleted = planOperations(
      graphOf([a], [flow]),
      [
        { op: "deleteEdge", id: flow.id, version: 2 },
        { op: "deleteEdge", id: flow.id, version: 2 },
        { op: "deleteNode", id: uuid(), version: 1 },
      ],
      references,
      newId,
    );
    expect(deleted.changes).toEqual([{ kind: "edge.delete", entityId: flow.id, before: flow, after: null }]);
    expect(deleted.graph.edges.has(flow.id)).toBe(false);
    const stale = planOperations(graphOf([a], [flow]), [{ op: "deleteEdge", id: flow.id, version: 1 }], references, newId);
    expect(stale.conflicts).toEqual([{ id: flow.id, path: "operations.0", fields: [], current: flow }]);
    expect(stale.graph.edges.get(flow.id)).toBe(flow);
  });

  it("deleting a node takes the flows into it and out of it, and no other", () => {
    const a = node("SERVICE");
    const b = node("SERVICE");
    const c = node("SERVICE");
    const out = edge(a, b);
    const into = edge(c, a);
    const aside = edge(b, c);
    const plan = planOperations(graphOf([a, b, c], [out, into, aside]), [{ op: "deleteNode", id: a.id, version: 1 }], references, newId);
    expect([...plan.graph.edges.keys()]).toEqual([aside.id]);
    expect([...plan.graph.nodes.keys()].sort()).toEqual([b.id, c.id].sort());
  });

  it("moves the members of a deleted zone into the zone around it, where they stand", () => {
    const outer = node("ZONE", { x: 5, y: 5 });
    const inner = node("ZONE", { zoneId: outer.id, x: 100, y: 50 });
    const member = node("WORKLOAD", { zoneId: inner.id, x: 10, y: 20, version: 3 });
    const plan = planOperations(graphOf([outer, inner, member], []), [{ op: "deleteNode", id: inner.id, version: 1 }], references, newId);
    expect(plan.graph.nodes.get(member.id)).toEqual({ ...member, zoneId: outer.id, x: 110, y: 70, version: 4 });
    expect(plan.graph.nodes.get(outer.id)).toBe(outer);
  });

  it("reports errors of an element a cascade changed at the cascade, by id", () => {
    // A map saved before DAAS elements were unique: deleting the zone moves the member, which is checked again.
    const zone = node("ZONE");
    const drawn = node("DATASTORE", { label: "vault", daasElementId: elementId });
    const member = node("DATASTORE", { zoneId: zone.id, daasElementId: elementId });
    const plan = planOperations(graphOf([drawn, zone, member], []), [{ op: "deleteNode", id: zone.id, version: 1 }], references, newId);
    expect(plan.errors).toEqual([{ path: `operations.cascade.${member.id}.daasElementId`, message: 'is already drawn as "vault"' }]);
  });

  it("does not validate an element deleted later in the same batch", () => {
    const users = node("USER_GROUP");
    const plan = planOperations(
      graphOf([users], []),
      [
        { op: "updateNode", id: users.id, version: 1, patch: { zoneId: users.id } },
        { op: "deleteNode", id: users.id, version: 1 },
      ],
      references,
      newId,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.changes).toEqual([{ kind: "node.delete", entityId: users.id, before: users, after: null }]);
  });

  it("checks an element created in the batch against its own version when it is updated again", () => {
    const id = uuid();
    const plan = planOperations(
      graphOf([], []),
      [
        { op: "createNode", node: { ...nodeFields, id, label: "first" } },
        { op: "updateNode", id, version: 1, patch: { label: "second" } },
        { op: "deleteNode", id, version: 2 },
      ],
      references,
      newId,
      new Map([[id, new Set(["label"])]]),
    );
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes).toEqual([]);
    const staleDelete = planOperations(
      graphOf([], []),
      [
        { op: "createNode", node: { ...nodeFields, id, label: "first" } },
        { op: "updateNode", id, version: 1, patch: { label: "second" } },
        { op: "deleteNode", id, version: 1 },
      ],
      references,
      newId,
    );
    expect(staleDelete.conflicts).toEqual([
      { id, path: "operations.2", fields: [], current: expect.objectContaining({ label: "second", version: 2 }) },
    ]);
  });

  it("leaves the map it was given untouched", () => {
    const a = node("SERVICE");
    const flow = edge(a, a);
    const start = graphOf([a], [flow]);
    planOperations(start, [{ op: "deleteNode", id: a.id, version: 1 }], references, newId);
    expect([...start.nodes.values()]).toEqual([a]);
    expect([...start.edges.values()]).toEqual([flow]);
  });
});

describe("the change log of a batch", () => {
  const a = node("SERVICE");
  const a2 = { ...a, label: "two", version: 2 };
  const a3 = { ...a2, label: "three", version: 3 };

  it("keeps the first before and the last after of each element, and names the result", () => {
    expect(
      mergeChanges([
        { kind: "node.update", entityId: a.id, before: a, after: a2 },
        { kind: "node.update", entityId: a.id, before: a2, after: a3 },
      ]),
    ).toEqual([{ kind: "node.update", entityId: a.id, before: a, after: a3 }]);
    expect(
      mergeChanges([
        { kind: "node.update", entityId: a.id, before: a, after: a2 },
        { kind: "node.delete", entityId: a.id, before: a2, after: null },
      ]),
    ).toEqual([{ kind: "node.delete", entityId: a.id, before: a, after: null }]);
    const flow = edge(a, a);
    const moved = { ...flow, ports: "22", version: 2 };
    expect(
      mergeChanges([
        { kind: "edge.create", entityId: flow.id, before: null, after: flow },
        { kind: "edge.update", entityId: flow.id, before: flow, after: moved },
      ]),
    ).toEqual([{ kind: "edge.create", entityId: flow.id, before: null, after: moved }]);
  });

  it("does not change the log it merges", () => {
    const log: TMapChange[] = [
      { kind: "node.update", entityId: a.id, before: a, after: a2 },
      { kind: "node.update", entityId: a.id, before: a2, after: a3 },
    ];
    mergeChanges(log);
    expect(log[0]).toEqual({ kind: "node.update", entityId: a.id, before: a, after: a2 });
  });
});

describe("replaying stored events", () => {
  const a = node("SERVICE");
  const b = node("WORKLOAD");
  const flow = edge(a, b);

  it("deletes on a delete event, and keeps the very same element when an event brings it unchanged", () => {
    const start = graphOf([a, b], [flow]);
    const next = applyEvents(start, [
      { kind: "edge.delete", entityId: flow.id, after: null },
      { kind: "node.update", entityId: a.id, after: structuredClone(a) },
      { kind: "node.update", entityId: b.id, after: { ...b, label: "renamed" } },
    ]);
    expect(next.edges.has(flow.id)).toBe(false);
    expect(next.nodes.get(a.id)).toBe(a);
    expect(next.nodes.get(b.id)?.label).toBe("renamed");
    expect(start.edges.get(flow.id)).toBe(flow);
    expect(applyEvents(start, [{ kind: "edge.delete", entityId: flow.id, after: flow }]).edges.has(flow.id)).toBe(false);
  });

  it("puts a node event among the nodes and a flow event among the flows", () => {
    const next = applyEvents(graphOf([], []), [
      { kind: "node.create", entityId: a.id, after: a },
      { kind: "edge.create", entityId: flow.id, after: flow },
    ]);
    expect([...next.nodes.keys()]).toEqual([a.id]);
    expect([...next.edges.keys()]).toEqual([flow.id]);
  });

  it("reverting removes what was created, brings back what was deleted and restores what was updated", () => {
    const now = graphOf([{ ...a, label: "renamed" }, b], [flow]);
    const earlier = revertEvents(now, [
      { kind: "edge.create", entityId: flow.id, before: null },
      { kind: "node.update", entityId: a.id, before: a },
      { kind: "node.delete", entityId: "gone", before: { ...b, id: "gone" } },
      { kind: "node.create", entityId: b.id, before: b },
    ]);
    expect(earlier.edges.size).toBe(0);
    expect(earlier.nodes.get(a.id)).toBe(a);
    expect(earlier.nodes.get("gone")).toEqual({ ...b, id: "gone" });
    expect(earlier.nodes.has(b.id)).toBe(false);
    expect(now.edges.has(flow.id)).toBe(true);
  });
});

describe("what changes the agreed content", () => {
  it("creating anything does; resizing does not; editing a flow's fields does", () => {
    const a = node("SERVICE");
    const flow = edge(a, a);
    expect(changesContent([{ kind: "node.create", entityId: a.id, before: null, after: a }])).toBe(true);
    expect(
      changesContent([{ kind: "node.update", entityId: a.id, before: a, after: { ...a, width: 300, height: 200, y: 4, version: 2 } }]),
    ).toBe(false);
    expect(
      changesContent([
        { kind: "node.update", entityId: a.id, before: a, after: { ...a, x: 9, version: 2 } },
        { kind: "edge.update", entityId: flow.id, before: flow, after: { ...flow, encryption: "MTLS", version: 2 } },
      ]),
    ).toBe(true);
    expect(changesContent([])).toBe(false);
  });
});

describe("map rules at their edges", () => {
  it("names a missing zone and an unknown DAAS element on their own fields", () => {
    expect(validateNode(node("SERVICE", { zoneId: uuid() }), graphOf([], []), references)).toEqual([
      { path: "zoneId", message: "refers to a zone that is not on this map" },
    ]);
    expect(validateNode(node("SERVICE", { daasElementId: uuid() }), graphOf([], []), references)).toEqual([
      { path: "daasElementId", message: "is not a DAAS element of this surface" },
    ]);
  });

  it("is no duplicate when another node draws a different element, or none", () => {
    const drawn = node("DATASTORE", { daasElementId: elementId });
    const plain = node("DATASTORE");
    expect(validateNode(drawn, graphOf([drawn, plain], []), references)).toEqual([]);
  });

  it("validates a node whose zone sits in a zone missing from the map", () => {
    const zone = node("ZONE", { zoneId: uuid() });
    expect(validateNode(node("SERVICE", { zoneId: zone.id }), graphOf([zone], []), references)).toEqual([]);
  });

  it("is no duplicate flow when only the source differs", () => {
    const a = node("SERVICE");
    const b = node("SERVICE");
    const target = node("DATASTORE");
    expect(validateEdge(edge(b, target), graphOf([a, b, target], [edge(a, target)]), references)).toEqual([]);
  });

  it("keeps a flow's stored ports when an edit does not touch them", () => {
    const a = node("SERVICE");
    const flow = edge(a, a, { ports: "443, 80" });
    const plan = planOperations(
      graphOf([a], [flow]),
      [{ op: "updateEdge", id: flow.id, version: 1, patch: { encryption: "MTLS" } }],
      references,
      newId,
    );
    expect(plan.changes.map((change) => change.after)).toEqual([{ ...flow, encryption: "MTLS", version: 2 }]);
  });

  it("reports a created node's errors at the created node", () => {
    const plan = planOperations(
      graphOf([], []),
      [{ op: "createNode", node: { ...nodeFields, id: undefined, zoneId: uuid() } }],
      references,
      newId,
    );
    expect(plan.errors).toEqual([{ path: "operations.0.node.zoneId", message: "refers to a zone that is not on this map" }]);
  });

  it("treats updating a missing flow as a conflict without fields", () => {
    const missing = uuid();
    expect(
      planOperations(graphOf([], []), [{ op: "updateEdge", id: missing, version: 1, patch: { ports: "22" } }], references, newId).conflicts,
    ).toEqual([{ id: missing, path: "operations.0", fields: [], current: null }]);
  });

  it("does not validate a flow deleted later in the same batch", () => {
    const a = node("SERVICE");
    const flow = edge(a, a);
    const plan = planOperations(
      graphOf([a], [flow]),
      [
        { op: "updateEdge", id: flow.id, version: 1, patch: { ports: "22" } },
        { op: "deleteEdge", id: flow.id, version: 1 },
      ],
      references,
      newId,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.changes).toEqual([{ kind: "edge.delete", entityId: flow.id, before: flow, after: null }]);
  });

  it("changes the agreed content when one update both moves a node and renames it", () => {
    const a = node("SERVICE");
    expect(changesContent([{ kind: "node.update", entityId: a.id, before: a, after: { ...a, x: 40, label: "renamed", version: 2 } }])).toBe(
      true,
    );
  });
});

import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db, type SurfaceStatus } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import type { TActor } from "@/lib/auth/actor";
import { MAP_EVENTS_CHANNEL } from "./channels";
import { getMapHub } from "./live";
import {
  applyMapOperations,
  createEdge,
  createNode,
  deleteElement,
  getMap,
  importMap,
  listMapEvents,
  updateEdge,
  updateNode,
} from "./service";
import { MAP_DOCUMENT_FORMAT } from "./model/document";

async function createSurface(owner: TActor, status: SurfaceStatus = "DRAFT") {
  return db.protectSurface.create({
    data: {
      name: `Map test ${uniqueSuffix()}`,
      classification: "RESTRICTED",
      criticality: "HIGH",
      status,
      contentHash: "test",
      createdById: owner.id,
      elements: { create: [{ type: "DATA", name: "Vault", classification: "RESTRICTED" }] },
      versions: status === "AGREED" ? { create: { version: 1, snapshot: {}, contentHash: "test", authorId: owner.id } } : undefined,
    },
    include: { elements: true },
  });
}

async function workshop() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const surface = await createSurface(netops);
  const web = await createNode(contextFor(netops), surface.id, { kind: "WORKLOAD", label: "web" });
  const vault = await createNode(contextFor(netops), surface.id, {
    kind: "DATASTORE",
    label: "vault",
    daasElementId: surface.elements[0]!.id,
  });
  return { netops, secops, surface, web, vault };
}

const flow = (sourceId: string, targetId: string) => ({ sourceId, targetId, protocol: "TCP" as const, ports: "5432" });

describe("flow map service", () => {
  it("creates nodes and flows with versions, events and audit rows", async () => {
    const { netops, surface, web, vault } = await workshop();
    const edge = await createEdge(contextFor(netops), surface.id, flow(web.id, vault.id));
    expect(edge).toMatchObject({ version: 1, mapVersion: 3, encryption: "NONE", status: "PROPOSED" });
    const map = await getMap(contextFor(netops), surface.id);
    expect(map.version).toBe(3);
    expect(map.nodes.map((node) => node.label).sort()).toEqual(["vault", "web"]);
    const events = await db.mapEvent.findMany({ where: { mapId: map.mapId! }, orderBy: { mapVersion: "asc" } });
    expect(events.map((event) => [event.mapVersion, event.kind])).toEqual([
      [1, "node.create"],
      [2, "node.create"],
      [3, "edge.create"],
    ]);
    expect(events[2]!.actorId).toBe(netops.id);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: edge.id, action: "map.edge.create" } });
    expect(audit.actorId).toBe(netops.id);
  });

  it("an element the request names but the map lacks is 404 for the element routes, a conflict in a batch, and writes nothing", async () => {
    const { netops, surface, web } = await workshop();
    const context = contextFor(netops);
    const missing = crypto.randomUUID();
    const before = await getMap(context, surface.id);
    await expect(updateNode(context, surface.id, missing, 1, { label: "x" })).rejects.toThrow(NotFoundError);
    await expect(updateEdge(context, surface.id, missing, 1, { ports: "80" })).rejects.toThrow(NotFoundError);
    await expect(deleteElement(context, surface.id, "node", missing, 1)).rejects.toThrow(NotFoundError);
    await expect(deleteElement(context, surface.id, "edge", missing, 1)).rejects.toThrow(NotFoundError);
    await expect(
      applyMapOperations(context, surface.id, [{ op: "updateNode", id: missing, version: 1, patch: { label: "x" } }]),
    ).rejects.toThrow(ConflictError);
    // A batch may delete what is already gone: deleting twice is harmless there.
    expect((await applyMapOperations(context, surface.id, [{ op: "deleteNode", id: missing, version: 1 }])).mapVersion).toBe(
      before.version,
    );
    expect((await getMap(context, surface.id)).version).toBe(before.version);
    // An edit that changes nothing answers with the element as it is.
    expect(await updateNode(context, surface.id, web.id, web.version, { label: web.label })).toMatchObject({
      id: web.id,
      label: web.label,
      version: web.version,
    });
  });

  it("two people editing different fields of one flow both win; the same field is a conflict with the current flow", async () => {
    const { netops, secops, surface, web, vault } = await workshop();
    const edge = await createEdge(contextFor(netops), surface.id, flow(web.id, vault.id));
    await updateEdge(contextFor(netops), surface.id, edge.id, 1, { ports: "6432" });
    const merged = await updateEdge(contextFor(secops), surface.id, edge.id, 1, { encryption: "MTLS" });
    expect(merged).toMatchObject({ ports: "6432", encryption: "MTLS", version: 3 });
    const conflict = await updateEdge(contextFor(secops), surface.id, edge.id, 1, { ports: "443" }).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).details).toMatchObject({
      current: { fields: ["ports"], element: { id: edge.id, ports: "6432", version: 3 } },
    });
  });

  it("a stale delete is refused; a current one takes the node's flows along", async () => {
    const { netops, surface, web, vault } = await workshop();
    const edge = await createEdge(contextFor(netops), surface.id, flow(web.id, vault.id));
    await updateNode(contextFor(netops), surface.id, web.id, 1, { label: "web-2" });
    await expect(deleteElement(contextFor(netops), surface.id, "node", web.id, 1)).rejects.toThrow(ConflictError);
    const result = await deleteElement(contextFor(netops), surface.id, "node", web.id, 2);
    expect(result).toMatchObject({ deletedNodeIds: [web.id], deletedEdgeIds: [edge.id] });
    expect(await db.flowEdge.findUnique({ where: { id: edge.id } })).toBeNull();
  });

  it("refuses invalid elements with field paths and writes nothing", async () => {
    const { netops, surface, web } = await workshop();
    const before = await db.mapEvent.count({ where: { map: { surfaceId: surface.id } } });
    const error = await createEdge(contextFor(netops), surface.id, {
      ...flow(web.id, crypto.randomUUID()),
      protocol: "ICMP",
      ports: "443",
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields.map((field) => field.path).sort()).toEqual([
      "operations.0.edge.ports",
      "operations.0.edge.targetId",
    ]);
    await expect(createEdge(contextFor(netops), surface.id, flow(web.id, web.id))).resolves.toMatchObject({ sourceId: web.id });
    const selfUser = await createNode(contextFor(netops), surface.id, { kind: "USER_GROUP", label: "staff" });
    await expect(createEdge(contextFor(netops), surface.id, flow(selfUser.id, selfUser.id))).rejects.toThrow(ValidationError);
    expect(await db.mapEvent.count({ where: { map: { surfaceId: surface.id } } })).toBe(before + 2);
  });

  it("a batch applies all or nothing and bumps the map version once", async () => {
    const { netops, surface, web, vault } = await workshop();
    const zoneId = crypto.randomUUID();
    const result = await applyMapOperations(
      contextFor(netops),
      surface.id,
      [
        {
          op: "createNode",
          node: {
            id: zoneId,
            kind: "ZONE",
            label: "DMZ",
            identity: "",
            labels: {},
            addresses: [],
            zoneId: null,
            environment: "",
            notes: "",
            daasElementId: null,
            x: 0,
            y: 0,
            width: 400,
            height: 300,
          },
        },
        { op: "updateNode", id: web.id, version: 1, patch: { zoneId, x: 20, y: 40 } },
        { op: "updateNode", id: vault.id, version: 1, patch: { x: 700 } },
      ],
      "paste",
    );
    expect(result.mapVersion).toBe(3);
    expect(await db.mapEvent.count({ where: { map: { surfaceId: surface.id }, mapVersion: 3 } })).toBe(3);
    await expect(
      applyMapOperations(contextFor(netops), surface.id, [
        { op: "updateNode", id: vault.id, version: 2, patch: { label: "renamed" } },
        { op: "createEdge", edge: { ...(flow(web.id, crypto.randomUUID()) as object) } as never },
      ]),
    ).rejects.toThrow(ValidationError);
    expect((await db.flowNode.findUniqueOrThrow({ where: { id: vault.id } })).label).toBe("vault");
    expect((await getMap(contextFor(netops), surface.id)).version).toBe(3);
  });

  it("viewers and executives read but cannot edit; unknown surfaces are 404", async () => {
    const { surface } = await workshop();
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    const executive = await createTestUser("LEADERSHIP", ["EXECUTIVE"]);
    await expect(getMap(contextFor(viewer), surface.id)).resolves.toMatchObject({ version: 2 });
    await expect(createNode(contextFor(viewer), surface.id, { kind: "DEVICE", label: "x" })).rejects.toThrow(ForbiddenError);
    await expect(createNode(contextFor(executive), surface.id, { kind: "DEVICE", label: "x" })).rejects.toThrow(ForbiddenError);
    await expect(getMap(contextFor(viewer), crypto.randomUUID())).rejects.toThrow(NotFoundError);
  });

  it("editing the map of an AGREED surface reopens it for review in the same transaction; moving boxes does not", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const surface = await createSurface(netops, "AGREED");
    await db.protectSurface.update({ where: { id: surface.id }, data: { status: "AGREED" } });
    const node = await applyMapOperations(contextFor(netops), surface.id, [
      {
        op: "createNode",
        node: {
          kind: "SERVICE",
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
    ]);
    const reopened = await db.protectSurface.findUniqueOrThrow({ where: { id: surface.id } });
    expect(reopened).toMatchObject({ status: "IN_REVIEW", version: 2 });
    await db.protectSurface.update({ where: { id: surface.id }, data: { status: "AGREED" } });
    await applyMapOperations(
      contextFor(netops),
      surface.id,
      [{ op: "updateNode", id: node.nodes[0]!.id, version: 1, patch: { x: 300, y: 90 } }],
      "layout",
    );
    expect((await db.protectSurface.findUniqueOrThrow({ where: { id: surface.id } })).status).toBe("AGREED");
  });

  it("shows the map as it was at an earlier version and lists history with who did what", async () => {
    const { netops, secops, surface, web, vault } = await workshop();
    const edge = await createEdge(contextFor(secops), surface.id, flow(web.id, vault.id));
    await updateNode(contextFor(netops), surface.id, web.id, 1, { label: "web-renamed" });
    await deleteElement(contextFor(netops), surface.id, "edge", edge.id, 1);
    const past = await getMap(contextFor(netops), surface.id, 3);
    expect(past.version).toBe(3);
    expect(past.edges.map((candidate) => candidate.id)).toEqual([edge.id]);
    expect(past.nodes.find((node) => node.id === web.id)?.label).toBe("web");
    const history = await listMapEvents(contextFor(netops), surface.id, { limit: 10, newestFirst: true });
    expect(history.events.map((event) => `${event.kind}:${event.actor?.id === secops.id ? "secops" : "netops"}`)).toEqual([
      "edge.delete:netops",
      "node.update:netops",
      "edge.create:secops",
      "node.create:netops",
      "node.create:netops",
    ]);
    expect((await listMapEvents(contextFor(netops), surface.id, { after: 3 })).events.map((event) => event.mapVersion)).toEqual([4, 5]);
  });

  it("imports a valid file and refuses an invalid one with paths, saving nothing", async () => {
    const { netops, surface } = await workshop();
    const bad = {
      format: MAP_DOCUMENT_FORMAT,
      version: 1,
      nodes: [{ id: "a", kind: "WORKLOAD", label: "a" }],
      edges: [
        { sourceId: "a", targetId: "a", protocol: "UDP", ports: "99999" },
        { sourceId: "a", targetId: "zz" },
      ],
    };
    const error = await importMap(contextFor(netops), surface.id, bad).catch((caught: unknown) => caught);
    expect((error as ValidationError).fields).toEqual([
      { path: "edges.1.targetId", message: expect.stringContaining("not a node in this file") },
    ]);
    const rules = await importMap(contextFor(netops), surface.id, { ...bad, edges: [bad.edges[0]] }).catch((caught: unknown) => caught);
    expect((rules as ValidationError).fields).toEqual([{ path: "edges.0.ports", message: expect.stringContaining("1 to 65535") }]);
    expect((await getMap(contextFor(netops), surface.id)).version).toBe(2);
    const ok = await importMap(contextFor(netops), surface.id, {
      ...bad,
      edges: [{ sourceId: "a", targetId: "a", protocol: "UDP", ports: "53" }],
    });
    expect(ok).toMatchObject({ mapVersion: 3 });
    expect(ok.nodes).toHaveLength(1);
  });

  it("replaces the whole map with a file in one edit, and keeps the map as it was when the file does not fit", async () => {
    const { netops, surface, web, vault } = await workshop();
    const zone = await createNode(contextFor(netops), surface.id, { kind: "ZONE", label: "dmz", width: 400, height: 300 });
    await updateNode(contextFor(netops), surface.id, web.id, web.version, { zoneId: zone.id });
    await createEdge(contextFor(netops), surface.id, flow(web.id, vault.id));
    const before = await getMap(contextFor(netops), surface.id);
    const file = {
      format: MAP_DOCUMENT_FORMAT,
      version: 1,
      nodes: [
        { id: "z", kind: "ZONE", label: "new zone", width: 300, height: 200 },
        { id: "api", kind: "SERVICE", label: "api", zoneId: "z" },
        { id: "db", kind: "DATASTORE", label: "db" },
      ],
      edges: [{ sourceId: "api", targetId: "db", protocol: "TCP", ports: "5432" }],
    };
    const misfit = await importMap(
      contextFor(netops),
      surface.id,
      { ...file, edges: [{ sourceId: "api", targetId: "db", protocol: "TCP", ports: "0" }] },
      "replace",
    ).catch((caught: unknown) => caught);
    expect((misfit as ValidationError).fields).toEqual([{ path: "edges.0.ports", message: expect.any(String) }]);
    expect((await getMap(contextFor(netops), surface.id)).version).toBe(before.version);

    const result = await importMap(contextFor(netops), surface.id, file, "replace");
    expect(result.mapVersion).toBe(before.version + 1);
    expect(result.deletedNodeIds.sort()).toEqual([web.id, vault.id, zone.id].sort());
    const after = await getMap(contextFor(netops), surface.id);
    expect(after.nodes.map((node) => node.label).sort()).toEqual(["api", "db", "new zone"]);
    expect(after.edges).toHaveLength(1);
    const earlier = await getMap(contextFor(netops), surface.id, before.version);
    expect(earlier.nodes.map((node) => node.label).sort()).toEqual(["dmz", "vault", "web"]);
  });

  it("saves a batch that moves, renames and re-zones many elements in one edit, and reads back what it saved", async () => {
    const { netops, surface, web, vault } = await workshop();
    const edge = await createEdge(contextFor(netops), surface.id, flow(web.id, vault.id));
    const zoneId = crypto.randomUUID();
    const seen = "2026-11-01T10:00:00.000Z";
    const result = await applyMapOperations(
      contextFor(netops),
      surface.id,
      [
        { op: "createNode", node: { id: zoneId, kind: "ZONE", label: "app zone", x: 0, y: 0, width: 500, height: 300 } },
        {
          op: "updateNode",
          id: web.id,
          version: web.version,
          patch: { x: 40, y: 50, zoneId, labels: { tier: "web" }, addresses: ["10.1.0.0/24", "web.internal"], notes: "moved" },
        },
        { op: "updateNode", id: vault.id, version: vault.version, patch: { x: 640.5, y: -20 } },
        {
          op: "updateEdge",
          id: edge.id,
          version: edge.version,
          patch: { status: "OBSERVED", encryption: "MTLS", connections: 12_345_678_901, firstSeen: seen, lastSeen: seen },
        },
      ],
      "layout",
    );
    expect(result.nodes).toHaveLength(3);
    const map = await getMap(contextFor(netops), surface.id);
    expect(map.version).toBe(result.mapVersion);
    const position = (id: string) => map.nodes.findIndex((node) => node.id === id);
    expect(position(zoneId)).toBeGreaterThanOrEqual(0);
    expect(position(zoneId)).toBeLessThan(position(web.id));
    expect(map.nodes.find((node) => node.id === web.id)).toMatchObject({
      x: 40,
      y: 50,
      zoneId,
      labels: { tier: "web" },
      addresses: ["10.1.0.0/24", "web.internal"],
      notes: "moved",
      version: web.version + 1,
    });
    expect(map.nodes.find((node) => node.id === vault.id)).toMatchObject({ x: 640.5, y: -20, version: vault.version + 1 });
    expect(map.edges[0]).toMatchObject({
      status: "OBSERVED",
      encryption: "MTLS",
      connections: 12_345_678_901,
      firstSeen: seen,
      lastSeen: seen,
      version: 2,
    });
  });

  it("shows the map as it was at an earlier version, again and again, while it moves on", async () => {
    const { netops, surface, web } = await workshop();
    const before = await getMap(contextFor(netops), surface.id);
    await updateNode(contextFor(netops), surface.id, web.id, web.version, { label: "web-renamed" });
    const earlier = await getMap(contextFor(netops), surface.id, before.version);
    const again = await getMap(contextFor(netops), surface.id, before.version);
    const now = await getMap(contextFor(netops), surface.id);
    for (const map of [earlier, again]) {
      expect(map.version).toBe(before.version);
      expect(map.nodes.find((node) => node.id === web.id)?.label).toBe("web");
    }
    expect(now.version).toBe(before.version + 1);
    expect(now.nodes.find((node) => node.id === web.id)?.label).toBe("web-renamed");
  });

  it("reads a node's link to a DAAS element as gone once the surface drops the element, though the map did not change", async () => {
    const { netops, surface, vault } = await workshop();
    const before = await getMap(contextFor(netops), surface.id);
    expect(before.nodes.find((node) => node.id === vault.id)?.daasElementId).toBe(surface.elements[0]!.id);
    // What the surface service does when an edit leaves an element out: the surface row and its elements in one transaction.
    await db.$transaction([
      db.daasElement.delete({ where: { id: surface.elements[0]!.id } }),
      db.protectSurface.update({ where: { id: surface.id }, data: { name: `${surface.name} (edited)` } }),
    ]);
    const after = await getMap(contextFor(netops), surface.id);
    expect(after.version).toBe(before.version);
    expect(after.nodes.find((node) => node.id === vault.id)?.daasElementId).toBeNull();
  });

  it("notifies listeners after the edit commits", async () => {
    const { netops, surface } = await workshop();
    const hub = getMapHub();
    await hub.ensureStarted();
    const received: string[] = [];
    const unsubscribe = hub.subscribe(MAP_EVENTS_CHANNEL, (payload) => received.push(payload));
    await createNode(contextFor(netops), surface.id, { kind: "DEVICE", label: "laptop" });
    for (let attempt = 0; attempt < 50 && !received.some((payload) => payload.includes(surface.id)); attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    unsubscribe();
    expect(
      received
        .map((payload) => JSON.parse(payload) as { surfaceId: string; mapVersion: number })
        .filter((payload) => payload.surfaceId === surface.id),
    ).toEqual([{ surfaceId: surface.id, mapVersion: 3 }]);
  });
});

describe("whole-program map", () => {
  it("filters flows across surfaces like the dashboard's drill-downs", async () => {
    const { netops, surface, web, vault } = await workshop();
    const approved = await createEdge(contextFor(netops), surface.id, { ...flow(web.id, vault.id), status: "PROPOSED" });
    // Approved as a verified change would approve it: editing the map cannot.
    await db.flowEdge.update({ where: { id: approved.id }, data: { status: "APPROVED" } });
    const { getProgramMap, parseProgramFilter } = await import("./program");
    const { filter, ignored } = parseProgramFilter({
      status: "APPROVED",
      encryption: "NONE",
      classification: "RESTRICTED",
      protocol: "SMTP",
    });
    expect(ignored).toEqual(["protocol"]);
    const program = await getProgramMap(contextFor(netops), { ...filter, surface: surface.id });
    expect(program.flows).toHaveLength(1);
    expect(program.flows[0]).toMatchObject({ source: "web", target: "vault", encryption: "NONE" });
    expect(program.flows[0]!.warnings.map((warning) => warning.code).sort()).toEqual(["approved-unjustified", "unencrypted-sensitive"]);
    expect((await getProgramMap(contextFor(netops), { surface: surface.id, status: "DENIED" })).flows).toEqual([]);
  });
});

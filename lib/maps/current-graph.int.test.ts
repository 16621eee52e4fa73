import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { readCurrentGraph } from "./current-graph";
import { toMapEdge, toMapNode } from "./mappers";

describe("reading the current map in one statement", () => {
  it("gives exactly the elements the row mappers give, every field included", async () => {
    const author = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const surface = await db.protectSurface.create({
      data: {
        name: `Graph ${uniqueSuffix()}`,
        classification: "INTERNAL",
        criticality: "LOW",
        contentHash: "test",
        createdById: author.id,
      },
    });
    const map = await db.flowMap.create({ data: { surfaceId: surface.id, version: 7 } });
    const zone = await db.flowNode.create({
      data: { mapId: map.id, kind: "ZONE", label: "zone", x: 0.1, y: -20.25, width: 640, height: 220 },
    });
    const app = await db.flowNode.create({
      data: {
        mapId: map.id,
        kind: "WORKLOAD",
        label: 'app "quoted" ü',
        identity: "spiffe://x",
        labels: { tier: "web" },
        addresses: ["10.0.0.0/24", "::1"],
        zoneId: zone.id,
        environment: "prod",
        notes: "line\nbreak",
        x: 1e-7,
        y: 123456.789,
      },
    });
    const store = await db.flowNode.create({ data: { mapId: map.id, kind: "DATASTORE", label: "db", version: 3 } });
    await db.flowEdge.create({
      data: {
        mapId: map.id,
        sourceId: app.id,
        targetId: store.id,
        protocol: "TCP",
        ports: "5432",
        appProtocol: "postgres",
        principal: "svc",
        encryption: "MTLS",
        authentication: "CERTIFICATE",
        status: "OBSERVED",
        justification: "reads",
        ownerId: author.id,
        connections: 9_007_199_254_740_991n,
        bytes: 12n,
        firstSeen: new Date("2026-01-02T03:04:05.006Z"),
        lastSeen: new Date("2026-12-31T23:59:59.999Z"),
        version: 2,
      },
    });
    await db.flowEdge.create({ data: { mapId: map.id, sourceId: store.id, targetId: app.id, ports: "", status: "DENIED" } });
    const nodes = await db.flowNode.findMany({ where: { mapId: map.id }, orderBy: { createdAt: "asc" } });
    const edges = await db.flowEdge.findMany({ where: { mapId: map.id }, orderBy: { createdAt: "asc" } });
    const graph = await readCurrentGraph(map.id);
    expect(graph.version).toBe(7);
    expect(new Map(graph.nodes.map((node) => [node.id, node]))).toEqual(new Map(nodes.map((node) => [node.id, toMapNode(node)])));
    expect(new Map(graph.edges.map((edge) => [edge.id, edge]))).toEqual(new Map(edges.map((edge) => [edge.id, toMapEdge(edge)])));
  });

  it("reads an empty map as no elements", async () => {
    const author = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const surface = await db.protectSurface.create({
      data: {
        name: `Empty ${uniqueSuffix()}`,
        classification: "INTERNAL",
        criticality: "LOW",
        contentHash: "test",
        createdById: author.id,
      },
    });
    const map = await db.flowMap.create({ data: { surfaceId: surface.id } });
    expect(await readCurrentGraph(map.id)).toEqual({ version: map.version, nodes: [], edges: [] });
  });
});

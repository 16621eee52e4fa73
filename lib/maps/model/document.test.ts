import { describe, expect, it } from "vitest";
import { MAP_DOCUMENT_FORMAT, documentToOperations, mapToDocument, toDocumentPath } from "./document";
import type { TFlowMap } from "./schemas";

let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;

const valid = {
  format: MAP_DOCUMENT_FORMAT,
  version: 1,
  nodes: [
    { id: "dmz", kind: "ZONE", label: "DMZ" },
    { id: "web", kind: "WORKLOAD", label: "web", zoneId: "dmz", x: 10, y: 20 },
    { id: "db", kind: "DATASTORE", label: "db" },
  ],
  edges: [{ sourceId: "web", targetId: "db", protocol: "TCP", ports: "5432" }],
};

describe("map documents", () => {
  it("turns a valid file into create operations with fresh, consistent ids", () => {
    const plan = documentToOperations(valid, newId);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.operations.map((operation) => operation.op)).toEqual(["createNode", "createNode", "createNode", "createEdge"]);
    const [zone, web, db, flow] = plan.operations as Array<{
      node?: { id: string; zoneId: string | null };
      edge?: { sourceId: string; targetId: string };
    }>;
    expect(web!.node!.zoneId).toBe(zone!.node!.id);
    expect(flow!.edge).toMatchObject({ sourceId: web!.node!.id, targetId: db!.node!.id });
    expect(plan.documentPaths).toEqual(["nodes.0", "nodes.1", "nodes.2", "edges.0"]);
  });

  it("reports every shape error with its path", () => {
    const plan = documentToOperations(
      {
        ...valid,
        version: 2,
        nodes: [
          { id: "a", kind: "SPACESHIP", label: "" },
          { id: "b", kind: "DEVICE", label: "ok", addresses: ["not an address!"] },
        ],
        edges: [{ sourceId: "a", targetId: "b", protocol: "TCP", encryption: "ROT13" }],
      },
      newId,
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((error) => error.path).sort()).toEqual([
      "edges.0.encryption",
      "nodes.0.kind",
      "nodes.0.label",
      "nodes.1.addresses.0",
      "version",
    ]);
  });

  it("reports references that point outside the file", () => {
    const plan = documentToOperations(
      {
        ...valid,
        nodes: [...valid.nodes, { id: "web", kind: "DEVICE", label: "dup" }, { id: "x", kind: "DEVICE", label: "x", zoneId: "nowhere" }],
        edges: [{ sourceId: "ghost", targetId: "db" }],
      },
      newId,
    );
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((error) => error.path)).toEqual(["nodes.3.id", "nodes.4.zoneId", "edges.0.sourceId"]);
  });

  it("refuses what is not a map file at all", () => {
    expect(documentToOperations([1, 2], newId).ok).toBe(false);
    expect(documentToOperations(null, newId).ok).toBe(false);
  });

  it("maps operation paths back to the file", () => {
    expect(toDocumentPath("operations.3.edge.ports", ["nodes.0", "nodes.1", "nodes.2", "edges.0"])).toBe("edges.0.ports");
    expect(toDocumentPath("operations.1.node", ["nodes.0", "nodes.1"])).toBe("nodes.1");
    expect(toDocumentPath("operations.cascade.x", [])).toBe("operations.cascade.x");
  });

  it("an exported map imports again", () => {
    const map: TFlowMap = {
      surface: { id: newId(), name: "S", classification: "INTERNAL", status: "DRAFT" },
      mapId: newId(),
      version: 3,
      nodes: [
        {
          id: newId(),
          kind: "SERVICE",
          label: "svc",
          identity: "",
          labels: { app: "svc" },
          addresses: ["10.0.0.0/24"],
          zoneId: null,
          environment: "prod",
          notes: "",
          daasElementId: null,
          x: 1,
          y: 2,
          width: null,
          height: null,
          version: 2,
        },
      ],
      edges: [],
      elements: [],
      statements: [],
      people: [],
    };
    const plan = documentToOperations(JSON.parse(JSON.stringify(mapToDocument(map, new Date()))), newId);
    expect(plan.ok).toBe(true);
  });
});

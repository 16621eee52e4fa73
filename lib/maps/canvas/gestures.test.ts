import { describe, expect, it } from "vitest";
import { baseNode } from "../test-fixtures";
import { dropOperations, newNode, resizeOperations } from "./gestures";

describe("canvas gestures as map operations", () => {
  const zone = baseNode(1, { kind: "ZONE", x: 100, y: 100, width: 400, height: 300 });
  const loose = baseNode(2, { x: 800, y: 800 });
  const member = baseNode(3, { zoneId: zone.id, x: 10, y: 10 });
  const nodes = [zone, loose, member];
  const byId = new Map(nodes.map((node) => [node.id, node]));

  it("drops a node into the zone under its centre, relative to the zone, and leaves unmoved nodes out", () => {
    const operations = dropOperations(
      [
        { id: loose.id, position: { x: 150.4, y: 160.6 }, absolute: { x: 150.4, y: 160.6 } },
        { id: member.id, position: { x: 10, y: 10 }, absolute: { x: 110, y: 110 } },
      ],
      nodes,
      byId,
    );
    expect(operations).toEqual([{ op: "updateNode", id: loose.id, version: 1, patch: { zoneId: zone.id, x: 50, y: 61 } }]);
  });

  it("moves a node within its zone, and out of it to the top level", () => {
    expect(dropOperations([{ id: member.id, position: { x: 40, y: 20 }, absolute: { x: 140, y: 120 } }], nodes, byId)).toEqual([
      { op: "updateNode", id: member.id, version: 1, patch: { x: 40, y: 20 } },
    ]);
    expect(dropOperations([{ id: member.id, position: { x: 900, y: 10 }, absolute: { x: 1000, y: 110 } }], nodes, byId)).toEqual([
      { op: "updateNode", id: member.id, version: 1, patch: { zoneId: null, x: 1000, y: 110 } },
    ]);
  });

  it("saves a finished resize with its rounded size and position", () => {
    expect(resizeOperations([{ id: zone.id, width: 420.6, height: 299.2, position: { x: 99.5, y: 100 } }], byId)).toEqual([
      { op: "updateNode", id: zone.id, version: 1, patch: { width: 421, height: 299, x: 100, y: 100 } },
    ]);
    expect(resizeOperations([{ id: "gone", width: 1, height: 1, position: { x: 0, y: 0 } }], byId)).toEqual([]);
  });

  it("numbers a new node after its kind, puts it in the zone under it, and gives a zone its size", () => {
    expect(newNode("WORKLOAD", { x: 150, y: 150 }, nodes, byId, "new")).toEqual({
      id: "new",
      kind: "WORKLOAD",
      label: "Workload 3",
      zoneId: zone.id,
      x: 50,
      y: 50,
      width: null,
      height: null,
    });
    expect(newNode("ZONE", { x: 150, y: 150 }, nodes, byId, "z")).toMatchObject({
      kind: "ZONE",
      label: "Zone 2",
      zoneId: null,
      x: 150,
      y: 150,
      width: 420,
      height: 280,
    });
  });
});

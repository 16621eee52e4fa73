import { describe, expect, it } from "vitest";
import { absolutePosition, orderParentsFirst, reparentPosition, zoneAt } from "./geometry";
import { baseNode } from "../test-fixtures";

describe("positions", () => {
  const outer = baseNode(1, { kind: "ZONE", x: 100, y: 100 });
  const inner = baseNode(2, { kind: "ZONE", zoneId: outer.id, x: 10, y: 10, width: 200, height: 200 });
  const leaf = baseNode(3, { zoneId: inner.id, x: 5, y: 5 });
  const byId = new Map([outer, inner, leaf].map((node) => [node.id, node]));

  it("walks up nested zones to canvas coordinates", () => {
    expect(absolutePosition(leaf, byId)).toEqual({ x: 115, y: 115 });
  });

  it("keeps a node where it is on screen when it changes zone", () => {
    expect(reparentPosition(leaf, outer.id, byId)).toEqual({ x: 15, y: 15 });
    expect(reparentPosition(leaf, null, byId)).toEqual({ x: 115, y: 115 });
  });

  it("finds the innermost zone under a point, never the node's own", () => {
    expect(zoneAt({ x: 150, y: 150 }, [outer, inner, leaf])?.id).toBe(inner.id);
    expect(zoneAt({ x: 150, y: 150 }, [outer, inner, leaf], inner.id)?.id).toBe(outer.id);
    expect(zoneAt({ x: 5000, y: 5000 }, [outer, inner, leaf])).toBeNull();
  });

  it("orders parents first even when listed last", () => {
    expect(orderParentsFirst([leaf, inner, outer]).map((node) => node.id)).toEqual([outer.id, inner.id, leaf.id]);
  });
});

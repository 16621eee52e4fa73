import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { freeSpotNear, occupiedBounds, PLACEMENT_GAP } from "./placement";
import { NODE_SIZE } from "./geometry";
import { baseNode } from "../test-fixtures";

const box = (x: number, y: number) => ({ x, y, ...NODE_SIZE });
const apart = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  a.x + NODE_SIZE.width + PLACEMENT_GAP <= b.x ||
  b.x + NODE_SIZE.width + PLACEMENT_GAP <= a.x ||
  a.y + NODE_SIZE.height + PLACEMENT_GAP <= b.y ||
  b.y + NODE_SIZE.height + PLACEMENT_GAP <= a.y;

describe("freeSpotNear", () => {
  it("centres the box on the point when nothing is in the way", () => {
    expect(freeSpotNear({ x: 500, y: 300 }, NODE_SIZE, [])).toEqual({ x: 408, y: 270 });
  });

  it("moves off a node sitting at the point, to the nearest free place", () => {
    const occupied = [box(408, 270)];
    const spot = freeSpotNear({ x: 500, y: 300 }, NODE_SIZE, occupied);
    expect(apart(spot, occupied[0]!)).toBe(true);
    // Nearest: one node height and the gap away, not a node's width.
    expect(Math.hypot(spot.x - 408, spot.y - 270)).toBeLessThanOrEqual(NODE_SIZE.height + PLACEMENT_GAP + 24);
  });

  it("places ten nodes in a row at the same view centre without any two overlapping", () => {
    const placed: Array<{ x: number; y: number }> = [];
    for (let i = 0; i < 10; i++)
      placed.push(
        freeSpotNear(
          { x: 0, y: 0 },
          NODE_SIZE,
          placed.map((p) => box(p.x, p.y)),
        ),
      );
    for (const [i, a] of placed.entries()) for (const b of placed.slice(i + 1)) expect(apart(a, b)).toBe(true);
    // …and they stay near the centre rather than trailing off 12 px at a time.
    for (const spot of placed) expect(Math.hypot(spot.x, spot.y)).toBeLessThan(600);
  });

  it("is the same for the same input", () => {
    const occupied = [box(0, 0), box(300, 0), box(0, 200)];
    expect(freeSpotNear({ x: 100, y: 40 }, NODE_SIZE, occupied)).toEqual(freeSpotNear({ x: 100, y: 40 }, NODE_SIZE, occupied));
  });

  it("never overlaps what is there, wherever the nodes are (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }), { maxLength: 40 }),
        fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }) }),
        (nodes, centre) => {
          const spot = freeSpotNear(
            centre,
            NODE_SIZE,
            nodes.map((p) => box(p.x, p.y)),
          );
          return nodes.every((other) => apart(spot, other));
        },
      ),
    );
  });

  it("goes below everything when the neighbourhood is full", () => {
    const wall = Array.from({ length: 1 }, () => ({ x: -5000, y: -5000, width: 10000, height: 10000 }));
    expect(freeSpotNear({ x: 0, y: 0 }, NODE_SIZE, wall)).toEqual({ x: -92, y: 5000 + PLACEMENT_GAP });
  });
});

describe("occupiedBounds", () => {
  const zone = baseNode(1, { kind: "ZONE", x: 100, y: 100, width: 400, height: 300 });
  const member = baseNode(2, { zoneId: zone.id, x: 20, y: 40 });

  it("places members of zones where they are on the canvas and lets nodes go into zones", () => {
    expect(occupiedBounds([zone, member], "WORKLOAD")).toEqual([{ x: 120, y: 140, ...NODE_SIZE }]);
  });

  it("keeps a new zone clear of the other zones", () => {
    expect(occupiedBounds([zone, member], "ZONE")).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import ELK from "elkjs/lib/elk.bundled.js";
import { STEP_BATCH, laidOutNodes, layoutBounds, layoutOperations, nextStepBatch, smallestStepBatch, toElkGraph } from "./layout";
import type { TMapEdge, TMapNode } from "../model/schemas";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const node = (n: number, overrides: Partial<TMapNode> = {}): TMapNode => ({
  id: id(n),
  kind: "WORKLOAD",
  label: `n${n}`,
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
const edge = (n: number, s: number, t: number): TMapEdge => ({
  id: id(n),
  sourceId: id(s),
  targetId: id(t),
  protocol: "TCP",
  ports: "443",
  appProtocol: "",
  principal: "",
  httpMethod: "",
  httpPath: "",
  encryption: "TLS",
  authentication: "NONE",
  status: "APPROVED",
  justification: "x",
  ownerId: null,
  statementId: null,
  connections: null,
  bytes: null,
  firstSeen: null,
  lastSeen: null,
  version: 1,
});

describe("automatic layout", () => {
  const nodes = [node(1, { kind: "ZONE" }), node(2, { zoneId: id(1) }), node(3, { zoneId: id(1) }), node(4), node(5)];
  const edges = [edge(10, 4, 2), edge(11, 2, 3), edge(12, 3, 5), edge(13, 5, 5)];

  it("nests zone members as ELK children and leaves self-loops out", () => {
    const graph = toElkGraph(nodes, edges);
    expect(graph.children!.map((child) => child.id)).toEqual([id(1), id(4), id(5)]);
    expect(graph.children![0]!.children!.map((child) => child.id)).toEqual([id(2), id(3)]);
    expect(graph.edges!.map((candidate) => candidate.id)).toEqual([id(10), id(11), id(12)]);
  });

  it("hands back each node's rounded place, zone members included, and a size only for zones that hold nodes", () => {
    const placed = laidOutNodes({
      id: "root",
      children: [
        { id: "zone", x: 10.4, y: 0, width: 500.6, height: 300, children: [{ id: "member", x: 24, y: 44.5, width: 184, height: 60 }] },
        { id: "loose", x: 600, y: 12, width: 184, height: 60 },
      ],
    });
    expect(placed).toEqual([
      { id: "zone", x: 10, y: 0, width: 501, height: 300 },
      { id: "member", x: 24, y: 45 },
      { id: "loose", x: 600, y: 12 },
    ]);
  });

  it("produces left-to-right positions and zone sizes as map operations", async () => {
    const result = await new ELK().layout(toElkGraph(nodes, edges));
    const operations = layoutOperations(laidOutNodes(result), nodes);
    const patchOf = (n: number) =>
      (operations.find((operation) => "id" in operation && operation.id === id(n)) as { patch: Record<string, number> } | undefined)
        ?.patch ?? {};
    expect(patchOf(1).width).toBeGreaterThan(184);
    const absolute = (n: number) => (patchOf(n).x ?? 0) + (nodes[n - 1]!.zoneId ? (patchOf(1).x ?? 0) : 0);
    expect(absolute(4)).toBeLessThan(absolute(2));
    expect(absolute(2)).toBeLessThan(absolute(3));
    expect(absolute(3)).toBeLessThan(absolute(5));
  });
});

describe("revealing a layout", () => {
  it("spans every node where it is and where the layout puts it, zone members by their zone", () => {
    const zone = node(1, { kind: "ZONE", x: 100, y: 100, width: 400, height: 300 });
    const member = node(2, { zoneId: zone.id, x: 20, y: 40 });
    const loose = node(3, { x: -50, y: 0 });
    const bounds = layoutBounds(
      [zone, member, loose],
      [
        { op: "updateNode", id: zone.id, version: 1, patch: { x: 1000, y: 0 } },
        { op: "updateNode", id: loose.id, version: 1, patch: { x: 0, y: 900 } },
      ],
    );
    // Left: the loose node before it moved; right: the zone after (1000 + 400); bottom: the loose node after (900 + 60).
    expect(bounds).toEqual({ x: -50, y: 0, width: 1400 + 50, height: 960 });
    // A member's new position is relative to its zone's new one: (1000 + 300, 0 + 280), reaching 1484 across and 340 down.
    const moved = layoutBounds(
      [zone, member],
      [
        { op: "updateNode", id: zone.id, version: 1, patch: { x: 1000, y: 0 } },
        { op: "updateNode", id: member.id, version: 1, patch: { x: 300, y: 280 } },
      ],
    );
    expect(moved).toEqual({ x: 100, y: 0, width: 1484 - 100, height: 400 });
  });

  it("has nothing to span on an empty map", () => {
    expect(layoutBounds([], [])).toBeNull();
  });

  it("cuts the batch in proportion after a slow step, grows it after a quick one, and stays within its bounds", () => {
    const budget = STEP_BATCH.stepBudgetMs;
    expect(nextStepBatch(64, budget * 2)).toBe(32);
    expect(nextStepBatch(30, budget * 3)).toBe(10);
    expect(nextStepBatch(STEP_BATCH.min, 200)).toBe(STEP_BATCH.min);
    expect(nextStepBatch(32, budget / 4)).toBe(48);
    expect(nextStepBatch(STEP_BATCH.max, 1)).toBe(STEP_BATCH.max);
    expect(nextStepBatch(32, budget * 0.75)).toBe(32);
  });

  it("never spreads a change over more than its most steps, however slow each step", () => {
    expect(nextStepBatch(64, 500, 42)).toBe(42);
    expect(smallestStepBatch(1000)).toBe(Math.ceil(1000 / STEP_BATCH.maxSteps));
    expect(smallestStepBatch(10)).toBe(STEP_BATCH.min);
    expect(smallestStepBatch(1_000_000)).toBe(STEP_BATCH.max);
  });
});

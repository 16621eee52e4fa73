import { describe, expect, it } from "vitest";
import ELK from "elkjs/lib/elk.bundled.js";
import { REVEAL_BATCH, layoutOperations, nextRevealBatch, toElkGraph } from "./layout";
import type { TMapEdge, TMapNode } from "./schemas";

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const node = (n: number, overrides: Partial<TMapNode> = {}): TMapNode => ({ id: id(n), kind: "WORKLOAD", label: `n${n}`, identity: "", labels: {}, addresses: [], zoneId: null, environment: "", notes: "", daasElementId: null, x: 0, y: 0, width: null, height: null, version: 1, ...overrides });
const edge = (n: number, s: number, t: number): TMapEdge => ({ id: id(n), sourceId: id(s), targetId: id(t), protocol: "TCP", ports: "443", appProtocol: "", principal: "", encryption: "TLS", authentication: "NONE", status: "APPROVED", justification: "x", ownerId: null, statementId: null, connections: null, bytes: null, firstSeen: null, lastSeen: null, version: 1 });

describe("automatic layout", () => {
  const nodes = [node(1, { kind: "ZONE" }), node(2, { zoneId: id(1) }), node(3, { zoneId: id(1) }), node(4), node(5)];
  const edges = [edge(10, 4, 2), edge(11, 2, 3), edge(12, 3, 5), edge(13, 5, 5)];

  it("nests zone members as ELK children and leaves self-loops out", () => {
    const graph = toElkGraph(nodes, edges);
    expect(graph.children!.map((child) => child.id)).toEqual([id(1), id(4), id(5)]);
    expect(graph.children![0]!.children!.map((child) => child.id)).toEqual([id(2), id(3)]);
    expect(graph.edges!.map((candidate) => candidate.id)).toEqual([id(10), id(11), id(12)]);
  });

  it("produces left-to-right positions and zone sizes as map operations", async () => {
    const result = await new ELK().layout(toElkGraph(nodes, edges));
    const operations = layoutOperations(result, nodes);
    const patchOf = (n: number) => (operations.find((operation) => "id" in operation && operation.id === id(n)) as { patch: Record<string, number> } | undefined)?.patch ?? {};
    expect(patchOf(1).width).toBeGreaterThan(184);
    const absolute = (n: number) => (patchOf(n).x ?? 0) + (nodes[n - 1]!.zoneId ? (patchOf(1).x ?? 0) : 0);
    expect(absolute(4)).toBeLessThan(absolute(2));
    expect(absolute(2)).toBeLessThan(absolute(3));
    expect(absolute(3)).toBeLessThan(absolute(5));
  });
});

describe("revealing a layout", () => {
  it("halves the batch after a slow frame, grows it after a quick one, and stays within its bounds", () => {
    expect(nextRevealBatch(64, 80)).toBe(32);
    expect(nextRevealBatch(REVEAL_BATCH.min, 200)).toBe(REVEAL_BATCH.min);
    expect(nextRevealBatch(32, 10)).toBe(48);
    expect(nextRevealBatch(REVEAL_BATCH.max, 5)).toBe(REVEAL_BATCH.max);
    expect(nextRevealBatch(32, 25)).toBe(32);
  });
});

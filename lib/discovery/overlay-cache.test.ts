import { describe, expect, it } from "vitest";
import { mapFingerprint, overlayResponse, type TStoredOverlay } from "./overlay-cache";
import type { TDrawnFlow } from "./reconcile";
import type { TResolvableNode } from "./resolve";

const nodes: TResolvableNode[] = [
  { id: "b", kind: "WORKLOAD", addresses: ["10.0.0.2"], labels: {} },
  { id: "a", kind: "DATASTORE", addresses: ["10.0.1.0/24"], labels: { namespace: "shop" } },
];
const flow = (id: string, status = "APPROVED", createdAt = new Date("2026-01-01T00:00:00Z")): TDrawnFlow => ({
  id,
  sourceId: "b",
  targetId: "a",
  protocol: "TCP",
  ports: "5432",
  status,
  createdAt,
});

describe("mapFingerprint", () => {
  it("is the same whatever order the rows come in, and for a flow whose status alone changed", () => {
    expect(mapFingerprint(nodes, [flow("f1"), flow("f2")])).toBe(mapFingerprint([...nodes].reverse(), [flow("f2", "DENIED"), flow("f1")]));
  });

  it("changes with anything that decides which node an address belongs to or which flow covers a connection", () => {
    const base = mapFingerprint(nodes, [flow("f1")]);
    expect(mapFingerprint([{ ...nodes[0]!, addresses: ["10.0.0.3"] }, nodes[1]!], [flow("f1")])).not.toBe(base);
    expect(mapFingerprint([nodes[0]!, { ...nodes[1]!, labels: { namespace: "other" } }], [flow("f1")])).not.toBe(base);
    expect(mapFingerprint(nodes, [{ ...flow("f1"), ports: "5433" }])).not.toBe(base);
    expect(mapFingerprint(nodes, [flow("f1"), flow("f2")])).not.toBe(base);
  });
});

describe("overlayResponse", () => {
  const stored: TStoredOverlay = {
    observedPairs: 3,
    flows: [{ edgeId: "seen", connections: 4, bytes: 40, denied: 1, lastSeen: "2026-12-01T00:00:00.000Z" }],
    ghosts: [],
    ghostsTruncated: 0,
    unmapped: [],
    totals: { observedConnections: 4, coveredConnections: 4, deniedConnections: 1, unmappedConnections: 0 },
  };

  it("decides removal candidates when read: unseen for the configured days since last seen, or since drawn if never seen, unless denied", () => {
    const response = overlayResponse(
      "s",
      stored,
      [flow("seen"), flow("never"), flow("never-denied", "DENIED"), flow("new", "APPROVED", new Date("2026-12-06T00:00:00Z"))],
      {
        now: new Date("2026-12-07T00:00:00Z"),
        unseenDays: 30,
        ghostLimit: 500,
      },
    );
    expect(response.flows.map((entry) => [entry.edgeId, entry.seen, entry.connections, entry.removalCandidate])).toEqual([
      ["seen", true, 4, false],
      ["never", false, 0, true],
      ["never-denied", false, 0, false],
      ["new", false, 0, false],
    ]);
    const later = overlayResponse("s", stored, [flow("seen")], { now: new Date("2027-01-15T00:00:00Z"), unseenDays: 30, ghostLimit: 500 });
    expect(later.flows[0]?.removalCandidate).toBe(true);
  });
});

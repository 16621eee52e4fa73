import { describe, expect, it } from "vitest";
import type { TRfEdge } from "@/lib/maps/canvas/to-react-flow";
import type { TMapEdge } from "@/lib/maps/model/schemas";
import type { TReconciliationResponse } from "@/lib/discovery/schemas";
import { isGhostEdgeId, overlayEdges, sinceText } from "./overlay-edges";

const now = new Date("2026-12-07T12:00:00Z");

function drawn(id: string): TRfEdge {
  const edge = { id, sourceId: "a", targetId: "b" } as TMapEdge;
  return {
    id,
    source: "a",
    target: "b",
    type: "flow",
    data: { edge, warnings: [], label: "TCP/443", description: "a → b", dimmed: false, editors: [] },
  };
}

const overlay: TReconciliationResponse = {
  surfaceId: "s",
  unseenDays: 30,
  observedPairs: 3,
  flows: [
    { edgeId: "seen", seen: true, connections: 1200, bytes: 1, denied: 0, lastSeen: "2026-12-07T09:00:00Z", removalCandidate: false },
    { edgeId: "stale", seen: false, connections: 0, bytes: 0, denied: 0, lastSeen: null, removalCandidate: true },
  ],
  ghosts: [
    {
      id: "a>b/TCP/22",
      sourceId: "a",
      targetId: "b",
      protocol: "TCP",
      port: 22,
      connections: 5,
      bytes: 10,
      allowed: 5,
      denied: 0,
      dropReasons: {},
      lastSeen: "2026-12-06T12:00:00Z",
      deniedOnly: false,
    },
    {
      id: "a>c/UDP/53",
      sourceId: "a",
      targetId: "c",
      protocol: "UDP",
      port: 53,
      connections: 2,
      bytes: 0,
      allowed: 0,
      denied: 2,
      dropReasons: { x: 2 },
      lastSeen: "2026-12-06T12:00:00Z",
      deniedOnly: true,
    },
  ],
  ghostsTruncated: 0,
  unmapped: [],
  totals: { observedConnections: 0, coveredConnections: 0, deniedConnections: 0, unmappedConnections: 0 },
};

describe("overlayEdges", () => {
  it("leaves the canvas alone without an overlay", () => {
    const edges = [drawn("seen")];
    expect(overlayEdges(edges, undefined, new Set(), now)).toBe(edges);
  });

  it("badges drawn flows seen or removal candidates, and adds ghost edges that cannot be selected", () => {
    const result = overlayEdges([drawn("seen"), drawn("stale")], overlay, new Set(["a>b/TCP/22"]), now, new Set(["a", "b", "c"]));
    expect(result.map((edge) => edge.data?.label)).toEqual([
      "TCP/443 · seen 1,200× · 3 h ago",
      "TCP/443 · not seen in 30 d · removal candidate",
      "observed TCP/22 · 5×",
      "denied UDP/53 · 2×",
    ]);
    expect(result[1]!.className).toContain("discovery-removal");
    const ghosts = result.filter((edge) => isGhostEdgeId(edge.id));
    expect(ghosts.map((edge) => [edge.selectable, edge.deletable, edge.data?.edge.status])).toEqual([
      [false, false, "OBSERVED"],
      [false, false, "DENIED"],
    ]);
    expect(ghosts[0]!.className).toContain("discovery-picked");
    expect(ghosts[1]!.className).toContain("discovery-denied");
  });

  it("leaves off ghost edges whose nodes are not on the canvas", () => {
    const result = overlayEdges([], overlay, new Set(), now, new Set(["a", "b"]));
    expect(result.map((edge) => edge.id)).toEqual(["ghost:a>b/TCP/22"]);
  });

  it("says how long ago in minutes, hours or days", () => {
    expect(sinceText("2026-12-07T11:30:00Z", now)).toBe("30 min ago");
    expect(sinceText("2026-12-06T12:00:00Z", now)).toBe("24 h ago");
    expect(sinceText("2026-11-27T12:00:00Z", now)).toBe("10 d ago");
  });
});

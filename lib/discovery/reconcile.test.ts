import { describe, expect, it } from "vitest";
import { NO_PORT } from "./aggregate";
import { reconcile, type TDrawnFlow, type TObservedPair } from "./reconcile";
import type { TResolvableNode } from "./resolve";

const DAY_MS = 86_400_000;
const now = new Date("2026-12-07T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);

const nodes: TResolvableNode[] = [
  { id: "web", kind: "WORKLOAD", addresses: ["10.0.0.10"], labels: {} },
  { id: "db", kind: "DATASTORE", addresses: ["10.0.1.0/24"], labels: {} },
  { id: "cache", kind: "SERVICE", addresses: ["10.0.2.5"], labels: {} },
];

const flow = (
  id: string,
  sourceId: string,
  targetId: string,
  protocol: string,
  ports: string,
  extra: Partial<TDrawnFlow> = {},
): TDrawnFlow => ({
  id,
  sourceId,
  targetId,
  protocol,
  ports,
  status: "APPROVED",
  createdAt: daysAgo(100),
  ...extra,
});

const pair = (source: string, destination: string, protocol: string, port: number, extra: Partial<TObservedPair> = {}): TObservedPair => ({
  sourceKey: `ip:${source}`,
  destinationKey: `ip:${destination}`,
  protocol,
  destinationPort: port,
  connections: 10,
  bytes: 1000,
  allowed: 10,
  denied: 0,
  dropReasons: {},
  firstSeen: daysAgo(3),
  lastSeen: daysAgo(1),
  ...extra,
});

function run(flows: TDrawnFlow[], pairs: TObservedPair[]) {
  return reconcile({ nodes, flows, pairs, endpoints: new Map(), now, unseenDays: 30 });
}

describe("reconciliation", () => {
  it("marks drawn flows seen with their counts when observed traffic falls in their protocol and ports", () => {
    const result = run(
      [flow("f1", "web", "db", "TCP", "5432,6000-6010")],
      [pair("10.0.0.10", "10.0.1.7", "TCP", 5432), pair("10.0.0.10", "10.0.1.8", "TCP", 6005, { lastSeen: daysAgo(0.5) })],
    );
    expect(result.flows).toEqual([
      { edgeId: "f1", seen: true, connections: 20, bytes: 2000, denied: 0, lastSeen: daysAgo(0.5).toISOString(), removalCandidate: false },
    ]);
    expect(result.ghosts).toEqual([]);
    expect(result.totals).toMatchObject({ observedConnections: 20, coveredConnections: 20 });
  });

  it("makes a removal candidate of a flow unseen for the configured days, but not of a freshly drawn or a DENIED one", () => {
    const result = run(
      [
        flow("old", "web", "db", "TCP", "5432"),
        flow("stale", "web", "cache", "TCP", "6379"),
        flow("new", "cache", "db", "TCP", "5432", { createdAt: daysAgo(2) }),
        flow("denied", "db", "web", "TCP", "22", { status: "DENIED" }),
      ],
      [pair("10.0.0.10", "10.0.2.5", "TCP", 6379, { lastSeen: daysAgo(45) })],
    );
    expect(result.flows.map((entry) => [entry.edgeId, entry.seen, entry.removalCandidate])).toEqual([
      ["old", false, true],
      ["stale", true, true],
      ["new", false, false],
      ["denied", false, false],
    ]);
  });

  it("turns traffic between nodes without a covering flow into ghost edges, denied-only ones marked", () => {
    const result = run(
      [flow("f1", "web", "db", "TCP", "5432")],
      [
        pair("10.0.0.10", "10.0.1.7", "TCP", 22),
        pair("10.0.0.10", "10.0.1.9", "TCP", 22),
        pair("10.0.2.5", "10.0.1.7", "UDP", 53, { allowed: 0, denied: 4, connections: 4, dropReasons: { POLICY_DENIED: 4 } }),
        pair("10.0.0.10", "10.0.2.5", "ICMP", NO_PORT),
      ],
    );
    expect(result.ghosts.map((ghost) => [ghost.id, ghost.connections, ghost.deniedOnly])).toEqual([
      ["web>db/TCP/22", 20, false],
      ["web>cache/ICMP/-", 10, false],
      ["cache>db/UDP/53", 4, true],
    ]);
    expect(result.ghosts[2]!.dropReasons).toEqual({ POLICY_DENIED: 4 });
  });

  it("counts a flow with protocol ANY and no ports as covering any traffic between its ends", () => {
    const result = run([flow("any", "web", "db", "ANY", "")], [pair("10.0.0.10", "10.0.1.7", "UDP", 9999)]);
    expect(result.flows[0]!.seen).toBe(true);
    expect(result.ghosts).toEqual([]);
  });

  it("queues what no node claims, grouped by /24", () => {
    const result = run([], [pair("192.0.2.10", "10.0.1.7", "TCP", 5432), pair("192.0.2.11", "10.0.1.7", "TCP", 5432, { denied: 2 })]);
    expect(result.unmapped).toEqual([
      { group: "192.0.2.0/24", endpoints: ["192.0.2.10", "192.0.2.11"], connections: 20, denied: 2, lastSeen: daysAgo(1).toISOString() },
    ]);
    expect(result.totals.unmappedConnections).toBe(20);
  });
});

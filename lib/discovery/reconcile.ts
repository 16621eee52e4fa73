import { parsePorts, type TPortRange } from "@/lib/maps/model/ports";
import { describeEndpointKey, type TEndpointDetails } from "./endpoints";
import { NO_PORT } from "./aggregate";
import { endpointResolver, unmappedGroup, type TResolvableNode } from "./resolve";

const DAY_MS = 86_400_000;

/** A drawn flow as reconciliation reads it. */
export type TDrawnFlow = {
  id: string;
  sourceId: string;
  targetId: string;
  protocol: string;
  ports: string;
  status: string;
  createdAt: Date;
};

/** Observed traffic summed over the days kept, per connection kind (DiscoveryPair). */
export type TObservedPair = {
  sourceKey: string;
  destinationKey: string;
  protocol: string;
  destinationPort: number;
  connections: number;
  bytes: number;
  allowed: number;
  denied: number;
  dropReasons: Record<string, number>;
  firstSeen: Date;
  lastSeen: Date;
};

export type TFlowObservation = {
  edgeId: string;
  seen: boolean;
  connections: number;
  bytes: number;
  denied: number;
  lastSeen: string | null;
  /** Not seen for the configured number of days (counted from when it was drawn if never seen). */
  removalCandidate: boolean;
};

/** Observed traffic between two nodes that no drawn flow covers. */
export type TGhostEdge = {
  id: string;
  sourceId: string;
  targetId: string;
  protocol: "TCP" | "UDP" | "ICMP" | "ANY";
  port: number | null;
  connections: number;
  bytes: number;
  allowed: number;
  denied: number;
  dropReasons: Record<string, number>;
  lastSeen: string;
  /** Only denied/dropped connections: shown distinctly, never offered as a flow to propose. */
  deniedOnly: boolean;
};

export type TUnmappedGroup = {
  group: string;
  endpoints: string[];
  connections: number;
  denied: number;
  lastSeen: string;
};

export type TReconciliation = {
  flows: TFlowObservation[];
  ghosts: TGhostEdge[];
  unmapped: TUnmappedGroup[];
  totals: { observedConnections: number; coveredConnections: number; deniedConnections: number; unmappedConnections: number };
};

export type TReconcileInput = {
  nodes: readonly TResolvableNode[];
  flows: readonly TDrawnFlow[];
  pairs: readonly TObservedPair[];
  endpoints: ReadonlyMap<string, TEndpointDetails>;
  now: Date;
  unseenDays: number;
};

const MAX_UNMAPPED_SAMPLES = 20;

type TFlowMatcher = { flow: TDrawnFlow; ranges: TPortRange[] | null };

function protocolOf(protocol: string): TGhostEdge["protocol"] {
  return protocol === "TCP" || protocol === "UDP" || protocol === "ICMP" ? protocol : "ANY";
}

/** Whether a drawn flow allows this observed protocol and port ("" ports: any; ANY protocol: any). */
export function flowCovers(matcher: TFlowMatcher, protocol: string, port: number): boolean {
  const drawn = matcher.flow.protocol;
  if (drawn !== "ANY" && drawn !== protocol) return false;
  if (!matcher.ranges || matcher.ranges.length === 0 || port === NO_PORT) return true;
  return matcher.ranges.some((range) => port >= range.from && port <= range.to);
}

function matcherOf(flow: TDrawnFlow): TFlowMatcher {
  const parsed = flow.ports.trim() === "" ? null : parsePorts(flow.ports);
  return { flow, ranges: parsed && parsed.ok ? parsed.ranges : null };
}

/**
 * Lays observed traffic over a drawn map: which drawn flows were seen (and how much, and when last),
 * which have gone unseen long enough to be candidates for removal, what traffic flows between
 * nodes without a drawn flow (ghost edges), and what no node claims (the unmapped queue).
 */
export function reconcile(input: TReconcileInput): TReconciliation {
  const resolver = endpointResolver(input.nodes);
  const nodeOf = new Map<string, string | null>();
  const resolveKey = (key: string): string | null => {
    let nodeId = nodeOf.get(key);
    if (nodeId === undefined) {
      const details = input.endpoints.get(key) ?? fallbackDetails(key);
      nodeId = resolver.resolve(details);
      nodeOf.set(key, nodeId);
    }
    return nodeId;
  };
  const flowsByEnds = new Map<string, TFlowMatcher[]>();
  for (const flow of input.flows) {
    const key = `${flow.sourceId}>${flow.targetId}`;
    const list = flowsByEnds.get(key) ?? [];
    list.push(matcherOf(flow));
    flowsByEnds.set(key, list);
  }
  const seen = new Map<string, { connections: number; bytes: number; denied: number; lastSeen: number }>();
  const ghosts = new Map<string, TGhostEdge>();
  const unmapped = new Map<string, TUnmappedGroup & { samples: Set<string> }>();
  const totals = { observedConnections: 0, coveredConnections: 0, deniedConnections: 0, unmappedConnections: 0 };

  for (const pair of input.pairs) {
    totals.observedConnections += pair.connections;
    totals.deniedConnections += pair.denied;
    const sourceId = resolveKey(pair.sourceKey);
    const targetId = resolveKey(pair.destinationKey);
    if (!sourceId || !targetId) {
      totals.unmappedConnections += pair.connections;
      for (const [key, nodeId] of [
        [pair.sourceKey, sourceId],
        [pair.destinationKey, targetId],
      ] as const) {
        if (nodeId) continue;
        const group = unmappedGroup(input.endpoints.get(key) ?? fallbackDetails(key));
        const entry = unmapped.get(group) ?? {
          group,
          endpoints: [],
          connections: 0,
          denied: 0,
          lastSeen: pair.lastSeen.toISOString(),
          samples: new Set<string>(),
        };
        entry.connections += pair.connections;
        entry.denied += pair.denied;
        if (pair.lastSeen.toISOString() > entry.lastSeen) entry.lastSeen = pair.lastSeen.toISOString();
        if (entry.samples.size < MAX_UNMAPPED_SAMPLES) entry.samples.add(describeEndpointKey(key));
        unmapped.set(group, entry);
      }
      continue;
    }
    const covering = (flowsByEnds.get(`${sourceId}>${targetId}`) ?? []).filter((matcher) =>
      flowCovers(matcher, pair.protocol, pair.destinationPort),
    );
    if (covering.length > 0) {
      totals.coveredConnections += pair.connections;
      for (const matcher of covering) {
        const entry = seen.get(matcher.flow.id) ?? { connections: 0, bytes: 0, denied: 0, lastSeen: 0 };
        entry.connections += pair.connections;
        entry.bytes += pair.bytes;
        entry.denied += pair.denied;
        entry.lastSeen = Math.max(entry.lastSeen, pair.lastSeen.getTime());
        seen.set(matcher.flow.id, entry);
      }
      continue;
    }
    const port = pair.destinationPort === NO_PORT ? null : pair.destinationPort;
    const id = `${sourceId}>${targetId}/${pair.protocol}/${port ?? "-"}`;
    const ghost = ghosts.get(id) ?? {
      id,
      sourceId,
      targetId,
      protocol: protocolOf(pair.protocol),
      port,
      connections: 0,
      bytes: 0,
      allowed: 0,
      denied: 0,
      dropReasons: {},
      lastSeen: pair.lastSeen.toISOString(),
      deniedOnly: false,
    };
    ghost.connections += pair.connections;
    ghost.bytes += pair.bytes;
    ghost.allowed += pair.allowed;
    ghost.denied += pair.denied;
    for (const [reason, count] of Object.entries(pair.dropReasons)) ghost.dropReasons[reason] = (ghost.dropReasons[reason] ?? 0) + count;
    if (pair.lastSeen.toISOString() > ghost.lastSeen) ghost.lastSeen = pair.lastSeen.toISOString();
    ghosts.set(id, ghost);
  }

  const unseenBefore = input.now.getTime() - input.unseenDays * DAY_MS;
  const flows = input.flows.map((flow) => flowObservation(flow, seen.get(flow.id), unseenBefore));
  return {
    flows,
    ghosts: [...ghosts.values()]
      .map((ghost) => ({ ...ghost, deniedOnly: ghost.allowed === 0 && ghost.denied > 0 }))
      .sort((a, b) => b.connections - a.connections),
    unmapped: [...unmapped.values()]
      .map(({ samples, ...group }) => ({ ...group, endpoints: [...samples] }))
      .sort((a, b) => b.connections - a.connections),
    totals,
  };
}

/**
 * What the overlay says of one drawn flow: seen (how much, when last) or not, and whether it is a
 * candidate for removal: not seen since `unseenBefore` (counted from when it was drawn if never
 * seen), unless it is denied already.
 */
export function flowObservation(
  flow: Pick<TDrawnFlow, "id" | "status" | "createdAt">,
  entry: { connections: number; bytes: number; denied: number; lastSeen: number } | undefined,
  unseenBefore: number,
): TFlowObservation {
  const reference = entry ? entry.lastSeen : flow.createdAt.getTime();
  return {
    edgeId: flow.id,
    seen: Boolean(entry),
    connections: entry?.connections ?? 0,
    bytes: entry?.bytes ?? 0,
    denied: entry?.denied ?? 0,
    lastSeen: entry ? new Date(entry.lastSeen).toISOString() : null,
    removalCandidate: flow.status !== "DENIED" && reference < unseenBefore,
  };
}

/** Details recovered from a key alone, for an endpoint whose row is gone (pruned). */
export function fallbackDetails(key: string): TEndpointDetails {
  if (key.startsWith("ip:")) return { key, address: key.slice(3), hostname: null, namespace: null, labels: {} };
  if (key.startsWith("dns:")) return { key, address: null, hostname: key.slice(4), namespace: null, labels: {} };
  if (key.startsWith("k8s:")) {
    const [namespace, selector = ""] = key.slice(4).split("/", 2);
    const labels = Object.fromEntries(
      selector
        .split(",")
        .filter(Boolean)
        .map((pair) => pair.split("=", 2) as [string, string]),
    );
    return { key, address: null, hostname: null, namespace: namespace ?? null, labels };
  }
  return { key, address: null, hostname: null, namespace: null, labels: {} };
}

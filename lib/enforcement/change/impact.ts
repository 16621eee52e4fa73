/**
 * The staged impact preview of a change: observed traffic (discovery aggregates of the last days)
 * replayed against enforcement before and after the change. Enforcement here is what the generated
 * policy enforces: a protected workload denies by default, so a connection that touches one passes
 * only when an APPROVED flow between its two resolved nodes covers its protocol and port. Traffic
 * that touches no protected node is not governed by the surface's policy and passes either way.
 * Endpoints resolve to nodes exactly as the discovery overlay resolves them.
 */
import { describeEndpointKey, type TEndpointDetails } from "@/lib/discovery/endpoints";
import { NO_PORT } from "@/lib/discovery/aggregate";
import { fallbackDetails, flowCovers, type TDrawnFlow } from "@/lib/discovery/reconcile";
import { endpointResolver } from "@/lib/discovery/resolve";
import { parsePorts } from "@/lib/maps/model/ports";
import type { TPolicyFlow, TPolicyNode } from "../model";

export type TObservedConnectionKind = {
  sourceKey: string;
  destinationKey: string;
  protocol: string;
  destinationPort: number;
  connections: number;
};

export type TImpactExample = {
  source: string;
  destination: string;
  protocol: string;
  port: number | null;
  connections: number;
};

export type TImpactBucket = { connections: number; kinds: number; examples: TImpactExample[] };

export type TImpact = {
  newlyDropped: TImpactBucket;
  newlyAllowed: TImpactBucket;
  unchanged: { connections: number; kinds: number; allowed: number; dropped: number };
};

export type TImpactInput = {
  nodes: readonly TPolicyNode[];
  before: readonly TPolicyFlow[];
  after: readonly TPolicyFlow[];
  observed: readonly TObservedConnectionKind[];
  endpoints: ReadonlyMap<string, TEndpointDetails>;
};

export const IMPACT_EXAMPLES = 5;

type TMatcher = Parameters<typeof flowCovers>[0];

function matchersByEnds(flows: readonly TPolicyFlow[]): Map<string, TMatcher[]> {
  const byEnds = new Map<string, TMatcher[]>();
  for (const flow of flows) {
    if (flow.status !== "APPROVED") continue;
    const drawn: TDrawnFlow = { ...flow, createdAt: new Date(0) };
    const parsed = flow.ports.trim() === "" ? null : parsePorts(flow.ports);
    // An unparseable port list generates no rule (the generators report it), so it allows nothing.
    if (parsed && !parsed.ok) continue;
    const key = `${flow.sourceId}>${flow.targetId}`;
    byEnds.set(key, [...(byEnds.get(key) ?? []), { flow: drawn, ranges: parsed ? parsed.ranges : null }]);
  }
  return byEnds;
}

function emptyBucket(): TImpactBucket {
  return { connections: 0, kinds: 0, examples: [] };
}

export function previewImpact(input: TImpactInput): TImpact {
  const resolver = endpointResolver(
    input.nodes.map((node) => ({ id: node.id, kind: node.kind, addresses: node.addresses, labels: node.labels })),
  );
  const protectedIds = new Set(input.nodes.filter((node) => node.protected).map((node) => node.id));
  const labels = new Map(input.nodes.map((node) => [node.id, node.label]));
  const resolved = new Map<string, string | null>();
  const resolve = (key: string) => {
    if (!resolved.has(key)) resolved.set(key, resolver.resolve(input.endpoints.get(key) ?? fallbackDetails(key)));
    return resolved.get(key)!;
  };
  const before = matchersByEnds(input.before);
  const after = matchersByEnds(input.after);
  const passes = (flows: Map<string, TMatcher[]>, sourceId: string | null, targetId: string | null, kind: TObservedConnectionKind) => {
    const governed = (sourceId !== null && protectedIds.has(sourceId)) || (targetId !== null && protectedIds.has(targetId));
    if (!governed) return true;
    if (sourceId === null || targetId === null) return false;
    return (flows.get(`${sourceId}>${targetId}`) ?? []).some((matcher) => flowCovers(matcher, kind.protocol, kind.destinationPort));
  };
  const impact: TImpact = {
    newlyDropped: emptyBucket(),
    newlyAllowed: emptyBucket(),
    unchanged: { connections: 0, kinds: 0, allowed: 0, dropped: 0 },
  };
  const dropped: TImpactExample[] = [];
  const allowed: TImpactExample[] = [];
  for (const kind of input.observed) {
    const sourceId = resolve(kind.sourceKey);
    const targetId = resolve(kind.destinationKey);
    const was = passes(before, sourceId, targetId, kind);
    const will = passes(after, sourceId, targetId, kind);
    if (was === will) {
      impact.unchanged.connections += kind.connections;
      impact.unchanged.kinds += 1;
      impact.unchanged[was ? "allowed" : "dropped"] += kind.connections;
      continue;
    }
    const example: TImpactExample = {
      source: sourceId ? (labels.get(sourceId) ?? sourceId) : describeEndpointKey(kind.sourceKey),
      destination: targetId ? (labels.get(targetId) ?? targetId) : describeEndpointKey(kind.destinationKey),
      protocol: kind.protocol,
      port: kind.destinationPort === NO_PORT ? null : kind.destinationPort,
      connections: kind.connections,
    };
    const bucket = was ? impact.newlyDropped : impact.newlyAllowed;
    bucket.connections += kind.connections;
    bucket.kinds += 1;
    (was ? dropped : allowed).push(example);
  }
  const busiest = (examples: TImpactExample[]) =>
    examples
      .sort((a, b) => b.connections - a.connections || a.source.localeCompare(b.source) || a.destination.localeCompare(b.destination))
      .slice(0, IMPACT_EXAMPLES);
  impact.newlyDropped.examples = busiest(dropped);
  impact.newlyAllowed.examples = busiest(allowed);
  return impact;
}

import crypto from "node:crypto";
import { flowObservation, type TDrawnFlow, type TReconciliation } from "./reconcile";
import type { TResolvableNode } from "./resolve";
import type { TReconciliationResponse } from "./schemas";

/**
 * The overlay as stored in DiscoveryOverlay: the reconciliation of one surface's observations with
 * its map, ghosts cut to the busiest `GHOST_LIMIT`. What depends on the clock (removal candidates)
 * is decided when it is read, so a stored overlay never goes stale by waiting.
 */
export type TStoredOverlay = {
  observedPairs: number;
  flows: Array<{ edgeId: string; connections: number; bytes: number; denied: number; lastSeen: string }>;
  ghosts: TReconciliation["ghosts"];
  ghostsTruncated: number;
  unmapped: TReconciliation["unmapped"];
  totals: TReconciliation["totals"];
};

const DAY_MS = 86_400_000;
/** Unmapped groups kept (the busiest first). */
export const UNMAPPED_LIMIT = 200;

/**
 * What reconciliation reads of a map, hashed: nodes' kinds, addresses and labels, flows' ends,
 * protocol and ports. Moving a node or renaming it leaves the overlay as it was; anything that can
 * change which node an address belongs to, or which flow covers a connection, does not.
 */
export function mapFingerprint(nodes: readonly TResolvableNode[], flows: readonly TDrawnFlow[]): string {
  const hash = crypto.createHash("sha256");
  for (const node of [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    hash.update(JSON.stringify([node.id, node.kind, node.addresses, node.labels]));
  hash.update("|");
  for (const flow of [...flows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    hash.update(JSON.stringify([flow.id, flow.sourceId, flow.targetId, flow.protocol, flow.ports]));
  return hash.digest("base64url");
}

/** The stored form of a reconciliation. */
export function storedOverlayOf(result: TReconciliation, observedPairs: number, ghostLimit: number): TStoredOverlay {
  return {
    observedPairs,
    flows: result.flows
      .filter((flow) => flow.seen)
      .map((flow) => ({
        edgeId: flow.edgeId,
        connections: flow.connections,
        bytes: flow.bytes,
        denied: flow.denied,
        lastSeen: flow.lastSeen ?? "",
      })),
    ghosts: result.ghosts.slice(0, ghostLimit),
    ghostsTruncated: Math.max(0, result.ghosts.length - ghostLimit),
    unmapped: result.unmapped.slice(0, UNMAPPED_LIMIT),
    totals: result.totals,
  };
}

/**
 * The overlay as the canvas reads it, for the flows on the map now: a flow not seen for
 * `unseenDays` (counted from when it was drawn if never seen) is a candidate for removal, unless
 * it is denied already.
 */
export function overlayResponse(
  surfaceId: string,
  stored: TStoredOverlay,
  flows: readonly TDrawnFlow[],
  options: { now: Date; unseenDays: number; ghostLimit: number },
): TReconciliationResponse {
  const seen = new Map(stored.flows.map((flow) => [flow.edgeId, flow]));
  const unseenBefore = options.now.getTime() - options.unseenDays * DAY_MS;
  return {
    surfaceId,
    unseenDays: options.unseenDays,
    observedPairs: stored.observedPairs,
    flows: flows.map((flow) => {
      const entry = seen.get(flow.id);
      return flowObservation(flow, entry && { ...entry, lastSeen: Date.parse(entry.lastSeen) }, unseenBefore);
    }),
    ghosts: stored.ghosts.slice(0, options.ghostLimit),
    ghostsTruncated: stored.ghostsTruncated + Math.max(0, stored.ghosts.length - options.ghostLimit),
    unmapped: stored.unmapped,
    totals: stored.totals,
  };
}

import type { TRfEdge } from "@/lib/maps/canvas/to-react-flow";
import type { TMapEdge } from "@/lib/maps/model/schemas";
import type { TReconciliationResponse } from "@/lib/discovery/schemas";

const GHOST_PREFIX = "ghost:";

/** "3 h ago", "2 d ago": how long since traffic was last seen. */
export function sinceText(iso: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h ago`;
  return `${Math.round(minutes / 1440)} d ago`;
}

export function isGhostEdgeId(id: string): boolean {
  return id.startsWith(GHOST_PREFIX);
}

/** The overlay's ghost id (`source>target/protocol/port`) of a ghost edge on the canvas, or null for a drawn flow. */
export function ghostIdOf(edgeId: string): string | null {
  return isGhostEdgeId(edgeId) ? edgeId.slice(GHOST_PREFIX.length) : null;
}

function ghostFlow(ghost: TReconciliationResponse["ghosts"][number]): TMapEdge {
  return {
    id: `${GHOST_PREFIX}${ghost.id}`,
    sourceId: ghost.sourceId,
    targetId: ghost.targetId,
    protocol: ghost.protocol,
    ports: ghost.port === null ? "" : String(ghost.port),
    appProtocol: "",
    principal: "",
    httpMethod: "",
    httpPath: "",
    encryption: "NONE",
    authentication: "NONE",
    status: ghost.deniedOnly ? "DENIED" : "OBSERVED",
    justification: "",
    ownerId: null,
    statementId: null,
    connections: ghost.connections,
    bytes: ghost.bytes,
    firstSeen: null,
    lastSeen: ghost.lastSeen,
    version: 0,
  };
}

/**
 * The canvas with observed traffic laid over it: each drawn flow's label says whether it was seen
 * (how often, when last) or is a candidate for removal; ghost edges (traffic between nodes with no
 * drawn flow) are added dashed, denied-only ones in red, and those picked in the panel stand out.
 * Ghost edges are not part of the map: the canvas never selects, moves or deletes them; a click
 * picks or unpicks them for the panel's actions (useGhostClick), the panel's list does the same
 * from the keyboard.
 */
export function overlayEdges(
  edges: readonly TRfEdge[],
  overlay: TReconciliationResponse | undefined,
  picked: ReadonlySet<string>,
  now: Date,
  nodesOnCanvas?: ReadonlySet<string>,
): TRfEdge[] {
  if (!overlay) return edges as TRfEdge[];
  const byEdge = new Map(overlay.flows.map((flow) => [flow.edgeId, flow]));
  const drawn = edges.map((edge): TRfEdge => {
    const seen = byEdge.get(edge.id);
    if (!seen || !edge.data) return edge;
    const badge = seen.seen
      ? `seen ${seen.connections.toLocaleString("en")}× · ${sinceText(seen.lastSeen!, now)}`
      : seen.removalCandidate
        ? `not seen in ${overlay.unseenDays} d · removal candidate`
        : "not seen";
    return {
      ...edge,
      className: [edge.className, seen.seen ? "discovery-seen" : seen.removalCandidate ? "discovery-removal" : "discovery-unseen"]
        .filter(Boolean)
        .join(" "),
      data: { ...edge.data, label: `${edge.data.label} · ${badge}`, description: `${edge.data.description} (${badge})` },
    };
  });
  const ghosts = overlay.ghosts.map((ghost): TRfEdge => {
    const flow = ghostFlow(ghost);
    const label = `${ghost.deniedOnly ? "denied" : "observed"} ${ghost.protocol}${ghost.port === null ? "" : `/${ghost.port}`} · ${ghost.connections.toLocaleString("en")}×`;
    return {
      id: flow.id,
      source: ghost.sourceId,
      target: ghost.targetId,
      type: "flow",
      selectable: false,
      deletable: false,
      focusable: false,
      className: ["discovery-ghost", ghost.deniedOnly ? "discovery-denied" : "", picked.has(ghost.id) ? "discovery-picked" : ""]
        .filter(Boolean)
        .join(" "),
      style: {
        strokeDasharray: "6 4",
        stroke: ghost.deniedOnly ? "var(--color-danger, #dc2626)" : "var(--color-accent, #2563eb)",
        strokeWidth: picked.has(ghost.id) ? 3 : undefined,
        opacity: picked.has(ghost.id) ? 1 : 0.7,
        cursor: ghost.deniedOnly ? undefined : "pointer",
      },
      data: {
        edge: flow,
        warnings: [],
        label,
        description: `Observed, not drawn: ${label}, last seen ${sinceText(ghost.lastSeen, now)}`,
        dimmed: false,
        editors: [],
      },
    };
  });
  // Ghosts whose nodes are not on the canvas (filtered out) are left off rather than dangling.
  return [
    ...drawn,
    ...(nodesOnCanvas ? ghosts.filter((ghost) => nodesOnCanvas.has(ghost.source) && nodesOnCanvas.has(ghost.target)) : ghosts),
  ];
}

import { KIND_LABELS } from "../model/appearance";
import type { TMapNode, TMapOperationInput } from "../model/schemas";

/** A flow as drawing one starts it (by dragging between handles or with "Connect to…"): proposed, HTTPS-like, to be filled in. */
export function newFlowOperation(sourceId: string, targetId: string, id: string): TMapOperationInput {
  return {
    op: "createEdge",
    edge: { id, sourceId, targetId, protocol: "TCP", ports: "443", encryption: "TLS", status: "PROPOSED" },
  };
}

export type TConnectTarget = { id: string; label: string; detail: string };

/**
 * The nodes a flow from `sourceId` can go to, for the "Connect to…" list: every other node, matched
 * on its label, kind, identity, addresses and zone by each word typed; labels starting with the
 * query first, then by label.
 */
export function connectTargets(nodes: readonly TMapNode[], sourceId: string, query: string): TConnectTarget[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const first = words.join(" ");
  return nodes
    .filter((node) => node.id !== sourceId)
    .map((node) => {
      const zone = node.zoneId ? byId.get(node.zoneId)?.label : undefined;
      const detail = [KIND_LABELS[node.kind], zone ? `in ${zone}` : null, node.identity || null].filter(Boolean).join(" · ");
      return {
        node,
        target: { id: node.id, label: node.label, detail },
        haystack: `${node.label} ${detail} ${node.addresses.join(" ")}`.toLowerCase(),
      };
    })
    .filter(({ haystack }) => words.every((word) => haystack.includes(word)))
    .sort((a, b) => {
      const aFirst = first !== "" && a.node.label.toLowerCase().startsWith(first) ? 0 : 1;
      const bFirst = first !== "" && b.node.label.toLowerCase().startsWith(first) ? 0 : 1;
      return aFirst - bFirst || a.node.label.localeCompare(b.node.label);
    })
    .map(({ target }) => target);
}

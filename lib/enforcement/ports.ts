/** A flow's protocol and port expression as the L4 matches enforcement points take. */
import { normalizePorts, parsePorts } from "@/lib/maps/model/ports";
import type { TPolicyFlow } from "./model";

export type TL4Protocol = "TCP" | "UDP";
/** `to` equals `from` for a single port. No ports (null) means every port of the protocol. */
export type TL4Match = { protocol: TL4Protocol; from: number; to: number } | { protocol: TL4Protocol; from: null; to: null };

export type TFlowTraffic = { kind: "l4"; matches: TL4Match[] } | { kind: "icmp" } | { kind: "any" } | { kind: "invalid"; reason: string };

/** ANY with ports means the ports on both TCP and UDP; ANY without ports is all traffic. */
export function trafficOf(flow: Pick<TPolicyFlow, "protocol" | "ports">): TFlowTraffic {
  if (flow.protocol === "ICMP") return { kind: "icmp" };
  const protocols: TL4Protocol[] = flow.protocol === "ANY" ? ["TCP", "UDP"] : [flow.protocol];
  if (flow.ports.trim() === "") {
    if (flow.protocol === "ANY") return { kind: "any" };
    return { kind: "l4", matches: protocols.map((protocol) => ({ protocol, from: null, to: null })) };
  }
  const parsed = parsePorts(normalizePorts(flow.ports));
  if (!parsed.ok) return { kind: "invalid", reason: `ports "${flow.ports}" ${parsed.message}` };
  return {
    kind: "l4",
    matches: protocols.flatMap((protocol) => parsed.ranges.map((range) => ({ protocol, from: range.from, to: range.to }))),
  };
}

export function describeTraffic(flow: Pick<TPolicyFlow, "protocol" | "ports">): string {
  return flow.ports.trim() ? `${flow.protocol} ${normalizePorts(flow.ports)}` : flow.protocol;
}

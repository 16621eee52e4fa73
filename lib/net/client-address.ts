import net from "node:net";

/**
 * Set on every incoming request from the socket itself (see peer-header.ts), replacing whatever a
 * client sent under this name: the one address a client cannot choose.
 */
export const PEER_ADDRESS_HEADER = "x-concord-peer-address";

function normalize(address: string): string {
  const trimmed = address.trim().replace(/^\[(.*)\]$/, "$1");
  // IPv4 reached over an IPv6 socket (::ffff:10.0.0.1) is the IPv4 address.
  return trimmed.toLowerCase().startsWith("::ffff:") && net.isIPv4(trimmed.slice(7)) ? trimmed.slice(7) : trimmed;
}

export function trustedProxyList(entries: readonly string[]): net.BlockList {
  const list = new net.BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split("/");
    const family = net.isIPv6(address!) ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address!, family);
    else list.addSubnet(address!, Number(bits), family);
  }
  return list;
}

function isTrusted(address: string, proxies: net.BlockList): boolean {
  const family = net.isIP(address);
  return family !== 0 && proxies.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then
 * X-Forwarded-For is read from the right, skipping trusted proxies, and the first hop that is not
 * one is the client. Entries left of it were written by the client and are ignored, so rotating
 * the header changes nothing. "unknown" when even the socket's address is missing.
 */
export function clientAddress(input: {
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  trustedProxies: net.BlockList;
}): string {
  const peer = input.peer ? normalize(input.peer) : "";
  if (!peer || !net.isIP(peer)) return "unknown";
  if (!isTrusted(peer, input.trustedProxies)) return peer;
  const hops = (input.forwardedFor ?? "").split(",").map(normalize).filter(Boolean);
  let client = peer;
  for (let index = hops.length - 1; index >= 0; index -= 1) {
    const hop = hops[index]!;
    // A proxy we trust wrote garbage (or the client's own garbage reached us): stop at the last good hop.
    if (!net.isIP(hop)) return client;
    client = hop;
    if (!isTrusted(hop, input.trustedProxies)) return hop;
  }
  return client;
}

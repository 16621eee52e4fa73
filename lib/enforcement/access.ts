/**
 * Access as enforcement states it, independent of the target: "this workload accepts (ingress) or
 * opens (egress) this protocol and port range with this peer". Generated and deployed policy both
 * reduce to it, so drift is a comparison of two sets and bootstrap is the reverse of generation.
 */
export type TWorkloadRef = { namespace: string; selector: Record<string, string> };
export type TAccessPeer =
  ({ kind: "workload" } & TWorkloadRef) | { kind: "cidr"; cidr: string } | { kind: "fqdn"; name: string } | { kind: "any" };
export type TAccessProtocol = "TCP" | "UDP" | "ICMP" | "ANY";

export type TAccess = {
  subject: TWorkloadRef;
  direction: "ingress" | "egress";
  peer: TAccessPeer;
  protocol: TAccessProtocol;
  /** null: every port. */
  from: number | null;
  to: number | null;
  /** Where it was read: the document's index and name, for reports. */
  origin: { document: number; name: string };
};

function selectorKey(selector: Record<string, string>): string {
  return Object.entries(selector)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
    .join(",");
}

export function workloadKey(ref: TWorkloadRef): string {
  return `${ref.namespace}/${selectorKey(ref.selector)}`;
}

export function peerKey(peer: TAccessPeer): string {
  if (peer.kind === "workload") return `workload:${workloadKey(peer)}`;
  if (peer.kind === "cidr") return `cidr:${peer.cidr}`;
  if (peer.kind === "fqdn") return `fqdn:${peer.name}`;
  return "any";
}

/** Who may talk to whom, on which protocol: ports aside. */
export function pairKey(access: TAccess): string {
  return `${access.direction} ${workloadKey(access.subject)} ${peerKey(access.peer)} ${access.protocol}`;
}

export function describeAccess(access: TAccess): string {
  const ports =
    access.from === null ? "all ports" : access.from === access.to ? `port ${access.from}` : `ports ${access.from}-${access.to}`;
  const subject = workloadKey(access.subject);
  const peer = peerKey(access.peer);
  const traffic = access.protocol === "ICMP" || access.protocol === "ANY" ? access.protocol : `${access.protocol} ${ports}`;
  return access.direction === "ingress" ? `${peer} → ${subject} ${traffic}` : `${subject} → ${peer} ${traffic}`;
}

function protocolCovers(outer: TAccessProtocol, inner: TAccessProtocol): boolean {
  return outer === "ANY" || outer === inner;
}

function portsCover(outer: TAccess, inner: TAccess): boolean {
  if (outer.from === null) return true;
  if (inner.from === null || inner.to === null || outer.to === null) return false;
  return outer.from <= inner.from && inner.to <= outer.to;
}

/** Does `outer` allow everything `inner` allows (same subject and direction, peer equal or any)? */
export function covers(outer: TAccess, inner: TAccess): boolean {
  if (outer.direction !== inner.direction || workloadKey(outer.subject) !== workloadKey(inner.subject)) return false;
  if (outer.peer.kind !== "any" && peerKey(outer.peer) !== peerKey(inner.peer)) return false;
  return protocolCovers(outer.protocol, inner.protocol) && portsCover(outer, inner);
}

export type TDrift = {
  /** Deployed but not approved: access nobody decided on. */
  excess: TAccess[];
  /** Approved but not deployed: a decision enforcement does not carry out. */
  missing: TAccess[];
};

/**
 * Drift of deployed policy against approved access. Every deployed entry must fall inside an
 * approved one (else it is excess) and every approved entry inside a deployed one (else missing).
 * Comparison is per entry: an approved range split across two deployed entries reads as missing,
 * which is the conservative answer.
 */
export function compareAccess(approved: TAccess[], deployed: TAccess[]): TDrift {
  return {
    excess: deployed.filter((entry) => !approved.some((allowed) => covers(allowed, entry))),
    missing: approved.filter((entry) => !deployed.some((enforced) => covers(enforced, entry))),
  };
}

import type { TObservedEndpoint, TObservedProtocol, TObservedRecord, TObservedVerdict } from "../records";
import { record, reject, shown, type TLineParser } from "./parsed";
import { canonicalAddress, dateOf, portOf } from "./values";

type TJson = Record<string, unknown>;

function isObject(value: unknown): value is TJson {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
const objectAt = (value: unknown, key: string): TJson | undefined => (isObject(value) && isObject(value[key]) ? value[key] : undefined);
const stringAt = (value: unknown, key: string): string | undefined =>
  isObject(value) && typeof value[key] === "string" && value[key] !== "" ? value[key] : undefined;

/**
 * Hubble verdicts. FORWARDED and REDIRECTED (handed to the L7 proxy by an allowing policy) and
 * AUDIT (a policy in audit mode would have dropped it, but it flowed) are traffic that passed;
 * DROPPED is DENIED with Cilium's drop reason; ERROR and anything else are UNKNOWN.
 */
export const HUBBLE_VERDICTS: Record<string, TObservedVerdict> = {
  FORWARDED: "ALLOWED",
  REDIRECTED: "ALLOWED",
  AUDIT: "ALLOWED",
  TRANSLATED: "ALLOWED",
  TRACED: "ALLOWED",
  DROPPED: "DENIED",
  ERROR: "UNKNOWN",
};

/** Label sources whose labels describe nothing the map draws (Cilium's own bookkeeping). */
const NOISE_LABEL_PREFIXES = ["io.cilium.", "io.kubernetes.pod.namespace"];

/**
 * Endpoint labels as "key=value": the `k8s:` source prefix stripped, Cilium's bookkeeping labels
 * (io.cilium.*, io.kubernetes.pod.namespace, which repeats the namespace) dropped; labels of other
 * sources (reserved:world, cidr:…) are kept with their source, with an empty value.
 */
export function hubbleLabelsOf(labels: unknown): Record<string, string> | undefined {
  if (!Array.isArray(labels)) return undefined;
  const result: Record<string, string> = {};
  for (const label of labels) {
    if (typeof label !== "string") continue;
    const text = label.startsWith("k8s:") ? label.slice(4) : label;
    const equals = text.indexOf("=");
    const key = equals === -1 ? text : text.slice(0, equals);
    if (key === "" || NOISE_LABEL_PREFIXES.some((prefix) => key.startsWith(prefix))) continue;
    result[key] = equals === -1 ? "" : text.slice(equals + 1);
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

function endpointOf(flow: TJson, side: "source" | "destination", addressText: string | undefined): TObservedEndpoint | string {
  const endpoint: TObservedEndpoint = {};
  if (addressText !== undefined) {
    const address = canonicalAddress(addressText);
    if (address === null) return `IP.${side} ${shown(addressText)} is not an IP address`;
    endpoint.address = address;
  }
  const described = objectAt(flow, side);
  const namespace = stringAt(described, "namespace");
  if (namespace !== undefined) endpoint.namespace = namespace;
  const labels = hubbleLabelsOf(described?.labels);
  if (labels !== undefined) endpoint.labels = labels;
  const pod = stringAt(described, "pod_name");
  if (pod !== undefined) endpoint.pod = pod;
  const service = stringAt(objectAt(flow, `${side}_service`), "name");
  if (service !== undefined) endpoint.service = service;
  const names = flow[`${side}_names`];
  if (Array.isArray(names) && typeof names[0] === "string" && names[0] !== "")
    endpoint.hostname = names[0].replace(/\.$/, "").toLowerCase();
  if (Object.keys(endpoint).length === 0) return `the ${side} endpoint has no address, namespace or name`;
  return endpoint;
}

type TLayer4 = { protocol: TObservedProtocol; sourcePort: number | null; destinationPort: number | null; opening: boolean | null };

/** Ports and, for TCP, whether the packet opens a connection (SYN without ACK); null when unknown. */
function layer4Of(flow: TJson): TLayer4 | string {
  const l4 = objectAt(flow, "l4");
  if (l4 === undefined) return { protocol: "OTHER", sourcePort: null, destinationPort: null, opening: null };
  if (objectAt(l4, "ICMPv4") !== undefined || objectAt(l4, "ICMPv6") !== undefined)
    return { protocol: "ICMP", sourcePort: null, destinationPort: null, opening: null };
  for (const name of ["TCP", "UDP", "SCTP"] as const) {
    const ports = objectAt(l4, name);
    if (ports === undefined) continue;
    // jsonpb leaves out zero values, so an absent port is port 0.
    const sourcePort = portOf(ports.source_port ?? 0);
    const destinationPort = portOf(ports.destination_port ?? 0);
    if (sourcePort === null || destinationPort === null) return `l4.${name} ports ${shown(ports)} are not ports`;
    const flags = objectAt(ports, "flags");
    const opening = flags === undefined ? null : flags.SYN === true && flags.ACK !== true;
    return { protocol: name === "SCTP" ? "OTHER" : name, sourcePort, destinationPort, opening };
  }
  return { protocol: "OTHER", sourcePort: null, destinationPort: null, opening: null };
}

function httpOf(flow: TJson): TObservedRecord["http"] | undefined {
  const http = objectAt(objectAt(flow, "l7"), "http");
  if (http === undefined) return undefined;
  const method = stringAt(http, "method");
  const url = stringAt(http, "url");
  let path: string | undefined;
  if (url !== undefined) {
    try {
      path = new URL(url, "http://unknown.invalid").pathname;
    } catch {
      path = undefined;
    }
  }
  return { ...(method !== undefined ? { method } : {}), ...(path !== undefined ? { path } : {}) };
}

/**
 * `hubble observe -o json` (jsonpb), one event per line: a bare Flow object (older Hubble) or the
 * GetFlowsResponse wrapper `{"flow": {...}, "node_name", "time"}`; other events of the stream
 * (node_status, lost_events, agent and debug events) are skipped as comments.
 *
 * Counting rule: Hubble reports packets, not connections. A TCP event counts as a connection only
 * when it opens one (SYN without ACK, which is also what a policy drop of a new connection shows);
 * a UDP/ICMP/other event that is not a reply counts as one; an L7 event counts none (its
 * connection was counted at L4). Reply events (is_reply true) count none, and are turned back to
 * the direction of the connection they answer (client → server, port = the server's port), so that
 * they add last-seen and packets to the right edge instead of an edge from server to client.
 * Every event is one packet; Hubble logs no byte counts.
 */
export function hubbleParser(): TLineParser {
  return (text, line) => {
    if (text.trim() === "") return { kind: "skip", line, reason: "comment" };
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch (error) {
      return reject(line, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isObject(event)) return reject(line, "not a JSON object");
    const flow =
      objectAt(event, "flow") ?? (["verdict", "IP", "l4", "Type", "source", "destination"].some((key) => key in event) ? event : undefined);
    if (flow === undefined) return { kind: "skip", line, reason: "comment" };

    const timeValue = flow.time ?? event.time;
    const start = dateOf(timeValue);
    if (start === null)
      return reject(line, timeValue === undefined ? "time is missing" : `time ${shown(timeValue)} is not an ISO 8601 time`);

    const ip = objectAt(flow, "IP");
    let source = endpointOf(flow, "source", stringAt(ip, "source"));
    if (typeof source === "string") return reject(line, source);
    let destination = endpointOf(flow, "destination", stringAt(ip, "destination"));
    if (typeof destination === "string") return reject(line, destination);

    const layer4 = layer4Of(flow);
    if (typeof layer4 === "string") return reject(line, layer4);
    const isReply = flow.is_reply === true;
    let destinationPort = layer4.destinationPort;
    if (isReply) {
      [source, destination] = [destination, source];
      destinationPort = layer4.sourcePort;
    }
    const isL7 = flow.Type === "L7" || objectAt(flow, "l7") !== undefined;
    const opens = layer4.protocol === "TCP" ? layer4.opening === true : true;
    const connections = !isReply && !isL7 && opens ? 1 : 0;

    const verdictText = typeof flow.verdict === "string" ? flow.verdict : "";
    const verdict = HUBBLE_VERDICTS[verdictText] ?? "UNKNOWN";
    const dropReason =
      stringAt(flow, "drop_reason_desc") ??
      (typeof flow.drop_reason === "number" && flow.drop_reason !== 0 ? `drop reason ${flow.drop_reason}` : undefined);
    const http = httpOf(flow);
    return record(line, {
      source,
      destination,
      protocol: layer4.protocol,
      destinationPort,
      start,
      connections,
      bytes: 0,
      packets: 1,
      verdict,
      ...(verdict === "DENIED" && dropReason !== undefined ? { dropReason } : {}),
      ...(http !== undefined ? { http } : {}),
    });
  };
}

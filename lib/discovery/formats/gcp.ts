import type { TObservedEndpoint } from "../records";
import { record, reject, shown, type TLineParser } from "./parsed";
import { canonicalAddress, countOf, dateOf, portOf, protocolOfIanaNumber } from "./values";

type TJson = Record<string, unknown>;
const isObject = (value: unknown): value is TJson => typeof value === "object" && value !== null && !Array.isArray(value);
const objectAt = (value: unknown, key: string): TJson | undefined => (isObject(value) && isObject(value[key]) ? value[key] : undefined);
const stringAt = (value: unknown, key: string): string | undefined =>
  isObject(value) && typeof value[key] === "string" && value[key] !== "" ? value[key] : undefined;

/** The names GCP adds as metadata (when the flow log's metadata setting includes them). */
function endpointOf(payload: TJson, side: "src" | "dest", addressText: unknown): TObservedEndpoint | string {
  const address = typeof addressText === "string" ? canonicalAddress(addressText) : null;
  if (address === null) return `connection.${side}_ip ${shown(addressText)} is not an IP address`;
  const endpoint: TObservedEndpoint = { address };
  const vmName = stringAt(objectAt(payload, `${side}_instance`), "vm_name");
  if (vmName !== undefined) endpoint.hostname = vmName.toLowerCase();
  const gke = objectAt(payload, `${side}_gke_details`);
  const pod = objectAt(gke, "pod");
  const namespace = stringAt(pod, "pod_namespace");
  if (namespace !== undefined) endpoint.namespace = namespace;
  const podName = stringAt(pod, "pod_name");
  if (podName !== undefined) endpoint.pod = podName;
  const services = isObject(gke) && Array.isArray(gke.service) ? gke.service : [];
  const service = stringAt(services[0], "service_name");
  if (service !== undefined) endpoint.service = service;
  return endpoint;
}

/**
 * GCP VPC flow logs: Cloud Logging entries, one JSON object per line (as a log sink exports them),
 * with the flow in `jsonPayload`. Counts (int64) arrive as strings. Each entry counts one
 * connection. GCP logs accepted traffic only, so every record is ALLOWED. A flow between two VMs
 * whose subnets both log is reported twice, once per `reporter` (SRC and DEST): both are kept.
 */
export function gcpVpcParser(): TLineParser {
  return (text, line) => {
    if (text.trim() === "") return { kind: "skip", line, reason: "comment" };
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (error) {
      return reject(line, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const payload = objectAt(entry, "jsonPayload");
    const connection = objectAt(payload, "connection");
    if (payload === undefined || connection === undefined) return reject(line, "no jsonPayload.connection");

    const timeValue = payload.start_time ?? (isObject(entry) ? entry.timestamp : undefined);
    const start = dateOf(timeValue);
    if (start === null)
      return reject(line, timeValue === undefined ? "start_time is missing" : `start_time ${shown(timeValue)} is not an ISO 8601 time`);
    const source = endpointOf(payload, "src", connection.src_ip);
    if (typeof source === "string") return reject(line, source);
    const destination = endpointOf(payload, "dest", connection.dest_ip);
    if (typeof destination === "string") return reject(line, destination);

    const protocolNumber = countOf(connection.protocol ?? 0);
    if (protocolNumber === null || protocolNumber > 255)
      return reject(line, `connection.protocol ${shown(connection.protocol)} is not an IANA protocol number`);
    const protocol = protocolOfIanaNumber(protocolNumber);
    let destinationPort: number | null = null;
    if (protocol !== "ICMP" && connection.dest_port !== undefined) {
      destinationPort = portOf(connection.dest_port);
      if (destinationPort === null) return reject(line, `connection.dest_port ${shown(connection.dest_port)} is not a port`);
    }

    const counts = { bytes: 0, packets: 0 };
    for (const [name, field] of [
      ["bytes", "bytes_sent"],
      ["packets", "packets_sent"],
    ] as const) {
      if (payload[field] === undefined) continue;
      const count = countOf(payload[field]);
      if (count === null) return reject(line, `${field} ${shown(payload[field])} is not a count`);
      counts[name] = count;
    }
    return record(line, { source, destination, protocol, destinationPort, start, connections: 1, ...counts, verdict: "ALLOWED" });
  };
}

import { z } from "zod";
import type { TObservedEndpoint, TObservedRecord, TObservedVerdict, TParsedLine } from "../records";
import { record, reject, shown, type TLineParser } from "./parsed";
import { canonicalAddress, countOf, dateOfEpoch, isDigits, portOf, protocolOfIanaNumber } from "./values";

/**
 * AWS VPC Flow Logs: space-separated fields, `-` where a field has no value. The default format is
 * the version 2 fields in this order; a custom format is any subset of the available fields in any
 * order, written as a header line of field names (S3 delivery) or chosen by the person importing.
 */
export const VPC_DEFAULT_FIELDS = [
  "version",
  "account-id",
  "interface-id",
  "srcaddr",
  "dstaddr",
  "srcport",
  "dstport",
  "protocol",
  "packets",
  "bytes",
  "start",
  "end",
  "action",
  "log-status",
] as const;

/** Every documented field, versions 2 to 10, in the documentation's order. */
export const VPC_FIELDS = [
  ...VPC_DEFAULT_FIELDS,
  // version 3
  "vpc-id",
  "subnet-id",
  "instance-id",
  "tcp-flags",
  "type",
  "pkt-srcaddr",
  "pkt-dstaddr",
  // version 4
  "region",
  "az-id",
  "sublocation-type",
  "sublocation-id",
  // version 5
  "pkt-src-aws-service",
  "pkt-dst-aws-service",
  "flow-direction",
  "traffic-path",
  // version 7
  "ecs-cluster-arn",
  "ecs-cluster-name",
  "ecs-container-instance-arn",
  "ecs-container-instance-id",
  "ecs-container-id",
  "ecs-second-container-id",
  "ecs-service-name",
  "ecs-task-definition-arn",
  "ecs-task-arn",
  "ecs-task-id",
  // version 8
  "reject-reason",
  // versions 9 and 10
  "resource-id",
  "encryption-status",
] as const;

const KNOWN_FIELDS = new Set<string>(VPC_FIELDS);
const FIELD_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const MISSING = "-";

/**
 * A header line: every token is shaped like a field name and most are documented ones (a field
 * AWS adds later is read as unknown and ignored rather than refusing the file).
 */
export function isVpcHeader(tokens: readonly string[]): boolean {
  if (tokens.length === 0 || !tokens.every((token) => FIELD_NAME.test(token))) return false;
  const known = tokens.filter((token) => KNOWN_FIELDS.has(token)).length;
  return known * 2 >= tokens.length && known > 0;
}

/** Field names from a header, `${field}` format string or list, as the import dialog may give them. */
export function vpcFieldsOf(format: string | readonly string[]): string[] {
  const tokens = typeof format === "string" ? format.trim().split(/\s+/) : [...format];
  return tokens
    .map((token) =>
      token
        .replace(/^\$\{(.+)\}$/, "$1")
        .trim()
        .toLowerCase(),
    )
    .filter((token) => token !== "");
}

/** A custom format must at least locate both ends and a time. */
export function missingVpcFields(fields: readonly string[]): string[] {
  const has = (name: string) => fields.includes(name);
  const missing: string[] = [];
  if (!has("srcaddr") && !has("pkt-srcaddr")) missing.push("srcaddr");
  if (!has("dstaddr") && !has("pkt-dstaddr")) missing.push("dstaddr");
  if (!has("start") && !has("end")) missing.push("start");
  return missing;
}

/**
 * A custom VPC format as the import dialog or the API sends it: documented field names (plain or
 * `${field}`), each at most once, locating both ends and a time.
 */
export const ZVpcFields = z
  .array(z.string().trim().min(1).max(64))
  .min(1)
  .max(VPC_FIELDS.length)
  .transform((fields) => vpcFieldsOf(fields))
  .superRefine((fields, context) => {
    fields.forEach((field, index) => {
      if (!KNOWN_FIELDS.has(field)) context.addIssue({ code: "custom", path: [index], message: `"${field}" is not a VPC flow log field.` });
      else if (fields.indexOf(field) !== index) context.addIssue({ code: "custom", path: [index], message: `"${field}" is listed twice.` });
    });
    const missing = missingVpcFields(fields);
    if (missing.length > 0) context.addIssue({ code: "custom", path: [], message: `The format needs ${missing.join(", ")}.` });
  });

function verdictOf(action: string | undefined): TObservedVerdict {
  if (action === "ACCEPT") return "ALLOWED";
  if (action === "REJECT") return "DENIED";
  return "UNKNOWN";
}

/** Positions of the fields a line is read by (-1: not in the format), found once per format, not per line. */
type TFormat = {
  fields: readonly string[];
  status: number;
  srcaddr: number;
  dstaddr: number;
  pktSrcaddr: number;
  pktDstaddr: number;
  pktSrcService: number;
  pktDstService: number;
  start: number;
  end: number;
  protocol: number;
  dstport: number;
  packets: number;
  bytes: number;
  action: number;
  rejectReason: number;
};

function formatOf(fields: readonly string[]): TFormat {
  const at = (name: string) => fields.indexOf(name);
  return {
    fields,
    status: at("log-status"),
    srcaddr: at("srcaddr"),
    dstaddr: at("dstaddr"),
    pktSrcaddr: at("pkt-srcaddr"),
    pktDstaddr: at("pkt-dstaddr"),
    pktSrcService: at("pkt-src-aws-service"),
    pktDstService: at("pkt-dst-aws-service"),
    start: at("start"),
    end: at("end"),
    protocol: at("protocol"),
    dstport: at("dstport"),
    packets: at("packets"),
    bytes: at("bytes"),
    action: at("action"),
    rejectReason: at("reject-reason"),
  };
}

/** The token at a position, undefined when the format has no such field or the log wrote `-`. */
function present(tokens: readonly string[], position: number): string | undefined {
  if (position < 0) return undefined;
  const value = tokens[position];
  return value === undefined || value === MISSING ? undefined : value;
}

/**
 * The real endpoints: pkt-srcaddr/pkt-dstaddr when the format has them (srcaddr/dstaddr are the
 * interface's own address for traffic through a NAT gateway, a load balancer or a middlebox).
 */
function endpointOf(
  tokens: readonly string[],
  side: "src" | "dst",
  packetPosition: number,
  interfacePosition: number,
  servicePosition: number,
): { endpoint: TObservedEndpoint } | { error: string } {
  const interfaceField = `${side}addr`;
  const packet = present(tokens, packetPosition);
  const text = packet ?? present(tokens, interfacePosition);
  if (text === undefined) return { error: `${interfaceField} is missing` };
  const address = canonicalAddress(text);
  if (address === null)
    return { error: `${packet !== undefined ? `pkt-${side}addr` : interfaceField} ${shown(text)} is not an IP address` };
  const awsService = present(tokens, servicePosition);
  return { endpoint: awsService === undefined ? { address } : { address, awsService } };
}

function parseDataLine(format: TFormat, tokens: readonly string[], line: number): TParsedLine {
  const { fields } = format;
  if (tokens.length !== fields.length) {
    // More fields than the default format: most likely a custom format delivered without header.
    const hint =
      format.fields === VPC_DEFAULT_FIELDS && tokens.length > fields.length ? " (a custom format? Choose its fields when importing)" : "";
    return reject(
      line,
      `expected ${fields.length} space-separated fields (${fields.slice(0, 4).join(" ")}…), found ${tokens.length}${hint}`,
    );
  }

  const status = present(tokens, format.status);
  if (status === "NODATA") return { kind: "skip", line, reason: "no-data" };
  if (status === "SKIPDATA") return { kind: "skip", line, reason: "skip-data" };

  const source = endpointOf(tokens, "src", format.pktSrcaddr, format.srcaddr, format.pktSrcService);
  if ("error" in source) return reject(line, source.error);
  const destination = endpointOf(tokens, "dst", format.pktDstaddr, format.dstaddr, format.pktDstService);
  if ("error" in destination) return reject(line, destination.error);

  const startText = present(tokens, format.start);
  const timeField = startText !== undefined ? "start" : "end";
  const timeText = startText ?? present(tokens, format.end);
  if (timeText === undefined) return reject(line, "start is missing");
  const start = isDigits(timeText) ? dateOfEpoch(timeText) : null;
  if (start === null) return reject(line, `${timeField} ${shown(timeText)} is not a time in epoch seconds`);

  const protocolText = present(tokens, format.protocol);
  let protocol: ReturnType<typeof protocolOfIanaNumber> = "OTHER";
  if (protocolText !== undefined) {
    const number = countOf(protocolText);
    if (number === null || number > 255) return reject(line, `protocol ${shown(protocolText)} is not an IANA protocol number`);
    protocol = protocolOfIanaNumber(number);
  }

  const portText = present(tokens, format.dstport);
  let destinationPort: number | null = null;
  if (portText !== undefined) {
    destinationPort = portOf(portText);
    if (destinationPort === null) return reject(line, `dstport ${shown(portText)} is not a port`);
  }
  // ICMP has no ports; VPC writes 0 (or the type/code) in their place.
  if (protocol === "ICMP") destinationPort = null;

  const packetsText = present(tokens, format.packets);
  const packets = packetsText === undefined ? 0 : countOf(packetsText);
  if (packets === null) return reject(line, `packets ${shown(packetsText)} is not a count`);
  const bytesText = present(tokens, format.bytes);
  const bytes = bytesText === undefined ? 0 : countOf(bytesText);
  if (bytes === null) return reject(line, `bytes ${shown(bytesText)} is not a count`);

  const verdict = verdictOf(present(tokens, format.action));
  const rejectReason = present(tokens, format.rejectReason);
  const observed: TObservedRecord = {
    source: source.endpoint,
    destination: destination.endpoint,
    protocol,
    destinationPort,
    start,
    connections: 1,
    bytes,
    packets,
    verdict,
  };
  if (verdict === "DENIED" && rejectReason !== undefined) observed.dropReason = rejectReason;
  return record(line, observed);
}

/**
 * A parser for one VPC file. `fields` is the custom format chosen in the dialog (the default v2
 * fields otherwise); a header line in the file takes precedence from where it appears, and may be
 * repeated (files concatenated from several deliveries).
 */
export function vpcParser(fields?: readonly string[]): TLineParser {
  let current = formatOf(fields && fields.length > 0 ? vpcFieldsOf(fields) : VPC_DEFAULT_FIELDS);
  return (text, line) => {
    // AWS separates fields with one space; anything else (tabs, runs of spaces) takes the slow path.
    let tokens = text.split(" ");
    if (tokens.includes("") || text.includes("\t")) tokens = text.trim().split(/\s+/);
    if (tokens.length === 1 && tokens[0] === "") return { kind: "skip", line, reason: "comment" };
    if (isVpcHeader(tokens)) {
      const missing = missingVpcFields(tokens);
      if (missing.length > 0) return reject(line, `the header names no ${missing.join(", ")} field`);
      current = formatOf(tokens);
      return { kind: "skip", line, reason: "header" };
    }
    return parseDataLine(current, tokens, line);
  };
}

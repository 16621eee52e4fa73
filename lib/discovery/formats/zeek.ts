import type { TObservedVerdict, TParsedLine } from "../records";
import { record, reject, shown, type TLineParser } from "./parsed";
import { canonicalAddress, countOf, dateOf, portOf, protocolOfText } from "./values";

/**
 * Zeek conn_state to verdict. Only a connection the responder answered counts as ALLOWED; REJ (the
 * responder answered the SYN with a RST) is DENIED; a SYN with no answer (S0, and the half-seen
 * states) is UNKNOWN, since a silent drop and a host that is down look alike from the wire.
 */
export const ZEEK_CONN_STATE_VERDICTS: Record<string, TObservedVerdict> = {
  SF: "ALLOWED", // established, closed normally
  S1: "ALLOWED", // established, not terminated
  S2: "ALLOWED", // established, originator closed
  S3: "ALLOWED", // established, responder closed
  RSTO: "ALLOWED", // established, originator aborted
  RSTR: "ALLOWED", // established, responder aborted
  REJ: "DENIED", // attempt rejected
  S0: "UNKNOWN", // attempt seen, no reply
  RSTOS0: "UNKNOWN", // originator SYN then RST, no SYN-ACK seen
  RSTRH: "UNKNOWN", // responder SYN-ACK then RST, no SYN seen
  SH: "UNKNOWN", // originator SYN then FIN, no SYN-ACK seen
  SHR: "UNKNOWN", // responder SYN-ACK then FIN, no SYN seen
  OTH: "UNKNOWN", // midstream traffic, no SYN seen
};

/** Reads one conn.log entry, whatever its encoding, through a field reader (undefined = unset). */
export function recordOfZeekConn(field: (name: string) => unknown, line: number): TParsedLine {
  const missing = ["ts", "id.orig_h", "id.resp_h", "proto"].filter((name) => field(name) === undefined);
  if (missing.length > 0) return reject(line, `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`);

  const start = dateOf(field("ts"));
  if (start === null) return reject(line, `ts ${shown(field("ts"))} is neither epoch seconds nor ISO 8601`);
  const addresses: string[] = [];
  for (const name of ["id.orig_h", "id.resp_h"]) {
    const value = field(name);
    const address = typeof value === "string" ? canonicalAddress(value) : null;
    if (address === null) return reject(line, `${name} ${shown(value)} is not an IP address`);
    addresses.push(address);
  }
  const protoValue = field("proto");
  const protocol = typeof protoValue === "string" ? protocolOfText(protoValue === "unknown_transport" ? "other" : protoValue) : null;
  if (protocol === null) return reject(line, `proto ${shown(protoValue)} is not a transport protocol`);

  // For ICMP, Zeek puts the type in id.orig_p and the code in id.resp_p: not a port.
  let destinationPort: number | null = null;
  const portValue = field("id.resp_p");
  if (protocol !== "ICMP" && portValue !== undefined) {
    destinationPort = portOf(portValue);
    if (destinationPort === null) return reject(line, `id.resp_p ${shown(portValue)} is not a port`);
  }

  // IP-level byte counts (comparable with the cloud flow logs) when logged, else payload bytes.
  const sums: Record<"bytes" | "packets", number> = { bytes: 0, packets: 0 };
  const ipBytes = field("orig_ip_bytes") !== undefined || field("resp_ip_bytes") !== undefined;
  const sources = {
    bytes: ipBytes ? ["orig_ip_bytes", "resp_ip_bytes"] : ["orig_bytes", "resp_bytes"],
    packets: ["orig_pkts", "resp_pkts"],
  };
  for (const total of ["bytes", "packets"] as const) {
    for (const name of sources[total]) {
      const value = field(name);
      if (value === undefined) continue;
      const count = countOf(value);
      if (count === null) return reject(line, `${name} ${shown(value)} is not a count`);
      sums[total] += count;
    }
  }

  const state = field("conn_state");
  const verdict = typeof state === "string" ? (ZEEK_CONN_STATE_VERDICTS[state] ?? "UNKNOWN") : "UNKNOWN";
  return record(line, {
    source: { address: addresses[0] },
    destination: { address: addresses[1] },
    protocol,
    destinationPort,
    start,
    connections: 1,
    bytes: sums.bytes,
    packets: sums.packets,
    verdict,
    ...(verdict === "DENIED" && typeof state === "string" ? { dropReason: state } : {}),
  });
}

/** Zeek escapes the separator in its header as \xHH. */
function unescaped(text: string): string {
  return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Zeek's ASCII (TSV) conn.log: `#separator`, `#set_separator`, `#empty_field`, `#unset_field`,
 * `#fields`, `#types` headers, `#open`/`#close` lines; a new header block may follow a `#close`
 * (logs concatenated). Sets need no reading: no field Concord uses is a set.
 */
export function zeekTsvParser(): TLineParser {
  let separator = "\t";
  let unsetField = "-";
  let emptyField = "(empty)";
  let fields: string[] | null = null;
  let positions = new Map<string, number>();
  return (text, line) => {
    if (text.startsWith("#")) {
      if (text.startsWith("#separator")) {
        separator = unescaped(text.slice("#separator".length).trim()) || "\t";
        return { kind: "skip", line, reason: "header" };
      }
      const [directive = "", ...values] = text.split(separator);
      if (directive === "#close") return { kind: "skip", line, reason: "footer" };
      if (directive === "#fields") {
        fields = values;
        positions = new Map(values.map((name, index) => [name, index]));
      } else if (directive === "#unset_field") unsetField = values[0] ?? unsetField;
      else if (directive === "#empty_field") emptyField = values[0] ?? emptyField;
      else if (!["#set_separator", "#path", "#open", "#types"].includes(directive)) return { kind: "skip", line, reason: "comment" };
      return { kind: "skip", line, reason: "header" };
    }
    if (text.trim() === "") return { kind: "skip", line, reason: "comment" };
    if (fields === null) return reject(line, "no #fields header line before this record");
    const values = text.split(separator);
    if (values.length !== fields.length)
      return reject(
        line,
        `expected ${fields.length} ${separator === "\t" ? "tab" : shown(separator)}-separated fields, found ${values.length}`,
      );
    return recordOfZeekConn((name) => {
      const position = positions.get(name);
      const value = position === undefined ? undefined : values[position];
      if (value === undefined || value === unsetField) return undefined;
      return value === emptyField ? "" : value;
    }, line);
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Zeek's JSON conn.log, one object per line (LogAscii::use_json): flat dotted keys ("id.orig_h")
 * as Zeek writes them, or nested ("id": {"orig_h": …}) as some shippers rewrite them; optional keys
 * are simply absent; ts is epoch seconds or an ISO 8601 string (JSON::TS_ISO8601).
 */
export function zeekJsonParser(): TLineParser {
  return (text, line) => {
    if (text.trim() === "") return { kind: "skip", line, reason: "comment" };
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (error) {
      return reject(line, `not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!isObject(entry)) return reject(line, "not a JSON object");
    return recordOfZeekConn((name) => {
      const value = name in entry ? entry[name] : nested(entry, name);
      return value === null || value === "-" ? undefined : value;
    }, line);
  };
}

function nested(entry: Record<string, unknown>, name: string): unknown {
  let value: unknown = entry;
  for (const part of name.split(".")) value = isObject(value) ? value[part] : undefined;
  return value;
}

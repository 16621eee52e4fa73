/**
 * The contract between the flow-log parsers (one per format, `lib/discovery/formats/*`) and the
 * import pipeline that aggregates, resolves and stores what they read. A parser turns the lines of
 * one file into records or rejects; it never touches the database and never keeps raw lines.
 */

/** The flow-log formats Concord reads. `csv` is generic CSV with a column mapping. */
export const FLOW_LOG_FORMATS = ["vpc", "zeek-tsv", "zeek-json", "hubble", "csv", "azure-nsg", "gcp-vpc"] as const;
export type TFlowLogFormat = (typeof FLOW_LOG_FORMATS)[number];

/** IANA protocol numbers of the protocols a map can draw; anything else is kept as "OTHER". */
export type TObservedProtocol = "TCP" | "UDP" | "ICMP" | "OTHER";

/** ALLOWED: accepted/forwarded; DENIED: rejected/dropped (with the reason when the log gives one). */
export type TObservedVerdict = "ALLOWED" | "DENIED" | "UNKNOWN";

/** One side of a connection as the log names it. Every field is optional: logs differ. */
export type TObservedEndpoint = {
  /** IPv4 or IPv6 address in canonical text form (ipaddr.js `toString()`). */
  address?: string;
  /** DNS name when the log gives one (Hubble's `source_names`/`destination_names`, a CSV column). */
  hostname?: string;
  /** Kubernetes namespace and labels ("key=value" map, `k8s:` prefixes stripped) from Hubble. */
  namespace?: string;
  labels?: Record<string, string>;
  pod?: string;
  service?: string;
  /** The AWS service a VPC flow log names for this end (`pkt-src-aws-service`, e.g. "S3"). */
  awsService?: string;
};

/** One observed connection (or a pre-aggregated row, with its counts), ready to aggregate per day. */
export type TObservedRecord = {
  source: TObservedEndpoint;
  destination: TObservedEndpoint;
  protocol: TObservedProtocol;
  /** Destination port; null for ICMP and when the log has none. */
  destinationPort: number | null;
  /** When the connection started (or the aggregation window began). */
  start: Date;
  /** Connections this record stands for: 1 for a raw log line, the count for a pre-aggregated row. */
  connections: number;
  bytes: number;
  packets: number;
  verdict: TObservedVerdict;
  dropReason?: string;
  /** L7 detail where the log has it (Hubble HTTP). */
  http?: { method?: string; path?: string };
};

/** What a parser yields for each data line: a record, nothing (a header, NODATA, a comment), or a reject. */
export type TParsedLine =
  | { kind: "record"; line: number; record: TObservedRecord }
  | { kind: "skip"; line: number; reason: "header" | "comment" | "no-data" | "skip-data" | "footer" }
  | { kind: "reject"; line: number; reason: string };

/** Thrown within the first lines when a file is plainly not in the format chosen. */
export class WrongFormatError extends Error {
  constructor(
    readonly expected: TFlowLogFormat,
    readonly detail: string,
  ) {
    super(`This does not look like ${expected}: ${detail}`);
    this.name = "WrongFormatError";
  }
}

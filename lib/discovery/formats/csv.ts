import Papa from "papaparse";
import { z } from "zod";
import { WrongFormatError, type TObservedEndpoint, type TObservedProtocol, type TParsedLine } from "../records";
import { record, reject, shown, type TLineParser } from "./parsed";
import { canonicalAddress, countOf, dateOf, dateOfEpoch, portOf, protocolOfText, verdictOfWord } from "./values";

/** A column by its header name (case and surrounding spaces ignored) or by its 0-based position. */
export const ZCsvColumn = z.union([z.string().trim().min(1).max(200), z.number().int().min(0).max(999)]);

const CSV_COLUMN_ROLES = [
  "sourceAddress",
  "sourceHostname",
  "destinationAddress",
  "destinationHostname",
  "destinationPort",
  "protocol",
  "start",
  "bytes",
  "packets",
  "connections",
  "verdict",
  "dropReason",
] as const;
export type TCsvColumnRole = (typeof CSV_COLUMN_ROLES)[number];

/**
 * Which columns of a generic CSV file (NetFlow/IPFIX exports, firewall logs, pre-aggregated query
 * results) hold what. Remembered per source by the import pipeline.
 */
export const ZCsvMapping = z
  .object({
    /** The field delimiter; guessed from the first line when omitted. */
    delimiter: z.enum([",", ";", "\t", "|"]).optional(),
    /** Whether the first non-blank line names the columns (needed to map columns by name). */
    header: z.boolean().default(true),
    columns: z.object({
      sourceAddress: ZCsvColumn.optional(),
      sourceHostname: ZCsvColumn.optional(),
      destinationAddress: ZCsvColumn.optional(),
      destinationHostname: ZCsvColumn.optional(),
      destinationPort: ZCsvColumn.optional(),
      /** A name (tcp, udp, icmp…) or an IANA number. */
      protocol: ZCsvColumn.optional(),
      /** ISO 8601, or epoch seconds/milliseconds (see timestampUnit). */
      start: ZCsvColumn,
      bytes: ZCsvColumn.optional(),
      packets: ZCsvColumn.optional(),
      /** A pre-aggregated row's connection count; each row is one connection without it. */
      connections: ZCsvColumn.optional(),
      /** allow/accept/permit/forwarded… or deny/drop/reject/block…; UNKNOWN without it. */
      verdict: ZCsvColumn.optional(),
      dropReason: ZCsvColumn.optional(),
    }),
    /** The protocol of every row when no column gives it. */
    defaultProtocol: z.enum(["TCP", "UDP", "ICMP", "OTHER"]).default("OTHER"),
    /** How numeric timestamps are read: "auto" takes values ≥ 1e11 as milliseconds. */
    timestampUnit: z.enum(["auto", "s", "ms"]).default("auto"),
  })
  .superRefine((mapping, context) => {
    const { columns } = mapping;
    if (columns.sourceAddress === undefined && columns.sourceHostname === undefined) {
      context.addIssue({
        code: "custom",
        path: ["columns", "sourceAddress"],
        message: "Map a source address or a source hostname column.",
      });
    }
    if (columns.destinationAddress === undefined && columns.destinationHostname === undefined) {
      context.addIssue({
        code: "custom",
        path: ["columns", "destinationAddress"],
        message: "Map a destination address or a destination hostname column.",
      });
    }
    if (!mapping.header) {
      for (const role of CSV_COLUMN_ROLES) {
        if (typeof columns[role] === "string")
          context.addIssue({ code: "custom", path: ["columns", role], message: "Without a header line, columns are given by position." });
      }
    }
  });
export type TCsvMapping = z.infer<typeof ZCsvMapping>;
export type TCsvMappingInput = z.input<typeof ZCsvMapping>;

/** A quoted field may span lines; a record longer than this is rejected rather than buffered on. */
const MAX_RECORD_LENGTH = 64 * 1024;

type TPositions = Partial<Record<TCsvColumnRole, number>>;

function positionsOf(mapping: TCsvMapping, header: readonly string[] | null): TPositions {
  const names = header?.map((name) => name.trim().toLowerCase()) ?? [];
  const positions: TPositions = {};
  const absent: string[] = [];
  for (const role of CSV_COLUMN_ROLES) {
    const column = mapping.columns[role];
    if (column === undefined) continue;
    const position = typeof column === "number" ? column : names.indexOf(column.trim().toLowerCase());
    if (position === -1) absent.push(`"${column}"`);
    else positions[role] = position;
  }
  if (absent.length > 0) {
    const has = (header ?? [])
      .slice(0, 12)
      .map((name) => `"${name}"`)
      .join(", ");
    throw new WrongFormatError("csv", `the header has no column ${absent.join(", ")} (it has ${has})`);
  }
  return positions;
}

function startOf(text: string, unit: TCsvMapping["timestampUnit"]): Date | null {
  if (unit !== "auto" && /^\d+(\.\d+)?$/.test(text.trim())) {
    const number = Number(text.trim());
    return dateOfEpoch(unit === "s" ? number : number / 1000);
  }
  return dateOf(text);
}

function endpointOf(values: (role: TCsvColumnRole) => string | undefined, side: "source" | "destination"): TObservedEndpoint | string {
  const endpoint: TObservedEndpoint = {};
  const addressText = values(`${side}Address`);
  if (addressText !== undefined) {
    const address = canonicalAddress(addressText);
    if (address === null) return `${side} address ${shown(addressText)} is not an IP address`;
    endpoint.address = address;
  }
  const hostname = values(`${side}Hostname`);
  if (hostname !== undefined) endpoint.hostname = hostname.toLowerCase();
  if (endpoint.address === undefined && endpoint.hostname === undefined) return `${side} address is missing`;
  return endpoint;
}

function recordOfRow(row: readonly string[], positions: TPositions, mapping: TCsvMapping, line: number): TParsedLine {
  const values = (role: TCsvColumnRole): string | undefined => {
    const position = positions[role];
    const text = position === undefined ? undefined : row[position]?.trim();
    return text === undefined || text === "" || text === "-" ? undefined : text;
  };
  const widest = Math.max(...Object.values(positions));
  if (row.length <= widest) return reject(line, `expected at least ${widest + 1} columns, found ${row.length}`);

  const source = endpointOf(values, "source");
  if (typeof source === "string") return reject(line, source);
  const destination = endpointOf(values, "destination");
  if (typeof destination === "string") return reject(line, destination);

  const startText = values("start");
  if (startText === undefined) return reject(line, "start time is missing");
  const start = startOf(startText, mapping.timestampUnit);
  if (start === null) return reject(line, `start time ${shown(startText)} is neither ISO 8601 nor epoch seconds/milliseconds`);

  let protocol: TObservedProtocol = mapping.defaultProtocol;
  const protocolText = values("protocol");
  if (protocolText !== undefined) {
    const read = protocolOfText(protocolText);
    if (read === null) return reject(line, `protocol ${shown(protocolText)} is not a protocol`);
    protocol = read;
  }

  let destinationPort: number | null = null;
  const portText = values("destinationPort");
  if (portText !== undefined && protocol !== "ICMP") {
    destinationPort = portOf(portText);
    if (destinationPort === null) return reject(line, `destination port ${shown(portText)} is not a port`);
  }

  const counts = { bytes: 0, packets: 0, connections: 1 };
  for (const role of ["bytes", "packets", "connections"] as const) {
    const text = values(role);
    if (text === undefined) continue;
    const count = countOf(text);
    if (count === null) return reject(line, `${role} ${shown(text)} is not a count`);
    counts[role] = count;
  }

  const verdictText = values("verdict");
  const verdict = verdictText === undefined ? "UNKNOWN" : verdictOfWord(verdictText);
  const dropReason = values("dropReason");
  return record(line, {
    source,
    destination,
    protocol,
    destinationPort,
    start,
    ...counts,
    verdict,
    ...(verdict === "DENIED" && dropReason !== undefined ? { dropReason } : {}),
  });
}

/** A parser for one generic CSV file with its column mapping (an invalid mapping is a WrongFormatError). */
export function csvParser(mappingInput: TCsvMappingInput): TLineParser {
  const parsedMapping = ZCsvMapping.safeParse(mappingInput);
  if (!parsedMapping.success) {
    const issues = parsedMapping.error.issues.map((issue) => `${issue.path.join(".") || "mapping"}: ${issue.message}`).join("; ");
    throw new WrongFormatError("csv", `the column mapping is incomplete or invalid (${issues})`);
  }
  const mapping = parsedMapping.data;
  let delimiter: string | undefined = mapping.delimiter;
  let headerText: string | null = null;
  let positions: TPositions | null = mapping.header ? null : positionsOf(mapping, null);
  let pending: { text: string; line: number } | null = null;

  const parse: TLineParser = (text, line) => {
    const recordText = pending === null ? text : `${pending.text}\n${text}`;
    const recordLine = pending?.line ?? line;
    if (pending === null && text.trim() === "") return { kind: "skip", line, reason: "comment" };
    const result = Papa.parse<string[]>(recordText, { delimiter: delimiter ?? "", header: false, skipEmptyLines: false });
    if (result.errors.some((error) => error.code === "MissingQuotes")) {
      if (recordText.length > MAX_RECORD_LENGTH) {
        pending = null;
        return reject(recordLine, "a quoted field is never closed");
      }
      pending = { text: recordText, line: recordLine };
      return [];
    }
    pending = null;
    delimiter ??= result.meta.delimiter;
    const row = result.data[0] ?? [];
    if (positions === null || recordText === headerText) {
      if (positions === null) {
        headerText = recordText;
        positions = positionsOf(mapping, row);
      }
      return { kind: "skip", line: recordLine, reason: "header" };
    }
    return recordOfRow(row, positions, mapping, recordLine);
  };
  parse.finish = () => (pending === null ? [] : [reject(pending.line, "a quoted field is never closed")]);
  return parse;
}

import { FLOW_LOG_FORMATS, WrongFormatError, type TFlowLogFormat } from "../records";
import { isVpcHeader } from "./vpc";

/** How the formats are named to people (in messages and the import dialog). */
export const FLOW_LOG_FORMAT_LABELS: Record<TFlowLogFormat, string> = {
  vpc: "AWS VPC Flow Logs",
  "zeek-tsv": "Zeek conn.log (TSV)",
  "zeek-json": "Zeek conn.log (JSON lines)",
  hubble: "Hubble flows (hubble observe -o json)",
  csv: "CSV",
  "azure-nsg": "Azure NSG flow logs",
  "gcp-vpc": "GCP VPC flow logs",
};

/** How many of a file's first non-blank lines detection looks at. */
export const DETECTION_LINES = 10;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function jsonObjectOf(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : null;
  } catch {
    return null;
  }
}

function formatOfJsonObject(object: Record<string, unknown>): TFlowLogFormat | null {
  if (Array.isArray(object.records)) return "azure-nsg";
  if (isRecord(object.jsonPayload) && isRecord(object.jsonPayload.connection)) return "gcp-vpc";
  if (isRecord(object.flow) || ("verdict" in object && ("IP" in object || "l4" in object || "Type" in object))) return "hubble";
  if (["node_status", "lost_events", "agent_event", "debug_event"].some((key) => key in object)) return "hubble";
  if ("id.orig_h" in object || "id.resp_h" in object || (isRecord(object.id) && "orig_h" in object.id)) return "zeek-json";
  return null;
}

/** A default-format VPC line: version, account, interface, two addresses, … and a log status. */
const VPC_V2_LINE = /^\d+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \S+ \d+ \d+ (ACCEPT|REJECT|-) (OK|NODATA|SKIPDATA)$/;

/**
 * The format the first lines of a file are plainly in, or null when they do not say. CSV is
 * recognised last and loosely (delimiters on most lines): a CSV import needs a mapping anyway.
 */
export function detectFormat(firstLines: string[]): TFlowLogFormat | null {
  const lines = firstLines
    .map((line) => line.replace(/^\uFEFF/, "").trim())
    .filter((line) => line !== "")
    .slice(0, DETECTION_LINES);
  const first = lines[0];
  if (first === undefined) return null;
  if (/^#(separator|set_separator|empty_field|unset_field|path|open|fields|types)\b/.test(first)) return "zeek-tsv";
  if (first.startsWith("{") || first.startsWith("[")) {
    const object = jsonObjectOf(first);
    if (object !== null) return formatOfJsonObject(object);
    // A JSON document spread over lines (Azure writes one document per blob).
    const head = lines.join("\n");
    if (/^[[{]\s*"records"\s*:/.test(head)) return "azure-nsg";
    return null;
  }
  const tokens = first.split(/\s+/);
  if (isVpcHeader(tokens) || VPC_V2_LINE.test(lines.find((line) => !isVpcHeader(line.split(/\s+/))) ?? "")) return "vpc";
  // Most lines, not all: a quoted CSV field may continue on a line of its own.
  const delimited = lines.filter((line) => /[,;\t|]/.test(line)).length;
  if (delimited * 5 >= lines.length * 4) return "csv";
  return null;
}

/**
 * Refuses a file whose first lines are plainly in another format than the one chosen. Lines that
 * say nothing (detection null) pass: the parser's rejects decide then.
 */
export function assertFormat(expected: TFlowLogFormat, firstLines: string[]): void {
  const detected = detectFormat(firstLines);
  if (detected === null || detected === expected) return;
  // Generic CSV is a fallback: a tab-separated Zeek or VPC file is never taken for it, but CSV
  // detection is too loose to refuse a file chosen as something else on its own.
  if (detected === "csv") return;
  throw new WrongFormatError(
    expected,
    `its first lines look like ${FLOW_LOG_FORMAT_LABELS[detected]}, not ${FLOW_LOG_FORMAT_LABELS[expected]}. Choose that format, or check the file.`,
  );
}

export function isFlowLogFormat(value: string): value is TFlowLogFormat {
  return (FLOW_LOG_FORMATS as readonly string[]).includes(value);
}

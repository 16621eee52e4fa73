import { WrongFormatError, type TFlowLogFormat, type TParsedLine } from "../records";
import { assertFormat, DETECTION_LINES, FLOW_LOG_FORMAT_LABELS } from "./detect";
import { azureNsgParser } from "./azure";
import { csvParser, type TCsvMappingInput } from "./csv";
import { gcpVpcParser } from "./gcp";
import { hubbleParser } from "./hubble";
import type { TLineParser } from "./parsed";
import { vpcParser } from "./vpc";
import { zeekJsonParser, zeekTsvParser } from "./zeek";

export { LineTooLongError, MAX_LINE_LENGTH, readLineBatches, readLines, type TReadLinesOptions } from "./lines";
export { assertFormat, detectFormat, FLOW_LOG_FORMAT_LABELS } from "./detect";
export { ZCsvColumn, ZCsvMapping, type TCsvColumnRole, type TCsvMapping, type TCsvMappingInput } from "./csv";
export { ZEEK_CONN_STATE_VERDICTS } from "./zeek";
export { HUBBLE_VERDICTS, hubbleLabelsOf } from "./hubble";
export { VPC_DEFAULT_FIELDS, VPC_FIELDS, vpcFieldsOf, ZVpcFields } from "./vpc";

export type TParseOptions = {
  /** A custom VPC format chosen in the import dialog, for files without a header line (see ZVpcFields). */
  vpcFields?: string[];
  /** The column mapping of a generic CSV file (validated with ZCsvMapping; required for "csv"). */
  csvMapping?: TCsvMappingInput;
};

/** Detection reads at most this many lines, blank ones included, before parsing starts. */
const MAX_HEAD_LINES = 1000;

/** With this many rejects before the first record, the file is taken to be in another format. */
export const WRONG_FORMAT_REJECTS = 5;

function parserFor(format: TFlowLogFormat, options: TParseOptions): TLineParser {
  switch (format) {
    case "vpc":
      return vpcParser(options.vpcFields);
    case "zeek-tsv":
      return zeekTsvParser();
    case "zeek-json":
      return zeekJsonParser();
    case "hubble":
      return hubbleParser();
    case "csv":
      if (options.csvMapping === undefined) throw new WrongFormatError("csv", "a CSV file needs a column mapping");
      return csvParser(options.csvMapping);
    case "azure-nsg":
      return azureNsgParser();
    case "gcp-vpc":
      return gcpVpcParser();
  }
}

/**
 * Reads a flow log's lines, in the order of the file, into records, skips and rejects (line numbers
 * 1-based over the file's lines). A malformed line is a reject, never an exception; the only
 * exception is WrongFormatError, thrown before any record when the first lines show another format
 * or when the first WRONG_FORMAT_REJECTS data lines (or all of them, in a shorter file) are rejects.
 * Synchronous, fed a batch of lines at a time, so that a million lines cost no million awaits.
 */
export function flowLogParser(format: TFlowLogFormat, options: TParseOptions = {}) {
  const parse = parserFor(format, options);
  const head: string[] = [];
  let headDataLines = 0;
  let asserted = false;
  let lineNumber = 0;
  let recordsSeen = 0;
  const rejectsBeforeFirstRecord: Extract<TParsedLine, { kind: "reject" }>[] = [];
  const checked = (item: TParsedLine, out: TParsedLine[]) => {
    if (item.kind === "record") recordsSeen += 1;
    else if (item.kind === "reject" && recordsSeen === 0) {
      rejectsBeforeFirstRecord.push(item);
      if (rejectsBeforeFirstRecord.length >= WRONG_FORMAT_REJECTS) {
        const [first] = rejectsBeforeFirstRecord;
        throw new WrongFormatError(
          format,
          `none of its first data lines reads as ${FLOW_LOG_FORMAT_LABELS[format]} (line ${first?.line}: ${first?.reason})`,
        );
      }
    }
    out.push(item);
  };
  const parseLines = (lines: readonly string[], out: TParsedLine[]) => {
    for (const text of lines) {
      lineNumber += 1;
      const parsed = parse(text, lineNumber);
      if (!Array.isArray(parsed)) checked(parsed, out);
      else for (const item of parsed) checked(item, out);
    }
  };
  const assertHead = (out: TParsedLine[]) => {
    asserted = true;
    assertFormat(format, head);
    parseLines(head, out);
    head.length = 0;
  };
  return {
    /** What these lines (the next ones of the file) hold. */
    push(lines: readonly string[]): TParsedLine[] {
      const out: TParsedLine[] = [];
      if (asserted) {
        parseLines(lines, out);
        return out;
      }
      let index = 0;
      while (index < lines.length && headDataLines < DETECTION_LINES && head.length < MAX_HEAD_LINES) {
        const text = lines[index]!;
        head.push(text);
        if (text.trim() !== "") headDataLines += 1;
        index += 1;
      }
      if (headDataLines >= DETECTION_LINES || head.length >= MAX_HEAD_LINES) {
        assertHead(out);
        parseLines(index === 0 ? lines : lines.slice(index), out);
      }
      return out;
    },
    /** What the end of the file leaves: lines held for detection, a parser's unfinished record. */
    end(): TParsedLine[] {
      const out: TParsedLine[] = [];
      if (!asserted) assertHead(out);
      if (parse.finish) for (const item of parse.finish(lineNumber)) checked(item, out);
      // A short file none of whose data lines reads is in another format too.
      const [first] = rejectsBeforeFirstRecord;
      if (recordsSeen === 0 && first !== undefined) {
        throw new WrongFormatError(
          format,
          `none of its ${rejectsBeforeFirstRecord.length} data lines reads as ${FLOW_LOG_FORMAT_LABELS[format]} (line ${first.line}: ${first.reason})`,
        );
      }
      return out;
    },
  };
}

/** A flow log's batches of lines (readLineBatches) as batches of parsed lines. */
export async function* parseFlowLogBatches(
  format: TFlowLogFormat,
  batches: AsyncIterable<readonly string[]>,
  options: TParseOptions = {},
): AsyncGenerator<TParsedLine[]> {
  const parser = flowLogParser(format, options);
  for await (const lines of batches) {
    const parsed = parser.push(lines);
    if (parsed.length > 0) yield parsed;
  }
  const rest = parser.end();
  if (rest.length > 0) yield rest;
}

/** The same, a line at a time (see flowLogParser). */
export async function* parseFlowLog(
  format: TFlowLogFormat,
  lines: AsyncIterable<string>,
  options: TParseOptions = {},
): AsyncGenerator<TParsedLine> {
  const parser = flowLogParser(format, options);
  for await (const line of lines) yield* parser.push([line]);
  yield* parser.end();
}

import { WrongFormatError, type TFlowLogFormat, type TParsedLine } from "../records";
import { assertFormat, DETECTION_LINES, FLOW_LOG_FORMAT_LABELS } from "./detect";
import { azureNsgParser } from "./azure";
import { csvParser, type TCsvMappingInput } from "./csv";
import { gcpVpcParser } from "./gcp";
import { hubbleParser } from "./hubble";
import type { TLineParser } from "./parsed";
import { vpcParser } from "./vpc";
import { zeekJsonParser, zeekTsvParser } from "./zeek";

export { LineTooLongError, MAX_LINE_LENGTH, readLines, type TReadLinesOptions } from "./lines";
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
 * Reads a flow log line by line into records, skips and rejects (line numbers 1-based over the
 * file's lines). A malformed line is a reject, never an exception; the only exception is
 * WrongFormatError, thrown before any record when the first lines show another format or when the
 * first WRONG_FORMAT_REJECTS data lines (or all of them, in a shorter file) are rejects.
 */
export async function* parseFlowLog(
  format: TFlowLogFormat,
  lines: AsyncIterable<string>,
  options: TParseOptions = {},
): AsyncGenerator<TParsedLine> {
  const parse = parserFor(format, options);
  const iterator = lines[Symbol.asyncIterator]();
  const head: string[] = [];
  let headDataLines = 0;
  while (headDataLines < DETECTION_LINES && head.length < MAX_HEAD_LINES) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    if (next.value.trim() !== "") headDataLines += 1;
  }
  assertFormat(format, head);

  let lineNumber = 0;
  let recordsSeen = 0;
  const rejectsBeforeFirstRecord: Extract<TParsedLine, { kind: "reject" }>[] = [];
  const checked = (item: TParsedLine): TParsedLine => {
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
    return item;
  };
  for (;;) {
    let text = head[lineNumber];
    if (text === undefined) {
      const next = await iterator.next();
      if (next.done) break;
      text = next.value;
    }
    lineNumber += 1;
    const parsed = parse(text, lineNumber);
    // The common case, one item per line, is yielded without allocating an array.
    if (!Array.isArray(parsed)) yield checked(parsed);
    else for (const item of parsed) yield checked(item);
  }
  if (parse.finish) for (const item of parse.finish(lineNumber)) yield checked(item);
  // A short file none of whose data lines reads is in another format too.
  const [first] = rejectsBeforeFirstRecord;
  if (recordsSeen === 0 && first !== undefined) {
    throw new WrongFormatError(
      format,
      `none of its ${rejectsBeforeFirstRecord.length} data lines reads as ${FLOW_LOG_FORMAT_LABELS[format]} (line ${first.line}: ${first.reason})`,
    );
  }
}

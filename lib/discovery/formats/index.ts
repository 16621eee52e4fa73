import { WrongFormatError, type TFlowLogFormat, type TParsedLine } from "../records";
import { assertFormat, DETECTION_LINES, FLOW_LOG_FORMAT_LABELS } from "./detect";
import type { TLineParser } from "./parsed";
import { vpcParser } from "./vpc";

export { readLines } from "./lines";
export { assertFormat, detectFormat, FLOW_LOG_FORMAT_LABELS } from "./detect";
export { VPC_DEFAULT_FIELDS, VPC_FIELDS, vpcFieldsOf } from "./vpc";

export type TParseOptions = {
  /** A custom VPC format chosen in the import dialog, for files without a header line. */
  vpcFields?: string[];
};

/** With this many rejects before the first record, the file is taken to be in another format. */
export const WRONG_FORMAT_REJECTS = 5;

function parserFor(format: TFlowLogFormat, options: TParseOptions): TLineParser {
  switch (format) {
    case "vpc":
      return vpcParser(options.vpcFields);
    default:
      throw new WrongFormatError(format, `${FLOW_LOG_FORMAT_LABELS[format]} is not read yet`);
  }
}

/**
 * Reads a flow log line by line into records, skips and rejects (line numbers 1-based over the
 * file's lines). A malformed line is a reject, never an exception; the only exception is
 * WrongFormatError, thrown before any record when the first lines show another format or when the
 * first WRONG_FORMAT_REJECTS data lines are all rejects.
 */
export async function* parseFlowLog(format: TFlowLogFormat, lines: AsyncIterable<string>, options: TParseOptions = {}): AsyncGenerator<TParsedLine> {
  const parse = parserFor(format, options);
  const iterator = lines[Symbol.asyncIterator]();
  const head: string[] = [];
  while (head.filter((text) => text.trim() !== "").length < DETECTION_LINES) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
  }
  assertFormat(format, head);

  let lineNumber = 0;
  let recordsSeen = 0;
  let rejectsBeforeFirstRecord: Extract<TParsedLine, { kind: "reject" }>[] = [];
  function* handle(text: string): Generator<TParsedLine> {
    lineNumber += 1;
    const parsed = parse(text, lineNumber);
    for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
      if (item.kind === "record") recordsSeen += 1;
      else if (item.kind === "reject" && recordsSeen === 0) {
        rejectsBeforeFirstRecord.push(item);
        if (rejectsBeforeFirstRecord.length >= WRONG_FORMAT_REJECTS) {
          const [first] = rejectsBeforeFirstRecord;
          throw new WrongFormatError(format, `none of its first data lines reads as ${FLOW_LOG_FORMAT_LABELS[format]} (line ${first?.line}: ${first?.reason})`);
        }
      }
      yield item;
    }
    if (recordsSeen > 0) rejectsBeforeFirstRecord = [];
  }
  for (const text of head) yield* handle(text);
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    yield* handle(next.value);
  }
}

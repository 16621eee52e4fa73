import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { TFlowLogFormat, TObservedRecord, TParsedLine } from "../records";
import { parseFlowLog, readLines, type TParseOptions } from "./index";

/** Test support: a fixture's bytes, and everything a parser yields for some text. */
export function fixture(name: string): Buffer {
  return readFileSync(path.join(import.meta.dirname, "fixtures", name));
}

export async function parsedOf(format: TFlowLogFormat, content: string | Buffer, options?: TParseOptions): Promise<TParsedLine[]> {
  const parsed: TParsedLine[] = [];
  for await (const item of parseFlowLog(format, readLines(Readable.from([Buffer.from(content)])), options)) parsed.push(item);
  return parsed;
}

export function recordsOf(parsed: TParsedLine[]): TObservedRecord[] {
  return parsed.flatMap((item) => (item.kind === "record" ? [item.record] : []));
}

export function rejectsOf(parsed: TParsedLine[]): { line: number; reason: string }[] {
  return parsed.flatMap((item) => (item.kind === "reject" ? [{ line: item.line, reason: item.reason }] : []));
}

export function skipsOf(parsed: TParsedLine[]): { line: number; reason: string }[] {
  return parsed.flatMap((item) => (item.kind === "skip" ? [{ line: item.line, reason: item.reason }] : []));
}

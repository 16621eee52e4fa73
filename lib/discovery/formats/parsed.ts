import type { TObservedRecord, TParsedLine } from "../records";

/**
 * A parser of one format: fed the file's lines in order, it answers what each line holds (several
 * records for a line of a JSON document, none for a line that continues a quoted CSV field).
 * `finish` reports what the end of the file (after its last line) leaves unfinished.
 */
export type TLineParser = ((text: string, line: number) => TParsedLine | TParsedLine[]) & { finish?: (lastLine: number) => TParsedLine[] };

export const record = (line: number, value: TObservedRecord): TParsedLine => ({ kind: "record", line, record: value });
export const reject = (line: number, reason: string): TParsedLine => ({ kind: "reject", line, reason });

/** A value quoted in a reject reason, cut short so that a reason stays one readable line. */
export function shown(value: unknown): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `"${text.slice(0, 57)}…"` : `"${text}"`;
}

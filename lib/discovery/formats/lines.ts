import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { createGunzip } from "node:zlib";

/** The two bytes every gzip member starts with (RFC 1952). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

function isWebStream(input: NodeJS.ReadableStream | ReadableStream<Uint8Array>): input is ReadableStream<Uint8Array> {
  return typeof (input as ReadableStream<Uint8Array>).getReader === "function";
}

function nodeStreamOf(input: NodeJS.ReadableStream | ReadableStream<Uint8Array>): Readable {
  if (isWebStream(input)) return Readable.fromWeb(input as unknown as NodeWebReadableStream<Uint8Array>);
  return input instanceof Readable ? input : new Readable().wrap(input);
}

function bytesOf(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  throw new TypeError("readLines expects a stream of bytes");
}

/** The stream's chunks, gunzipped when it starts with the gzip magic bytes (whatever its name says). */
async function* decompressedChunks(input: NodeJS.ReadableStream | ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const source = nodeStreamOf(input);
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  while (headLength < GZIP_MAGIC.length) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = bytesOf(next.value);
    head.push(chunk);
    headLength += chunk.length;
  }
  const start = Buffer.concat(head);
  const rest = async function* () {
    if (start.length > 0) yield start;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield bytesOf(next.value);
    }
  };
  if (start[0] !== GZIP_MAGIC[0] || start[1] !== GZIP_MAGIC[1]) {
    yield* rest();
    return;
  }
  const gunzip = createGunzip();
  const compressed = Readable.from(rest());
  compressed.on("error", (error) => gunzip.destroy(error));
  compressed.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield bytesOf(chunk);
  } finally {
    compressed.destroy();
  }
}

/** Longer than any flow-log line, short enough to bound memory on a file that has no newlines. */
export const MAX_LINE_LENGTH = 64 * 1024 * 1024;

/** Thrown when a line grows past the limit: such a file is not a line-oriented flow log. */
export class LineTooLongError extends Error {
  constructor(
    readonly line: number,
    readonly limit: number,
  ) {
    super(`Line ${line} is longer than ${limit.toLocaleString("en")} characters: this is not a flow log with one record per line.`);
    this.name = "LineTooLongError";
  }
}

export type TReadLinesOptions = { maxLineLength?: number };

/**
 * The lines of a (possibly gzipped) UTF-8 stream, without their "\n" or "\r\n", a batch per chunk
 * read (one await per chunk rather than per line: the import reads millions of lines), so that only
 * the current chunk's lines are held. A last line without a trailing newline is still a line; the
 * empty string after a final newline is not. A UTF-8 byte order mark is dropped. A line longer than
 * `maxLineLength` (MAX_LINE_LENGTH) characters throws LineTooLongError.
 */
export async function* readLineBatches(
  input: NodeJS.ReadableStream | ReadableStream<Uint8Array>,
  options: TReadLinesOptions = {},
): AsyncGenerator<string[]> {
  const limit = options.maxLineLength ?? MAX_LINE_LENGTH;
  const decoder = new TextDecoder("utf-8");
  let pending = "";
  let lineNumber = 0;
  for await (const chunk of decompressedChunks(input)) {
    pending += decoder.decode(chunk, { stream: true });
    const batch: string[] = [];
    let from = 0;
    for (let newline = pending.indexOf("\n"); newline !== -1; newline = pending.indexOf("\n", from)) {
      const end = newline > from && pending.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      if (end - from > limit) {
        if (batch.length > 0) yield batch;
        throw new LineTooLongError(lineNumber + 1, limit);
      }
      lineNumber += 1;
      batch.push(pending.slice(from, end));
      from = newline + 1;
    }
    pending = pending.slice(from);
    if (batch.length > 0) yield batch;
    if (pending.length > limit) throw new LineTooLongError(lineNumber + 1, limit);
  }
  pending += decoder.decode();
  if (pending.endsWith("\r")) pending = pending.slice(0, -1);
  if (pending !== "") yield [pending];
}

/** The same lines one at a time. */
export async function* readLines(
  input: NodeJS.ReadableStream | ReadableStream<Uint8Array>,
  options: TReadLinesOptions = {},
): AsyncGenerator<string> {
  for await (const batch of readLineBatches(input, options)) yield* batch;
}

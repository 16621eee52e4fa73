import "server-only";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { parseFlowLogBatches, readLineBatches, type TParseOptions } from "./formats";
import { InputStreamError } from "./import";
import type { TFlowLogFormat, TParsedLine } from "./records";

export type TFlowLogSource = { lines: AsyncIterable<TParsedLine[]>; bytesRead: () => number };

/**
 * A file or request body as batches of parsed lines, counting the bytes read as they pass (before any gunzip,
 * so the count matches the size a progress bar knows).
 */
export function flowLogSource(
  format: TFlowLogFormat,
  input: Readable | ReadableStream<Uint8Array>,
  options: TParseOptions = {},
): TFlowLogSource {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.byteLength;
      callback(null, chunk);
    },
  });
  const readable = input instanceof Readable ? input : Readable.fromWeb(input as WebReadableStream<Uint8Array>);
  readable.on("error", (error) => counter.destroy(new InputStreamError(error)));
  readable.pipe(counter);
  return { lines: parseFlowLogBatches(format, readLineBatches(counter), options), bytesRead: () => bytes };
}

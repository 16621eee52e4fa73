import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { LineTooLongError, readLines } from "./lines";

async function linesOf(input: NodeJS.ReadableStream | ReadableStream<Uint8Array>, maxLineLength?: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of readLines(input, { maxLineLength })) lines.push(line);
  return lines;
}

/** The bytes cut into chunks of `size`, so that lines, CRLFs and UTF-8 characters straddle chunks. */
function chunked(bytes: Uint8Array, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(Buffer.from(bytes.subarray(at, at + size)));
  return Readable.from(chunks);
}

const TEXT = "first line\r\nsecond — with a dash\n\nfourth after a blank\r\nlast without newline";
const LINES = ["first line", "second — with a dash", "", "fourth after a blank", "last without newline"];

describe("readLines", () => {
  it("splits LF and CRLF lines and keeps a last line without newline, whatever the chunking", async () => {
    for (const size of [1, 2, 3, 7, 1024]) expect(await linesOf(chunked(Buffer.from(TEXT), size))).toEqual(LINES);
  });

  it("does not invent an empty line after a final newline", async () => {
    expect(await linesOf(Readable.from([Buffer.from("a\nb\n")]))).toEqual(["a", "b"]);
    expect(await linesOf(Readable.from([Buffer.from("a\r\nb\r\n")]))).toEqual(["a", "b"]);
  });

  it("reads an empty stream as no lines", async () => {
    expect(await linesOf(Readable.from([]))).toEqual([]);
  });

  it("gunzips a gzip stream detected by its magic bytes, even one byte at a time", async () => {
    const gzipped = gzipSync(Buffer.from(TEXT));
    for (const size of [1, 5, 4096]) expect(await linesOf(chunked(gzipped, size))).toEqual(LINES);
  });

  it("gunzips concatenated gzip members (files joined with cat)", async () => {
    const joined = Buffer.concat([gzipSync(Buffer.from("a\nb\n")), gzipSync(Buffer.from("c\n"))]);
    expect(await linesOf(chunked(joined, 3))).toEqual(["a", "b", "c"]);
  });

  it("fails, instead of yielding garbage, on a truncated gzip stream", async () => {
    const gzipped = gzipSync(Buffer.from(TEXT.repeat(50)));
    await expect(linesOf(chunked(gzipped.subarray(0, gzipped.length - 20), 16))).rejects.toThrow();
  });

  it("reads a web ReadableStream, as a request body is", async () => {
    const body = new Response(gzipSync(Buffer.from(TEXT))).body;
    if (body === null) throw new Error("no body");
    expect(await linesOf(body)).toEqual(LINES);
  });

  it("drops a UTF-8 byte order mark", async () => {
    expect(await linesOf(Readable.from([Buffer.from("\uFEFFversion srcaddr\n")]))).toEqual(["version srcaddr"]);
  });

  it("refuses a line longer than the limit, with or without newlines after it, naming the line", async () => {
    expect(await linesOf(chunked(Buffer.from("12345\n123456789\n"), 4), 9)).toEqual(["12345", "123456789"]);
    await expect(linesOf(chunked(Buffer.from("12345\n1234567890\n"), 4), 9)).rejects.toThrow(LineTooLongError);
    await expect(linesOf(chunked(Buffer.from("12345\n1234567890123"), 4), 9)).rejects.toThrow("Line 2 is longer than 9 characters");
  });
});

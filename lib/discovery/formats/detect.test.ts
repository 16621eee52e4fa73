import fc from "fast-check";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FLOW_LOG_FORMATS, WrongFormatError, type TFlowLogFormat } from "../records";
import { azureNsgParser } from "./azure";
import { csvParser } from "./csv";
import { gcpVpcParser } from "./gcp";
import { hubbleParser } from "./hubble";
import { detectFormat } from "./index";
import type { TLineParser } from "./parsed";
import { fixture, parsedOf, recordsOf } from "./testing";
import { vpcParser } from "./vpc";
import { zeekJsonParser, zeekTsvParser } from "./zeek";

const FIXTURES: Record<string, TFlowLogFormat> = {
  "vpc-default.log": "vpc",
  "vpc-custom-header.log": "vpc",
  "zeek-conn.log": "zeek-tsv",
  "zeek-conn.json": "zeek-json",
  "hubble-observe.json": "hubble",
  "netflow-export.csv": "csv",
  "warehouse-aggregates.csv": "csv",
  "azure-nsg-v2.json": "azure-nsg",
  "gcp-vpc-flows.json": "gcp-vpc",
};

const firstLinesOf = (name: string) => fixture(name).toString("utf8").split("\n").slice(0, 10);
const ANY_MAPPING = { csvMapping: { header: false, columns: { start: 0, sourceAddress: 1, destinationAddress: 2 } } };

describe("detectFormat", () => {
  for (const [name, format] of Object.entries(FIXTURES)) {
    it(`recognises ${name} as ${format}`, () => {
      expect(detectFormat(firstLinesOf(name))).toBe(format);
    });
  }

  it("says nothing about blank input or prose", () => {
    expect(detectFormat([])).toBeNull();
    expect(detectFormat(["", "  "])).toBeNull();
    expect(detectFormat(["Dear team", "here are the logs you asked for"])).toBeNull();
  });
});

describe("wrong format", () => {
  for (const [name, actual] of Object.entries(FIXTURES)) {
    for (const chosen of FLOW_LOG_FORMATS.filter((format) => format !== actual && format !== "csv")) {
      it(`refuses ${name} chosen as ${chosen}`, async () => {
        await expect(parsedOf(chosen, fixture(name), ANY_MAPPING)).rejects.toThrow(WrongFormatError);
      });
    }
  }

  it("names the format chosen in its message", async () => {
    await expect(parsedOf("gcp-vpc", fixture("hubble-observe.json"))).rejects.toThrow(
      "This does not look like gcp-vpc: its first lines look like Hubble flows (hubble observe -o json), not GCP VPC flow logs.",
    );
  });
});

describe("gzip", () => {
  it("reads a gzipped file as its plain text, for every format", async () => {
    for (const [name, format] of Object.entries(FIXTURES)) {
      if (format === "csv") continue;
      const plain = await parsedOf(format, fixture(name));
      expect(await parsedOf(format, gzipSync(fixture(name)))).toEqual(plain);
      expect(recordsOf(plain).length).toBeGreaterThan(0);
    }
  });
});

const PARSERS: Record<string, () => TLineParser> = {
  vpc: () => vpcParser(),
  "zeek-tsv": zeekTsvParser,
  "zeek-json": zeekJsonParser,
  hubble: hubbleParser,
  csv: () => csvParser(ANY_MAPPING.csvMapping),
  "azure-nsg": azureNsgParser,
  "gcp-vpc": gcpVpcParser,
};

/** Lines of every fixture, to be mutated into near-misses of each format. */
const FIXTURE_LINES = Object.keys(FIXTURES).flatMap((name) => fixture(name).toString("utf8").split("\n"));

const arbitraryLine = fc.oneof(
  fc.string(),
  fc.json(),
  fc.constantFrom(...FIXTURE_LINES),
  fc
    .tuple(fc.constantFrom(...FIXTURE_LINES), fc.nat(), fc.string({ maxLength: 5 }))
    .map(([line, at, insert]) => line.slice(0, at % (line.length + 1)) + insert + line.slice((at % (line.length + 1)) + 1)),
);

describe("bad input never throws from a line parser", () => {
  for (const [format, create] of Object.entries(PARSERS)) {
    it(`${format}: any line gives records, skips or rejects with a line number`, () => {
      fc.assert(
        fc.property(fc.array(arbitraryLine, { maxLength: 30 }), (lines) => {
          const parse = create();
          lines.forEach((text, index) => {
            const parsed = parse(text, index + 1);
            for (const item of Array.isArray(parsed) ? parsed : [parsed]) {
              // A CSV record spanning lines is reported at the line where it starts.
              expect(item.line).toBeGreaterThanOrEqual(1);
              expect(item.line).toBeLessThanOrEqual(index + 1);
              if (item.kind === "reject") expect(item.reason.length).toBeGreaterThan(0);
            }
          });
          parse.finish?.(lines.length);
        }),
        { numRuns: 150 },
      );
    });
  }
});

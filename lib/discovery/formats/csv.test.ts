import { describe, expect, it } from "vitest";
import { WrongFormatError } from "../records";
import { ZCsvMapping, type TCsvMappingInput } from "./csv";
import { fixture, parsedOf, recordsOf, rejectsOf, skipsOf } from "./testing";

const NETFLOW: TCsvMappingInput = {
  columns: {
    start: "first_seen",
    sourceAddress: "src_ip",
    destinationAddress: "dst_ip",
    destinationPort: "dst_port",
    protocol: "proto",
    bytes: "bytes",
    packets: "packets",
    verdict: "action",
    dropReason: "reason",
  },
};

describe("generic CSV, one row per flow", () => {
  it("reads ISO, zone-less, epoch seconds and epoch milliseconds start times", async () => {
    const records = recordsOf(await parsedOf("csv", fixture("netflow-export.csv"), { csvMapping: NETFLOW }));
    expect(records.map((item) => item.start.toISOString())).toEqual([
      "2026-12-06T10:00:00.000Z",
      "2026-12-06T10:00:05.000Z",
      "2026-12-06T10:00:10.000Z",
      "2026-12-06T10:00:15.000Z",
      "2026-12-06T10:00:25.000Z",
    ]);
  });

  it("reads protocols by name or number, verdict words and a quoted drop reason", async () => {
    const records = recordsOf(await parsedOf("csv", fixture("netflow-export.csv"), { csvMapping: NETFLOW }));
    expect(records[0]).toEqual({
      source: { address: "10.50.0.10" },
      destination: { address: "10.50.1.20" },
      protocol: "TCP",
      destinationPort: 443,
      start: new Date("2026-12-06T10:00:00Z"),
      connections: 1,
      bytes: 1500,
      packets: 6,
      verdict: "ALLOWED",
    });
    expect(records[1]).toMatchObject({
      destination: { address: "2001:db8:50::20" },
      protocol: "TCP",
      verdict: "DENIED",
      dropReason: 'rule 42, "no partner access"',
    });
    expect(records[2]).toMatchObject({ protocol: "ICMP", destinationPort: null });
    expect(records[3]).toMatchObject({ protocol: "UDP", verdict: "UNKNOWN" });
  });

  it("skips the header, also when it is repeated, and reads a quoted field spanning lines", async () => {
    const parsed = await parsedOf("csv", fixture("netflow-export.csv"), { csvMapping: NETFLOW });
    expect(skipsOf(parsed)).toEqual([
      { line: 1, reason: "header" },
      { line: 7, reason: "header" },
    ]);
    expect(parsed.find((item) => item.kind === "record" && item.record.source.address === "10.50.0.15")?.line).toBe(8);
  });

  it("rejects a bad port and a short row with their line numbers", async () => {
    expect(rejectsOf(await parsedOf("csv", fixture("netflow-export.csv"), { csvMapping: NETFLOW }))).toEqual([
      { line: 6, reason: 'destination port "https" is not a port' },
      { line: 10, reason: "expected at least 9 columns, found 2" },
    ]);
  });

  it("reports a quoted field never closed at the end of the file", async () => {
    const parsed = await parsedOf(
      "csv",
      'first_seen,src_ip,dst_ip\n2026-12-06T10:00:00Z,10.0.0.1,10.0.0.2\n2026-12-06T10:00:00Z,"10.0.0.1,10.0.0.2\n',
      {
        csvMapping: { columns: { start: "first_seen", sourceAddress: "src_ip", destinationAddress: "dst_ip" } },
      },
    );
    expect(rejectsOf(parsed)).toEqual([{ line: 3, reason: "a quoted field is never closed" }]);
  });

  it("refuses a file whose header lacks a mapped column, naming the columns it has", async () => {
    const text = "time,from,to\n2026-12-06T10:00:00Z,10.0.0.1,10.0.0.2\n";
    await expect(parsedOf("csv", text, { csvMapping: NETFLOW })).rejects.toThrow(WrongFormatError);
    await expect(parsedOf("csv", text, { csvMapping: NETFLOW })).rejects.toThrow(
      /no column "src_ip", "dst_ip", "dst_port", "proto", "first_seen", "bytes", "packets", "action", "reason" \(it has "time", "from", "to"\)/,
    );
  });
});

describe("generic CSV, pre-aggregated rows", () => {
  const AGGREGATES: TCsvMappingInput = {
    delimiter: ";",
    defaultProtocol: "TCP",
    columns: {
      start: "day",
      sourceHostname: "source_host",
      destinationHostname: "destination_host",
      destinationAddress: "destination_ip",
      destinationPort: "port",
      protocol: "protocol",
      connections: "connections",
      bytes: "total_bytes",
      verdict: "verdict",
    },
  };

  it("keeps each row's connection count, hostnames and day", async () => {
    const records = recordsOf(await parsedOf("csv", fixture("warehouse-aggregates.csv"), { csvMapping: AGGREGATES }));
    expect(records).toEqual([
      {
        source: { hostname: "billing-api.prod.example" },
        destination: { address: "10.60.1.5" },
        protocol: "TCP",
        destinationPort: 5432,
        start: new Date("2026-12-01T00:00:00Z"),
        connections: 1840,
        bytes: 9912000,
        packets: 0,
        verdict: "ALLOWED",
      },
      expect.objectContaining({
        source: { hostname: "batch-7.prod.example" },
        destination: { hostname: "ledger.prod.example" },
        connections: 12,
        verdict: "DENIED",
      }),
      expect.objectContaining({ connections: 0, start: new Date("2026-12-02T00:00:00Z") }),
    ]);
  });

  it("reads columns by position in a file without header", async () => {
    const text = "10.0.0.1|10.0.0.2|22|1765000800000|3\n";
    const records = recordsOf(
      await parsedOf("csv", text, {
        csvMapping: {
          delimiter: "|",
          header: false,
          timestampUnit: "ms",
          defaultProtocol: "TCP",
          columns: { sourceAddress: 0, destinationAddress: 1, destinationPort: 2, start: 3, connections: 4 },
        },
      }),
    );
    expect(records).toEqual([
      expect.objectContaining({ start: new Date(1765000800000), connections: 3, protocol: "TCP", destinationPort: 22 }),
    ]);
  });
});

describe("ZCsvMapping", () => {
  it("needs both ends and a start column", () => {
    expect(
      ZCsvMapping.safeParse({ columns: { sourceAddress: "a", destinationAddress: "b" } }).error?.issues.map((issue) =>
        issue.path.join("."),
      ),
    ).toEqual(["columns.start"]);
    const result = ZCsvMapping.safeParse({ columns: { sourceAddress: "a", start: "t" } });
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["columns.destinationAddress"]);
  });

  it("refuses column names without a header line", () => {
    const result = ZCsvMapping.safeParse({ header: false, columns: { sourceAddress: "src", destinationAddress: 1, start: 2 } });
    expect(result.error?.issues[0]?.message).toBe("Without a header line, columns are given by position.");
  });

  it("refuses an invalid stored mapping as a wrong format, naming the fields", async () => {
    await expect(
      parsedOf("csv", "a,b\n", { csvMapping: { columns: { sourceAddress: "a" } } as unknown as TCsvMappingInput }),
    ).rejects.toThrow(/the column mapping is incomplete or invalid \(columns\.start: /);
  });

  it("refuses a CSV import without a mapping", async () => {
    await expect(parsedOf("csv", "a,b\n")).rejects.toThrow(/needs a column mapping/);
  });
});

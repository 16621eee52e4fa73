import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { WrongFormatError, type TObservedRecord } from "../records";
import { fixture, parsedOf, recordsOf, rejectsOf, skipsOf } from "./testing";
import { VPC_FIELDS, ZVpcFields } from "./vpc";

describe("AWS VPC flow logs, default version 2 format", () => {
  it("reads every record of a file without a trailing newline, with line numbers", async () => {
    const parsed = await parsedOf("vpc", fixture("vpc-default.log"));
    expect(parsed).toHaveLength(10);
    expect(parsed.map((item) => item.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const records = recordsOf(parsed);
    expect(records).toHaveLength(6);
    expect(records[0]).toEqual({
      source: { address: "10.20.1.15" },
      destination: { address: "10.20.2.40" },
      protocol: "TCP",
      destinationPort: 5432,
      start: new Date(1765000800 * 1000),
      connections: 1,
      bytes: 3400,
      packets: 12,
      verdict: "ALLOWED",
    } satisfies TObservedRecord);
  });

  it("reads REJECT as denied", async () => {
    const records = recordsOf(await parsedOf("vpc", fixture("vpc-default.log")));
    expect(records[2]).toMatchObject({ source: { address: "198.51.100.7" }, destinationPort: 22, verdict: "DENIED" });
  });

  it("skips NODATA and SKIPDATA records and says which", async () => {
    expect(skipsOf(await parsedOf("vpc", fixture("vpc-default.log")))).toEqual([
      { line: 4, reason: "no-data" },
      { line: 5, reason: "skip-data" },
    ]);
  });

  it("writes IPv6 addresses in their canonical form", async () => {
    const records = recordsOf(await parsedOf("vpc", fixture("vpc-default.log")));
    expect(records[3]).toMatchObject({
      source: { address: "2001:db8:0:1::15" },
      destination: { address: "2001:db8:0:2::40" },
      destinationPort: 443,
    });
  });

  it("gives ICMP no destination port and reads UDP", async () => {
    const records = recordsOf(await parsedOf("vpc", fixture("vpc-default.log")));
    expect(records[4]).toMatchObject({ protocol: "ICMP", destinationPort: null, packets: 4 });
    expect(records[5]).toMatchObject({ protocol: "UDP", destinationPort: 53 });
  });

  it("rejects a bad address and a short line with their line numbers and reasons", async () => {
    expect(rejectsOf(await parsedOf("vpc", fixture("vpc-default.log")))).toEqual([
      { line: 9, reason: 'dstaddr "not-an-address" is not an IP address' },
      { line: 10, reason: "expected 14 space-separated fields (version account-id interface-id srcaddr…), found 10" },
    ]);
  });

  it("reads the same file with CRLF line ends", async () => {
    const crlf = fixture("vpc-default.log").toString("utf8").replaceAll("\n", "\r\n");
    const parsed = await parsedOf("vpc", crlf);
    expect(recordsOf(parsed)).toEqual(recordsOf(await parsedOf("vpc", fixture("vpc-default.log"))));
  });

  it("rejects values that are not numbers where numbers belong", async () => {
    const lines = [
      "2 1 eni-1 10.0.0.1 10.0.0.2 1 70000 6 1 1 1765000800 1765000860 ACCEPT OK",
      "2 1 eni-1 10.0.0.1 10.0.0.2 1 80 tcp 1 1 1765000800 1765000860 ACCEPT OK",
      "2 1 eni-1 10.0.0.1 10.0.0.2 1 80 6 many 1 1765000800 1765000860 ACCEPT OK",
      "2 1 eni-1 10.0.0.1 10.0.0.2 1 80 6 1 1 yesterday 1765000860 ACCEPT OK",
      "2 1 eni-1 10.0.0.1 10.0.0.2 1 80 6 1 1 1765000800 1765000860 ACCEPT OK",
    ].join("\n");
    expect(rejectsOf(await parsedOf("vpc", lines)).map((item) => item.reason)).toEqual([
      'dstport "70000" is not a port',
      'protocol "tcp" is not an IANA protocol number',
      'packets "many" is not a count',
      'start "yesterday" is not a time in epoch seconds',
    ]);
  });
});

describe("AWS VPC flow logs, custom formats", () => {
  it("follows header lines, repeated or changed inside the file", async () => {
    const parsed = await parsedOf("vpc", fixture("vpc-custom-header.log"));
    expect(skipsOf(parsed)).toEqual([
      { line: 1, reason: "header" },
      { line: 4, reason: "header" },
      { line: 6, reason: "no-data" },
      { line: 7, reason: "header" },
    ]);
    expect(rejectsOf(parsed)).toEqual([]);
    const records = recordsOf(parsed);
    expect(records).toHaveLength(4);
    expect(records[3]).toMatchObject({
      source: { address: "10.30.4.21" },
      destination: { address: "10.30.9.1" },
      destinationPort: 25,
      bytes: 0,
      packets: 0,
    });
  });

  it("prefers pkt-srcaddr/pkt-dstaddr, and falls back to srcaddr/dstaddr when they are '-'", async () => {
    const records = recordsOf(await parsedOf("vpc", fixture("vpc-custom-header.log")));
    expect(records[0]).toMatchObject({
      source: { address: "203.0.113.50" },
      destination: { address: "10.30.4.21" },
      destinationPort: 443,
      bytes: 9000,
      packets: 15,
    });
    expect(records[1]).toMatchObject({
      source: { address: "10.30.4.21" },
      destination: { address: "10.30.0.8" },
      destinationPort: 8080,
      verdict: "DENIED",
    });
    expect(records[1]?.dropReason).toBeUndefined();
  });

  it("keeps reject-reason as the drop reason of a REJECT", async () => {
    const records = recordsOf(await parsedOf("vpc", fixture("vpc-custom-header.log")));
    expect(records[2]).toMatchObject({ verdict: "DENIED", dropReason: "BPA" });
  });

  it("reads a file without header in the format chosen in the dialog, ${field} or plain", async () => {
    const line = "10.1.1.1 10.1.1.2 8443 6 1765000800 ACCEPT S3 -";
    for (const vpcFields of [
      ["srcaddr", "dstaddr", "dstport", "protocol", "start", "action", "pkt-src-aws-service", "pkt-dst-aws-service"],
      [
        "${srcaddr}",
        "${dstaddr}",
        "${dstport}",
        "${protocol}",
        "${start}",
        "${action}",
        "${pkt-src-aws-service}",
        "${pkt-dst-aws-service}",
      ],
    ]) {
      const records = recordsOf(await parsedOf("vpc", line, { vpcFields }));
      expect(records).toEqual([
        {
          source: { address: "10.1.1.1", awsService: "S3" },
          destination: { address: "10.1.1.2" },
          protocol: "TCP",
          destinationPort: 8443,
          start: new Date(1765000800 * 1000),
          connections: 1,
          bytes: 0,
          packets: 0,
          verdict: "ALLOWED",
        },
      ]);
    }
  });

  it("suggests choosing a custom format when lines are longer than the default one", async () => {
    const line = "5 vpc-1 subnet-1 eni-1 10.0.0.1 10.0.0.1 10.0.0.2 10.0.0.2 443 50000 6 1 1 1765000800 1765000860 ACCEPT OK ingress - -";
    await expect(parsedOf("vpc", line)).rejects.toThrow("found 20 (a custom format? Choose its fields when importing)");
  });

  it("rejects a header that cannot locate both ends", async () => {
    const parsed = await parsedOf(
      "vpc",
      "version srcaddr start\n2 10.0.0.1 1765000800\n2 1 eni-1 10.0.0.1 10.0.0.2 1 80 6 1 1 1765000800 1765000860 ACCEPT OK\n",
    );
    expect(rejectsOf(parsed)[0]).toEqual({ line: 1, reason: "the header names no dstaddr field" });
  });
});

describe("ZVpcFields", () => {
  it("accepts documented fields, plain or ${field}, and normalises them", () => {
    expect(ZVpcFields.parse(["${srcaddr}", "DSTADDR", "start"])).toEqual(["srcaddr", "dstaddr", "start"]);
  });

  it("refuses unknown and repeated fields and a format that cannot locate both ends", () => {
    const messages = ZVpcFields.safeParse(["srcaddr", "srcaddr", "source-port", "start"]).error?.issues.map((issue) => issue.message);
    expect(messages).toEqual(['"srcaddr" is listed twice.', '"source-port" is not a VPC flow log field.', "The format needs dstaddr."]);
  });
});

describe("AWS VPC flow logs, wrong format", () => {
  it("refuses a Zeek file named as VPC, naming both formats", async () => {
    const zeek = "#separator \\x09\n#fields\tts\tuid\n";
    await expect(parsedOf("vpc", zeek)).rejects.toThrow(WrongFormatError);
    await expect(parsedOf("vpc", zeek)).rejects.toThrow(/Zeek conn\.log \(TSV\), not AWS VPC Flow Logs/);
  });

  it("refuses a short file none of whose lines reads", async () => {
    await expect(parsedOf("vpc", "2 1 eni-1 10.0.0.1 10.0.0.2 1 80 6 1 1 yesterday 1765000860 ACCEPT OK\n")).rejects.toThrow(
      'This does not look like vpc: none of its 1 data lines reads as AWS VPC Flow Logs (line 1: start "yesterday" is not a time in epoch seconds)',
    );
  });

  it("refuses a file whose first data lines are all rejects", async () => {
    const text = Array.from({ length: 8 }, (_, index) => `line ${index} of some prose`).join("\n");
    await expect(parsedOf("vpc", text)).rejects.toThrow(/none of its first data lines reads as AWS VPC Flow Logs \(line 1: expected 14/);
  });
});

/** Fields that may be printed with a placeholder value without changing the record. */
const INERT_FIELDS = VPC_FIELDS.filter(
  (field) =>
    ![
      "srcaddr",
      "dstaddr",
      "start",
      "end",
      "pkt-srcaddr",
      "pkt-dstaddr",
      "log-status",
      "dstport",
      "protocol",
      "packets",
      "bytes",
      "action",
    ].includes(field),
);
const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join("."));
const ipv6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }).map((parts) => parts.map((part) => part.toString(16)).join(":"));

const generatedFlow = fc
  .record({
    source: fc.oneof(ipv4, ipv6),
    destination: fc.oneof(ipv4, ipv6),
    protocolNumber: fc.constantFrom(6, 17, 1, 58, 47),
    port: fc.nat(65535),
    start: fc.integer({ min: 946684800, max: 4102444800 }),
    packets: fc.nat(),
    bytes: fc.maxSafeNat(),
    action: fc.constantFrom("ACCEPT", "REJECT", "-"),
    extra: fc.subarray(INERT_FIELDS),
  })
  .chain((flow) => {
    const values: Record<string, string> = {
      srcaddr: flow.source,
      dstaddr: flow.destination,
      dstport: String(flow.port),
      protocol: String(flow.protocolNumber),
      start: String(flow.start),
      packets: String(flow.packets),
      bytes: String(flow.bytes),
      action: flow.action,
    };
    for (const field of flow.extra) values[field] = field.startsWith("pkt-") || field === "reject-reason" ? "-" : "x-1";
    const fields = Object.keys(values);
    return fc.shuffledSubarray(fields, { minLength: fields.length, maxLength: fields.length }).map((order) => ({ flow, values, order }));
  });

const PROTOCOLS: Record<number, TObservedRecord["protocol"]> = { 6: "TCP", 17: "UDP", 1: "ICMP", 58: "ICMP", 47: "OTHER" };
const VERDICTS: Record<string, TObservedRecord["verdict"]> = { ACCEPT: "ALLOWED", REJECT: "DENIED", "-": "UNKNOWN" };

describe("AWS VPC flow logs, property", () => {
  it("any record printed in any field order, with any extra fields, parses back to the same record", async () => {
    await fc.assert(
      fc.asyncProperty(generatedFlow, async ({ flow, values, order }) => {
        const text = `${order.join(" ")}\n${order.map((field) => values[field]).join(" ")}`;
        const protocol = PROTOCOLS[flow.protocolNumber];
        expect(recordsOf(await parsedOf("vpc", text))).toEqual([
          {
            source: { address: ipaddr.parse(flow.source).toString() },
            destination: { address: ipaddr.parse(flow.destination).toString() },
            protocol,
            destinationPort: protocol === "ICMP" ? null : flow.port,
            start: new Date(flow.start * 1000),
            connections: 1,
            bytes: flow.bytes,
            packets: flow.packets,
            verdict: VERDICTS[flow.action],
          },
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

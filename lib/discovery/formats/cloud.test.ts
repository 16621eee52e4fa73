import { describe, expect, it } from "vitest";
import { WrongFormatError } from "../records";
import { fixture, parsedOf, recordsOf, rejectsOf } from "./testing";

describe("Azure NSG flow logs", () => {
  it("streams the records of a multi-line document, summing both directions' counts", async () => {
    const parsed = await parsedOf("azure-nsg", fixture("azure-nsg-v2.json"));
    const records = recordsOf(parsed);
    expect(records).toHaveLength(5);
    expect(records[0]).toEqual({
      source: { address: "198.51.100.20" },
      destination: { address: "10.70.0.4" },
      protocol: "TCP",
      destinationPort: 443,
      start: new Date(1796551200 * 1000),
      connections: 1,
      bytes: 0,
      packets: 0,
      verdict: "ALLOWED",
    });
    expect(records[1]).toMatchObject({ connections: 0, packets: 58, bytes: 40200 });
    expect(records[2]).toMatchObject({ connections: 0, packets: 3, bytes: 180 });
  });

  it("reads D as denied with the rule as drop reason, and UDP", async () => {
    const records = recordsOf(await parsedOf("azure-nsg", fixture("azure-nsg-v2.json")));
    expect(records[3]).toMatchObject({
      verdict: "DENIED",
      dropReason: "DefaultRule_DenyAllInBound",
      destinationPort: 3389,
      connections: 1,
    });
    expect(records[4]).toMatchObject({ protocol: "UDP", destinationPort: 53, bytes: 192, packets: 2 });
  });

  it("gives each tuple the line on which its record ends, and rejects a bad tuple saying where", async () => {
    const parsed = await parsedOf("azure-nsg", fixture("azure-nsg-v2.json"));
    expect(parsed.filter((item) => item.kind === "record").map((item) => item.line)).toEqual([40, 40, 40, 40, 59]);
    expect(rejectsOf(parsed)).toEqual([
      { line: 40, reason: 'record 1, rule DefaultRule_DenyAllInBound, tuple 2: decision "Q" is neither A nor D' },
    ]);
  });

  it("reads the same document written on one line, and version 1 tuples", async () => {
    const oneLine = JSON.stringify(JSON.parse(fixture("azure-nsg-v2.json").toString()));
    expect(recordsOf(await parsedOf("azure-nsg", oneLine))).toEqual(recordsOf(await parsedOf("azure-nsg", fixture("azure-nsg-v2.json"))));
    const v1 = JSON.stringify({
      records: [
        { properties: { Version: 1, flows: [{ rule: "r", flows: [{ flowTuples: ["1796551200,10.0.0.4,10.0.0.5,40000,22,T,O,A"] }] }] } },
      ],
    });
    expect(recordsOf(await parsedOf("azure-nsg", v1))).toEqual([
      expect.objectContaining({ connections: 1, destinationPort: 22, verdict: "ALLOWED" }),
    ]);
  });

  it("reports a truncated document and broken JSON without throwing", async () => {
    const text = fixture("azure-nsg-v2.json").toString();
    const truncated = text.slice(0, text.indexOf('"time": "2026-12-06T10:01:35'));
    const parsed = await parsedOf("azure-nsg", truncated);
    expect(recordsOf(parsed)).toHaveLength(4);
    expect(rejectsOf(parsed).at(-1)?.reason).toMatch(/^the document ends before its closing brackets/);
    const broken = await parsedOf(
      "azure-nsg",
      text.replace('"category": "NetworkSecurityGroupFlowEvent",\n      "operationName"', '"category": oops'),
    );
    expect(recordsOf(broken)).toHaveLength(4);
    expect(rejectsOf(broken).at(-1)?.reason).toMatch(/^invalid JSON, the rest of the document is not read/);
  });

  it("refuses GCP flow logs chosen as Azure", async () => {
    await expect(parsedOf("azure-nsg", fixture("gcp-vpc-flows.json"))).rejects.toThrow(WrongFormatError);
  });
});

describe("GCP VPC flow logs", () => {
  it("reads a log entry with string counts and VM names", async () => {
    const [first] = recordsOf(await parsedOf("gcp-vpc", fixture("gcp-vpc-flows.json")));
    expect(first).toEqual({
      source: { address: "10.80.0.5", hostname: "billing-vm-1" },
      destination: { address: "10.80.1.7", hostname: "ledger-db-0" },
      protocol: "TCP",
      destinationPort: 5432,
      start: new Date("2026-12-06T10:00:00.123Z"),
      connections: 1,
      bytes: 48210,
      packets: 64,
      verdict: "ALLOWED",
    });
  });

  it("reads GKE pod, namespace and service, IPv6, UDP and ICMP", async () => {
    const records = recordsOf(await parsedOf("gcp-vpc", fixture("gcp-vpc-flows.json")));
    expect(records[1]).toMatchObject({
      source: { namespace: "shop", pod: "checkout-5d8f7-abcde", service: "checkout" },
      destination: { address: "fd20:a::9" },
      protocol: "UDP",
    });
    expect(records[2]).toMatchObject({ protocol: "ICMP", destinationPort: null, bytes: 84 });
  });

  it("rejects a bad count and an entry without connection", async () => {
    expect(rejectsOf(await parsedOf("gcp-vpc", fixture("gcp-vpc-flows.json")))).toEqual([
      { line: 4, reason: 'bytes_sent "lots" is not a count' },
      { line: 5, reason: "no jsonPayload.connection" },
    ]);
  });
});

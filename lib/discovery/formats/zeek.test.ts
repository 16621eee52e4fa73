import { describe, expect, it } from "vitest";
import { WrongFormatError } from "../records";
import { fixture, parsedOf, recordsOf, rejectsOf, skipsOf } from "./testing";

describe("Zeek conn.log, TSV", () => {
  it("reads the header block, the records and the #close footer", async () => {
    const parsed = await parsedOf("zeek-tsv", fixture("zeek-conn.log"));
    expect(skipsOf(parsed).filter((skip) => skip.reason === "footer")).toEqual([{ line: 15, reason: "footer" }]);
    expect(
      skipsOf(parsed)
        .filter((skip) => skip.reason === "header")
        .map((skip) => skip.line),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 18, 19, 20, 21, 22, 23]);
    expect(recordsOf(parsed)).toHaveLength(6);
  });

  it("reads an established connection, with IP-level byte counts summed over both directions", async () => {
    const [first] = recordsOf(await parsedOf("zeek-tsv", fixture("zeek-conn.log")));
    expect(first).toEqual({
      source: { address: "10.40.0.5" },
      destination: { address: "10.40.1.20" },
      protocol: "TCP",
      destinationPort: 443,
      start: new Date(1765000800123.456),
      connections: 1,
      bytes: 1824 + 5920,
      packets: 22,
      verdict: "ALLOWED",
    });
  });

  it("maps REJ to denied and S0 to unknown", async () => {
    const records = recordsOf(await parsedOf("zeek-tsv", fixture("zeek-conn.log")));
    expect(records[1]).toMatchObject({ verdict: "DENIED", dropReason: "REJ", destinationPort: 5432 });
    expect(records[2]).toMatchObject({ verdict: "UNKNOWN", destinationPort: 22, bytes: 120, packets: 2 });
    expect(records[2]?.dropReason).toBeUndefined();
  });

  it("reads UDP over IPv6, ICMP without a destination port, '(empty)' sets and '-' values", async () => {
    const records = recordsOf(await parsedOf("zeek-tsv", fixture("zeek-conn.log")));
    expect(records[3]).toMatchObject({
      source: { address: "2001:db8:40::6" },
      destination: { address: "2001:db8:40::53" },
      protocol: "UDP",
      destinationPort: 53,
      bytes: 256,
    });
    expect(records[4]).toMatchObject({ protocol: "ICMP", destinationPort: null, verdict: "UNKNOWN" });
  });

  it("follows a second header block with other fields after a #close", async () => {
    const records = recordsOf(await parsedOf("zeek-tsv", fixture("zeek-conn.log")));
    expect(records[5]).toMatchObject({ source: { address: "10.40.0.8" }, destinationPort: 8080, bytes: 0, packets: 5, verdict: "ALLOWED" });
  });

  it("rejects a bad address and a short line with line numbers", async () => {
    expect(rejectsOf(await parsedOf("zeek-tsv", fixture("zeek-conn.log")))).toEqual([
      { line: 14, reason: 'id.orig_h "10.40.0.300" is not an IP address' },
      { line: 25, reason: "expected 10 tab-separated fields, found 3" },
    ]);
  });

  it("reads payload byte counts when the IP-level ones are not logged", async () => {
    const text =
      "#separator \\x09\n#fields\tts\tid.orig_h\tid.resp_h\tid.resp_p\tproto\torig_bytes\tresp_bytes\tconn_state\n1765000800\t10.0.0.1\t10.0.0.2\t80\ttcp\t10\t-\tSF\n";
    expect(recordsOf(await parsedOf("zeek-tsv", text))[0]).toMatchObject({ bytes: 10, packets: 0 });
  });

  it("rejects records before any #fields line", async () => {
    const text =
      "1765000800\t10.0.0.1\t10.0.0.2\n#separator \\x09\n#fields\tts\tid.orig_h\tid.resp_h\tproto\n1765000800\t10.0.0.1\t10.0.0.2\tudp\n";
    expect(rejectsOf(await parsedOf("zeek-tsv", text))).toEqual([{ line: 1, reason: "no #fields header line before this record" }]);
  });

  it("refuses a VPC file chosen as Zeek", async () => {
    await expect(parsedOf("zeek-tsv", fixture("vpc-custom-header.log"))).rejects.toThrow(WrongFormatError);
  });
});

describe("Zeek conn.log, JSON lines", () => {
  it("reads epoch and ISO timestamps, flat and nested id keys, and missing optional keys", async () => {
    const parsed = await parsedOf("zeek-json", fixture("zeek-conn.json"));
    const records = recordsOf(parsed);
    expect(records).toHaveLength(5);
    expect(records[0]).toMatchObject({
      source: { address: "10.40.0.5" },
      destinationPort: 443,
      bytes: 7744,
      packets: 22,
      verdict: "ALLOWED",
      start: new Date(1765000800123.456),
    });
    expect(records[1]).toMatchObject({ start: new Date("2026-12-06T10:00:01.000Z"), verdict: "DENIED", bytes: 100 });
    expect(records[2]).toMatchObject({ bytes: 0, packets: 0, verdict: "UNKNOWN" });
    expect(records[3]).toMatchObject({
      source: { address: "2001:db8:40::6" },
      destination: { address: "2001:db8:40::53" },
      protocol: "UDP",
      destinationPort: 53,
      bytes: 160,
    });
    expect(records[4]).toMatchObject({ protocol: "ICMP", destinationPort: null });
  });

  it("rejects an entry without proto and a line that is not JSON", async () => {
    const rejects = rejectsOf(await parsedOf("zeek-json", fixture("zeek-conn.json")));
    expect(rejects[0]).toEqual({ line: 6, reason: "proto is missing" });
    expect(rejects[1]?.line).toBe(7);
    expect(rejects[1]?.reason).toMatch(/^not JSON: /);
  });

  it("refuses a Hubble file chosen as Zeek JSON", async () => {
    const hubble = '{"flow":{"time":"2026-12-06T10:00:00Z","verdict":"FORWARDED"},"node_name":"n1"}\n';
    await expect(parsedOf("zeek-json", hubble)).rejects.toThrow(/looks? like Hubble flows/);
  });
});

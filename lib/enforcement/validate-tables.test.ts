import { describe, expect, it } from "vitest";
import { generatePolicy } from "./generate";
import { PAYMENTS_SURFACE } from "./test-fixtures";
import { validateAwsPermissions, validateFirewallCsv } from "./validate-tables";

const permission = (over: object) =>
  JSON.stringify([{ IpProtocol: "tcp", FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "ok" }], ...over }]);

describe("the AWS IpPermissions files, checked by a JSON Schema", () => {
  it("accepts every file Concord generates", () => {
    const files = generatePolicy(PAYMENTS_SURFACE, "aws").files.filter((file) => file.path.endsWith(".json"));
    expect(files.length).toBeGreaterThan(0);
    expect(validateAwsPermissions(files.map((file) => file.content))).toEqual([]);
  });

  it("names what breaks AWS's documented shape: protocol, ports, CIDR family, description characters, unknown fields", () => {
    const reasons = (text: string) => validateAwsPermissions([text]).map((problem) => problem.path);
    expect(reasons(permission({ IpProtocol: "sctp" }))).toContain("/0/IpProtocol");
    expect(reasons(permission({ FromPort: 70000 }))).toContain("/0/FromPort");
    expect(validateAwsPermissions([permission({ FromPort: undefined })]).map((problem) => problem.reason)).toContain(
      "must have required property 'FromPort'",
    );
    expect(reasons(permission({ IpRanges: [{ CidrIp: "2001:db8::/32" }] }))).toContain("/0/IpRanges/0/CidrIp");
    expect(reasons(permission({ IpRanges: [{ CidrIp: "10.0.0.0/8", Description: "naïve <script>" }] }))).toContain(
      "/0/IpRanges/0/Description",
    );
    expect(reasons(permission({ Extra: 1 }))).toEqual(["/0"]);
    expect(validateAwsPermissions(["{"])[0]).toMatchObject({ document: 0, path: "/", reason: expect.stringContaining("is not JSON") });
    expect(validateAwsPermissions([permission({}), permission({ IpProtocol: "-1", FromPort: undefined, ToPort: undefined })])).toEqual([]);
  });
});

describe("the firewall CSV, parsed with papaparse and checked row by row by a JSON Schema", () => {
  const csv = generatePolicy(PAYMENTS_SURFACE, "firewall").files[0]!.content;

  it("accepts the table Concord generates", () => {
    expect(validateFirewallCsv(csv)).toEqual([]);
  });

  it("names a wrong header, a row with a missing column, a bad action and an allow row without its flow", () => {
    const [header, first, ...rest] = csv.trimEnd().split("\n");
    expect(validateFirewallCsv([header!.replace("ports", "port"), first].join("\n")).map((problem) => problem.path)).toContain("/header");
    expect(validateFirewallCsv([header, first!.split(",").slice(0, -1).join(",")].join("\n")).length).toBeGreaterThan(0);
    expect(validateFirewallCsv([header, first!.replace(",allow,", ",permit,")].join("\n")).map((problem) => problem.path)).toContain(
      "/rows/0/action",
    );
    const noFlow = first!.replace(/00000000-0000-4000-8000-000000000101/, "");
    expect(validateFirewallCsv([header, noFlow].join("\n")).map((problem) => problem.path)).toContain("/rows/0/flow_id");
    expect(rest.length).toBeGreaterThan(0);
  });
});

/**
 * The two targets no platform publishes a schema for, checked like the others by a schema rather
 * than by hand: the AWS IpPermissions JSON against a JSON Schema written from the EC2 API reference
 * (./schemas/aws-ip-permissions.json), and the firewall table by parsing the CSV file itself with
 * papaparse (header, column count, quoting) and each row against ./schemas/firewall-row.json.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import ipaddr from "ipaddr.js";
import Papa from "papaparse";
import awsSchema from "./schemas/aws-ip-permissions.json" with { type: "json" };
import firewallRowSchema from "./schemas/firewall-row.json" with { type: "json" };
import { FIREWALL_COLUMNS } from "./targets/firewall";
import type { TSchemaProblem } from "./validate";

let compiled: { aws: ValidateFunction; firewallRow: ValidateFunction } | null = null;

function validators() {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat("ipv4-cidr", { type: "string", validate: (value: string) => cidrKind(value) === "ipv4" });
  ajv.addFormat("ipv6-cidr", { type: "string", validate: (value: string) => cidrKind(value) === "ipv6" });
  compiled = { aws: ajv.compile(awsSchema), firewallRow: ajv.compile(firewallRowSchema) };
  return compiled;
}

function cidrKind(value: string): "ipv4" | "ipv6" | null {
  try {
    return ipaddr.parseCIDR(value)[0].kind();
  } catch {
    return null;
  }
}

const problemsOf = (document: number, errors: ErrorObject[] | null | undefined, prefix = ""): TSchemaProblem[] =>
  (errors ?? []).map((error) => ({ document, path: `${prefix}${error.instancePath}` || "/", reason: error.message ?? "is invalid" }));

/** Problems of each security group's `--ip-permissions` file, in the order given. */
export function validateAwsPermissions(files: readonly string[]): TSchemaProblem[] {
  const validate = validators().aws;
  return files.flatMap((text, index) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return [{ document: index, path: "/", reason: `is not JSON: ${(error as Error).message}` }];
    }
    return validate(value) ? [] : problemsOf(index, validate.errors);
  });
}

/** Problems of the firewall CSV: its header, each row's shape as papaparse reads it, and each row's values. */
export function validateFirewallCsv(text: string): TSchemaProblem[] {
  const parsed = Papa.parse<Record<string, string>>(text.trimEnd(), { header: true, skipEmptyLines: false });
  const problems: TSchemaProblem[] = parsed.errors.map((error) => ({
    document: 0,
    path: `/rows/${error.row ?? 0}`,
    reason: error.message,
  }));
  const header = parsed.meta.fields ?? [];
  if (header.join(",") !== FIREWALL_COLUMNS.join(","))
    problems.push({ document: 0, path: "/header", reason: `must be ${FIREWALL_COLUMNS.join(",")}` });
  const validate = validators().firewallRow;
  parsed.data.forEach((row, index) => {
    // A cell a spreadsheet would run as a formula is written with a leading quote: read it back as its text.
    const values = Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, typeof value === "string" ? value.replace(/^'(?=[=+\-@\t\r])/, "") : value]),
    );
    if (!validate(values)) problems.push(...problemsOf(0, validate.errors, `/rows/${index}`));
  });
  return problems;
}

import { describe, expect, it } from "vitest";
import { findingsOf, formatFindings, isBlocking } from "./scan-report";

const report = {
  vulnerabilities: {
    "Content Security Policy Configuration": [{ method: "GET", path: "/", info: 'CSP attribute "script-src" is missing', level: 1 }],
    "Cross Site Scripting": [
      { method: "GET", path: "/surfaces", parameter: "q", info: "XSS vulnerability found via injection in the parameter q", level: "3" },
    ],
    "SQL Injection": [],
  },
  anomalies: { "Internal Server Error": [{ method: "POST", path: "/api/v1/x", parameter: "name", info: "500", level: 2 }] },
};

describe("wapiti's report", () => {
  it("lists vulnerabilities and anomalies, worst first", () => {
    const findings = findingsOf(report);
    expect(findings.map((finding) => [finding.severity, finding.category])).toEqual([
      ["high", "Cross Site Scripting"],
      ["medium", "Internal Server Error"],
      ["low", "Content Security Policy Configuration"],
    ]);
  });

  it("blocks on medium and worse only", () => {
    expect(findingsOf(report).map(isBlocking)).toEqual([true, true, false]);
  });

  it("prints each finding with its place", () => {
    const text = formatFindings(findingsOf(report));
    expect(text).toContain("HIGH     Cross Site Scripting — GET /surfaces [q]");
    expect(text).toContain("anomaly: Internal Server Error — POST /api/v1/x [name]");
    expect(formatFindings([])).toBe("No findings.");
  });
});

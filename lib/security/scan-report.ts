/** Wapiti's severities (its JSON report gives them as numbers 0-4). */
export const SEVERITIES = ["info", "low", "medium", "high", "critical"] as const;
export type TSeverity = (typeof SEVERITIES)[number];

export type TFinding = {
  kind: "vulnerability" | "anomaly";
  category: string;
  severity: TSeverity;
  method: string;
  path: string;
  parameter: string;
  info: string;
};

type TEntry = { method?: string; path?: string; parameter?: string; info?: string; level?: number | string };
type TReport = { vulnerabilities?: Record<string, TEntry[]>; anomalies?: Record<string, TEntry[]> };

function severity(level: TEntry["level"]): TSeverity {
  const index = Math.min(Math.max(Number(level ?? 0) || 0, 0), SEVERITIES.length - 1);
  return SEVERITIES[index]!;
}

/** Every vulnerability and anomaly (server errors, timeouts) of a wapiti JSON report, worst first. */
export function findingsOf(report: TReport): TFinding[] {
  const collect = (kind: TFinding["kind"], groups: TReport["vulnerabilities"]) =>
    Object.entries(groups ?? {}).flatMap(([category, entries]) =>
      entries.map((entry) => ({
        kind,
        category,
        severity: severity(entry.level),
        method: entry.method ?? "GET",
        path: entry.path ?? "",
        parameter: entry.parameter ?? "",
        info: (entry.info ?? "").replace(/\s+/g, " ").trim(),
      })),
    );
  return [...collect("vulnerability", report.vulnerabilities), ...collect("anomaly", report.anomalies)].sort(
    (a, b) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || a.category.localeCompare(b.category),
  );
}

/** Medium and worse fail the scan. */
export function isBlocking(finding: TFinding): boolean {
  return SEVERITIES.indexOf(finding.severity) >= SEVERITIES.indexOf("medium");
}

export function formatFindings(findings: TFinding[]): string {
  if (findings.length === 0) return "No findings.";
  return findings
    .map(
      (finding) =>
        `${finding.severity.toUpperCase().padEnd(8)} ${finding.kind === "anomaly" ? "anomaly: " : ""}${finding.category} — ${finding.method} ${finding.path}${finding.parameter ? ` [${finding.parameter}]` : ""}\n         ${finding.info}`,
    )
    .join("\n");
}

import Papa from "papaparse";
import type { TDashboard } from "./service";

/** Every figure of the dashboard as one flat table: section, key, name, value, unit, target, detail. */
export function dashboardToCsv(dashboard: TDashboard): string {
  const rows: Array<Record<string, string | number | null>> = [];
  for (const pillar of dashboard.assessment?.pillars ?? []) {
    rows.push({
      section: "maturity",
      key: pillar.pillarKey,
      name: pillar.pillarLabel,
      value: pillar.current,
      unit: "stage (0 Traditional – 3 Optimal)",
      target: pillar.target,
      meets_target: null,
      detail: `previous ${pillar.previous ?? "—"}; agreed ${pillar.agreed}/${pillar.total}; disputed ${pillar.disputed}`,
    });
  }
  for (const metric of [...dashboard.indicators, ...dashboard.kpis]) {
    rows.push({
      section: metric.source,
      key: metric.key,
      name: metric.name,
      value: metric.value,
      unit: metric.unit,
      target: metric.target,
      meets_target: metric.meetsTarget === null ? null : String(metric.meetsTarget),
      detail: Object.entries(metric.detail)
        .map(([name, value]) => `${name}=${value ?? ""}`)
        .join("; "),
    });
  }
  for (const objective of dashboard.objectives) {
    rows.push({
      section: "objective",
      key: objective.id,
      name: objective.title,
      value: objective.progress,
      unit: "progress (0–1)",
      target: 1,
      meets_target: null,
      detail: `${objective.netopsLead.name} & ${objective.secopsLead.name}`,
    });
    for (const kr of objective.keyResults) {
      rows.push({
        section: "key_result",
        key: kr.metricKey,
        name: kr.title,
        value: kr.current,
        unit: "",
        target: kr.target,
        meets_target: null,
        detail: `baseline=${kr.baseline}; progress=${kr.progress ?? ""}`,
      });
    }
  }
  return Papa.unparse(rows, {
    columns: ["section", "key", "name", "value", "unit", "target", "meets_target", "detail"],
    escapeFormulae: true,
  });
}

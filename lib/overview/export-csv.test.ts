import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { dashboardToCsv } from "./export-csv";
import type { TDashboard } from "./service";

const empty: TDashboard = {
  generatedAt: "2026-01-01T00:00:00.000Z",
  assessment: null,
  draftAssessment: null,
  indicators: [],
  kpis: [],
  objectives: [],
  attention: { disputed: [], overdue: [], stalledCab: [], policyDrift: [] },
  counts: { surfaces: 0, flows: 0, openChanges: 0, inCab: 0 },
};

describe("dashboard CSV", () => {
  it("has a header even with no data", () => {
    expect(dashboardToCsv(empty).trim()).toBe("section,key,name,value,unit,target,meets_target,detail");
  });

  it("writes one row per metric, quoting commas and neutralising spreadsheet formulas", () => {
    const csv = dashboardToCsv({
      ...empty,
      indicators: [
        {
          key: "a",
          source: "indicator",
          name: "Flows, explicit",
          unit: "%",
          direction: "HIGHER_IS_BETTER",
          target: 90,
          formula: "f",
          ztmm: [],
          value: 50,
          display: "50%",
          targetDisplay: "≥ 90%",
          yearAgoDisplay: "—",
          meetsTarget: false,
          detail: { explicit: 1, implicit: 1 },
          trend: [],
          headline: true,
        },
      ],
      kpis: [
        {
          key: "k",
          source: "kpi",
          name: "=HYPERLINK(1)",
          unit: "h",
          direction: "LOWER_IS_BETTER",
          target: null,
          formula: "",
          ztmm: [],
          value: null,
          display: "—",
          targetDisplay: null,
          yearAgoDisplay: "—",
          meetsTarget: null,
          detail: {},
          trend: [],
          headline: true,
        },
      ],
    });
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(2);
    expect(parsed[0]!).toMatchObject({
      section: "indicator",
      name: "Flows, explicit",
      value: "50",
      target: "90",
      meets_target: "false",
      detail: "explicit=1; implicit=1",
    });
    expect(parsed[1]?.name?.startsWith("'")).toBe(true);
  });
});

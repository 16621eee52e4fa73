import { describe, expect, it } from "vitest";
import { pdfText, renderDashboardPdf } from "./report-pdf";
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

describe("the PDF report", () => {
  it("spells symbols the built-in font lacks in ASCII", () => {
    expect(pdfText("≥ 90% · a → b − c ≤ 3 — d")).toBe(">= 90% · a -> b - c <= 3 - d");
  });

  it("renders an empty program as a valid PDF", async () => {
    const pdf = await renderDashboardPdf(empty);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

import { describe, expect, it } from "vitest";
import { BUILT_IN_CATALOGS, ZCatalogDefinition, assessableItems, type TStage } from "./catalog";
import {
  agreedStage,
  chartedAndDraft,
  compareAssessments,
  isTargetOverdue,
  scoreStatus,
  summarizePillars,
  type TScoreInput,
} from "./rules";

const ztmm = BUILT_IN_CATALOGS[0]!;
const items = assessableItems(ztmm);

function score(
  functionKey: string,
  netopsStage: TStage | null,
  secopsStage: TStage | null,
  target: Partial<TScoreInput> = {},
): TScoreInput {
  return { functionKey, netopsStage, secopsStage, targetStage: null, targetDate: null, ...target };
}

describe("the CISA ZTMM v2.0 catalog", () => {
  it("has the five pillars with exactly the v2.0 functions", () => {
    expect(ztmm.pillars.map((pillar) => [pillar.label, pillar.functions.map((fn) => fn.label)])).toEqual([
      ["Identity", ["Authentication", "Identity Stores", "Risk Assessments", "Access Management"]],
      [
        "Devices",
        [
          "Policy Enforcement & Compliance Monitoring",
          "Asset & Supply Chain Risk Management",
          "Resource Access",
          "Device Threat Protection",
        ],
      ],
      ["Networks", ["Network Segmentation", "Network Traffic Management", "Traffic Encryption", "Network Resilience"]],
      [
        "Applications & Workloads",
        [
          "Application Access",
          "Application Threat Protections",
          "Accessible Applications",
          "Secure Application Development & Deployment Workflow",
          "Application Security Testing",
        ],
      ],
      ["Data", ["Data Inventory Management", "Data Categorization", "Data Availability", "Data Access", "Data Encryption"]],
    ]);
  });

  it("has the four stages in order and the three cross-cutting capabilities", () => {
    expect(ztmm.stages.map((stage) => stage.label)).toEqual(["Traditional", "Initial", "Advanced", "Optimal"]);
    expect(ztmm.crossCutting.map((capability) => capability.label)).toEqual([
      "Visibility & Analytics",
      "Automation & Orchestration",
      "Governance",
    ]);
  });

  it("scores every function, the capabilities per pillar and program-wide, with unique keys", () => {
    expect(items.filter((item) => item.kind === "function")).toHaveLength(22);
    expect(items.filter((item) => item.kind === "capability")).toHaveLength(5 * 3 + 3);
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    expect(items.map((item) => item.key)).toContain("networks.traffic-encryption");
    expect(items.map((item) => item.key)).toContain("cross-cutting.governance");
  });

  it("rejects a malformed catalog document", () => {
    expect(ZCatalogDefinition.safeParse({ ...ztmm, pillars: [] }).success).toBe(false);
    expect(ZCatalogDefinition.safeParse({ ...ztmm, stages: [{ key: "GREAT", label: "Great", description: "" }] }).success).toBe(false);
  });
});

describe("joint scoring", () => {
  it("is unscored, awaiting one team, disputed or agreed", () => {
    expect(scoreStatus(undefined)).toBe("unscored");
    expect(scoreStatus(score("a", null, null))).toBe("unscored");
    expect(scoreStatus(score("a", "INITIAL", null))).toBe("awaiting_secops");
    expect(scoreStatus(score("a", null, "INITIAL"))).toBe("awaiting_netops");
    expect(scoreStatus(score("a", "INITIAL", "ADVANCED"))).toBe("disputed");
    expect(scoreStatus(score("a", "ADVANCED", "ADVANCED"))).toBe("agreed");
  });

  it("gives a current stage only when both agree", () => {
    expect(agreedStage(score("a", "INITIAL", "ADVANCED"))).toBeNull();
    expect(agreedStage(score("a", "OPTIMAL", "OPTIMAL"))).toBe("OPTIMAL");
  });

  it("flags a target as overdue only after its date and below its stage", () => {
    const today = "2026-06-01";
    expect(isTargetOverdue(score("a", "INITIAL", "INITIAL", { targetStage: "ADVANCED", targetDate: "2026-05-31" }), today)).toBe(true);
    expect(isTargetOverdue(score("a", "INITIAL", "INITIAL", { targetStage: "ADVANCED", targetDate: "2026-06-01" }), today)).toBe(false);
    expect(isTargetOverdue(score("a", "ADVANCED", "ADVANCED", { targetStage: "ADVANCED", targetDate: "2026-01-01" }), today)).toBe(false);
    expect(isTargetOverdue(score("a", "ADVANCED", "OPTIMAL", { targetStage: "ADVANCED", targetDate: "2026-01-01" }), today)).toBe(true);
    expect(isTargetOverdue(score("a", "INITIAL", "INITIAL"), today)).toBe(false);
  });
});

describe("pillar summaries", () => {
  it("reports nothing scored for an empty assessment", () => {
    const summary = summarizePillars(items, []);
    expect(summary.map((pillar) => pillar.pillarLabel)).toEqual([
      "Identity",
      "Devices",
      "Networks",
      "Applications & Workloads",
      "Data",
      "Cross-cutting (program-wide)",
    ]);
    expect(summary.every((pillar) => pillar.current === null && pillar.target === null && pillar.agreed === 0)).toBe(true);
  });

  it("averages agreed stages and targets and counts disputes", () => {
    const networks = summarizePillars(items, [
      score("networks.network-segmentation", "ADVANCED", "ADVANCED", { targetStage: "OPTIMAL" }),
      score("networks.traffic-encryption", "INITIAL", "INITIAL", { targetStage: "ADVANCED" }),
      score("networks.network-resilience", "INITIAL", "TRADITIONAL"),
    ]).find((pillar) => pillar.pillarKey === "networks")!;
    expect(networks).toMatchObject({ current: 1.5, target: 2.5, agreed: 2, disputed: 1, total: 7 });
  });
});

describe("comparing assessments", () => {
  it("shows stages gained and lost, and null where either side is not agreed", () => {
    const changes = compareAssessments(
      items,
      [
        score("identity.authentication", "INITIAL", "INITIAL"),
        score("data.data-access", "ADVANCED", "ADVANCED"),
        score("data.data-encryption", "INITIAL", "ADVANCED"),
      ],
      [
        score("identity.authentication", "ADVANCED", "ADVANCED"),
        score("data.data-access", "INITIAL", "INITIAL"),
        score("data.data-encryption", "ADVANCED", "ADVANCED"),
      ],
    );
    const byKey = Object.fromEntries(changes.map((change) => [change.functionKey, change.delta]));
    expect(byKey["identity.authentication"]).toBe(1);
    expect(byKey["data.data-access"]).toBe(-1);
    expect(byKey["data.data-encryption"]).toBeNull();
    expect(byKey["devices.resource-access"]).toBeNull();
  });
});

describe("the assessment the dashboard charts", () => {
  const progress = (id: string, agreed: number, pillarsWithAgreed: number, pillars = 6) => ({ id, agreed, pillarsWithAgreed, pillars });

  it("charts the newest assessment scored in every pillar and shows a newer unscored one as the draft", () => {
    expect(chartedAndDraft([progress("new", 0, 0), progress("done", 30, 6), progress("old", 40, 6)])).toEqual({
      charted: "done",
      draft: "new",
    });
  });

  it("keeps a partly scored newest assessment as the draft while an older one covers every pillar", () => {
    expect(chartedAndDraft([progress("partly", 3, 2), progress("done", 30, 6)])).toEqual({ charted: "done", draft: "partly" });
  });

  it("falls back to the newest assessment with any agreed score when none covers every pillar", () => {
    expect(chartedAndDraft([progress("empty", 0, 0), progress("partly", 3, 2), progress("older", 1, 1)])).toEqual({
      charted: "partly",
      draft: "empty",
    });
  });

  it("has no draft when the newest is the one charted, and charts nothing before any agreed score", () => {
    expect(chartedAndDraft([progress("done", 30, 6)])).toEqual({ charted: "done", draft: null });
    expect(chartedAndDraft([progress("empty", 0, 0)])).toEqual({ charted: null, draft: "empty" });
    expect(chartedAndDraft([])).toEqual({ charted: null, draft: null });
  });
});

import type { ChangeTrack } from "@/lib/db";
import type { TChangeRecord, TProgramRecords } from "./records";
import { surfacesDrifting } from "./drift";
import { hoursBetween, median, percentile, round1, share } from "./stats";
import { formatFigure } from "./format";
import { labelOf } from "@/lib/ui/labels";

export type TIndicatorUnit = "%" | "count" | "hours";
export type TDirection = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
export type TRecordEntity = "surface" | "flow" | "change";

/** One record behind a figure: `counted` marks the numerator among the population shown. */
export type TIndicatorRow = { entity: TRecordEntity; id: string; counted: boolean; note?: string };

export type TIndicatorValue = {
  value: number | null;
  /** Parts of the figure (numerator, denominator, per-track values) for tooltips, CSV and snapshots. */
  detail: Record<string, number | null>;
  rows: TIndicatorRow[];
};

export type TIndicatorDefinition = {
  key: string;
  name: string;
  unit: TIndicatorUnit;
  direction: TDirection;
  target: number | null;
  /** Shown on hover: exactly what is counted. */
  formula: string;
  /** Catalog item keys (see lib/maturity/catalog.ts) this indicator is evidence for. */
  ztmmFunctions: string[];
  /** The dashboard's headline row; the rest appear in the full indicator table. */
  headline: boolean;
  compute: (records: TProgramRecords) => TIndicatorValue;
};

const TRACKS: ChangeTrack[] = ["PRE_APPROVED", "CAB", "EMERGENCY"];
const SENSITIVE = new Set(["CONFIDENTIAL", "RESTRICTED"]);

export function surfacesAgreed({ surfaces }: TProgramRecords): TIndicatorValue {
  const agreed = surfaces.filter((surface) => surface.status === "AGREED").length;
  return {
    value: share(agreed, surfaces.length),
    detail: { agreed, total: surfaces.length },
    rows: surfaces.map((surface) => ({
      entity: "surface",
      id: surface.id,
      counted: surface.status === "AGREED",
      note: labelOf(surface.status),
    })),
  };
}

export function surfacesMapped({ surfaces }: TProgramRecords): TIndicatorValue {
  const mapped = surfaces.filter((surface) => surface.hasFlowMap).length;
  return {
    value: share(mapped, surfaces.length),
    detail: { mapped, total: surfaces.length },
    rows: surfaces.map((surface) => ({
      entity: "surface",
      id: surface.id,
      counted: surface.hasFlowMap,
      note: surface.hasFlowMap ? "Mapped" : "No flow map",
    })),
  };
}

export function flowsExplicit({ flows }: TProgramRecords): TIndicatorValue {
  const population = flows.filter((flow) => flow.status === "APPROVED" || flow.status === "OBSERVED");
  const explicit = population.filter((flow) => flow.status === "APPROVED").length;
  return {
    value: share(explicit, population.length),
    detail: { explicit, implicit: population.length - explicit },
    rows: population.map((flow) => ({ entity: "flow", id: flow.id, counted: flow.status === "APPROVED", note: labelOf(flow.status) })),
  };
}

export function flowsUnencryptedIntoSensitive({ flows }: TProgramRecords): TIndicatorValue {
  const matching = flows.filter(
    (flow) => flow.encryption === "NONE" && flow.status !== "DENIED" && SENSITIVE.has(flow.surfaceClassification),
  );
  return {
    value: matching.length,
    detail: {
      restricted: matching.filter((flow) => flow.surfaceClassification === "RESTRICTED").length,
      confidential: matching.filter((flow) => flow.surfaceClassification === "CONFIDENTIAL").length,
    },
    rows: matching.map((flow) => ({ entity: "flow", id: flow.id, counted: true, note: labelOf(flow.surfaceClassification) })),
  };
}

export function flowsApprovedWithoutJustification({ flows }: TProgramRecords): TIndicatorValue {
  const approved = flows.filter((flow) => flow.status === "APPROVED");
  const missing = approved.filter((flow) => flow.justification.trim() === "");
  return {
    value: missing.length,
    detail: { approved: approved.length, withoutJustification: missing.length },
    rows: missing.map((flow) => ({ entity: "flow", id: flow.id, counted: true })),
  };
}

export function flowsDeniedAcrossZones({ flows }: TProgramRecords): TIndicatorValue {
  const denied = flows.filter((flow) => flow.status === "DENIED");
  const crossing = denied.filter((flow) => flow.sourceZoneId !== flow.targetZoneId);
  return {
    value: crossing.length,
    detail: { denied: denied.length, crossingZone: crossing.length },
    rows: crossing.map((flow) => ({ entity: "flow", id: flow.id, counted: true })),
  };
}

function leadTimes(changes: TChangeRecord[]): Array<{ change: TChangeRecord; hours: number }> {
  return changes
    .filter((change) => change.submittedAt && change.implementedAt)
    .map((change) => ({ change, hours: hoursBetween(change.submittedAt!, change.implementedAt!) }));
}

function leadTime(records: TProgramRecords, p: 50 | 90): TIndicatorValue {
  const all = leadTimes(records.changes);
  const pick = (values: number[]) => round1(p === 50 ? median(values) : percentile(values, 90));
  const detail: Record<string, number | null> = { changes: all.length };
  for (const track of TRACKS) {
    const hours = all.filter((entry) => entry.change.track === track).map((entry) => entry.hours);
    detail[`${track}.median`] = round1(median(hours));
    detail[`${track}.p90`] = round1(percentile(hours, 90));
    detail[`${track}.changes`] = hours.length;
  }
  return {
    value: pick(all.map((entry) => entry.hours)),
    detail,
    rows: all.map((entry) => ({
      entity: "change",
      id: entry.change.id,
      counted: true,
      note: `${entry.change.track ? labelOf(entry.change.track) : "No track"} · ${formatFigure(round1(entry.hours), "hours")}`,
    })),
  };
}

export const changeLeadTimeMedian = (records: TProgramRecords) => leadTime(records, 50);
export const changeLeadTimeP90 = (records: TProgramRecords) => leadTime(records, 90);

function trackShare(records: TProgramRecords, track: ChangeTrack): TIndicatorValue {
  const tracked = records.changes.filter((change) => change.track !== null);
  const onTrack = tracked.filter((change) => change.track === track).length;
  return {
    value: share(onTrack, tracked.length),
    detail: { [track]: onTrack, tracked: tracked.length },
    rows: tracked.map((change) => ({
      entity: "change",
      id: change.id,
      counted: change.track === track,
      note: change.track ? labelOf(change.track) : undefined,
    })),
  };
}

export const changesPreApproved = (records: TProgramRecords) => trackShare(records, "PRE_APPROVED");
export const changesEmergency = (records: TProgramRecords) => trackShare(records, "EMERGENCY");

/** Hours from a change's first entry into CAB_REVIEW to the first APPROVED or REJECTED after it. */
export function cabDecisionLatency({ transitions }: TProgramRecords): TIndicatorValue {
  const byChange = new Map<string, typeof transitions>();
  for (const transition of transitions) byChange.set(transition.changeId, [...(byChange.get(transition.changeId) ?? []), transition]);
  const latencies: Array<{ changeId: string; hours: number }> = [];
  for (const [changeId, list] of byChange) {
    const ordered = [...list].sort((a, b) => a.at.getTime() - b.at.getTime());
    const entered = ordered.find((transition) => transition.to === "CAB_REVIEW");
    if (!entered) continue;
    const decided = ordered.find(
      (transition) =>
        transition.at >= entered.at && transition.from === "CAB_REVIEW" && (transition.to === "APPROVED" || transition.to === "REJECTED"),
    );
    if (decided) latencies.push({ changeId, hours: hoursBetween(entered.at, decided.at) });
  }
  const hours = latencies.map((entry) => entry.hours);
  return {
    value: round1(median(hours)),
    detail: { decisions: hours.length, p90: round1(percentile(hours, 90)) },
    rows: latencies.map((entry) => ({
      entity: "change",
      id: entry.changeId,
      counted: true,
      note: formatFigure(round1(entry.hours), "hours"),
    })),
  };
}

export function changeFailureRate({ changes }: TProgramRecords): TIndicatorValue {
  const implemented = changes.filter((change) => change.implementedAt !== null);
  const rolledBack = implemented.filter((change) => change.rolledBackAt !== null).length;
  return {
    value: share(rolledBack, implemented.length),
    detail: { rolledBack, implemented: implemented.length },
    rows: implemented.map((change) => ({
      entity: "change",
      id: change.id,
      counted: change.rolledBackAt !== null,
      note: change.rolledBackAt ? "Rolled back" : "Held",
    })),
  };
}

/**
 * Joint decisions: a surface version signed off by both teams, a change approved by both teams.
 * The population is every surface version with at least one active sign-off and every change with
 * at least one active approving vote.
 */
export function jointDecisions({ signOffs, approvals }: TProgramRecords): TIndicatorValue {
  const surfaceTeams = new Map<string, { surfaceId: string; teams: Set<string> }>();
  for (const signOff of signOffs.filter((entry) => entry.active)) {
    const key = `${signOff.surfaceId}@${signOff.version}`;
    const entry = surfaceTeams.get(key) ?? { surfaceId: signOff.surfaceId, teams: new Set<string>() };
    entry.teams.add(signOff.team);
    surfaceTeams.set(key, entry);
  }
  const changeTeams = new Map<string, Set<string>>();
  for (const approval of approvals.filter((entry) => entry.active && entry.decision === "APPROVE")) {
    changeTeams.set(approval.changeId, (changeTeams.get(approval.changeId) ?? new Set()).add(approval.team));
  }
  const isJoint = (teams: Set<string>) => teams.has("NETOPS") && teams.has("SECOPS");
  const rows: TIndicatorRow[] = [
    ...[...surfaceTeams.entries()].map(([key, entry]) => ({
      entity: "surface" as const,
      id: entry.surfaceId,
      counted: isJoint(entry.teams),
      note: `v${key.split("@")[1]} · ${[...entry.teams].sort().map(labelOf).join(" + ")}`,
    })),
    ...[...changeTeams.entries()].map(([changeId, teams]) => ({
      entity: "change" as const,
      id: changeId,
      counted: isJoint(teams),
      note: [...teams].sort().map(labelOf).join(" + "),
    })),
  ];
  const joint = rows.filter((row) => row.counted).length;
  return {
    value: share(joint, rows.length),
    detail: {
      jointSignOffs: rows.filter((row) => row.entity === "surface" && row.counted).length,
      signedVersions: surfaceTeams.size,
      jointApprovals: rows.filter((row) => row.entity === "change" && row.counted).length,
      approvedChanges: changeTeams.size,
    },
    rows,
  };
}

/** Observed connections into each surface that an APPROVED flow covers: how much of the real traffic is explicitly trusted. */
export function observedCoveredByApproved({ observed = [] }: TProgramRecords): TIndicatorValue {
  const observedConnections = observed.reduce((sum, surface) => sum + surface.observedConnections, 0);
  const approvedConnections = observed.reduce((sum, surface) => sum + surface.approvedConnections, 0);
  return {
    value: round1(share(approvedConnections, observedConnections)),
    detail: { approvedConnections, observedConnections },
    rows: observed.map((surface) => ({
      entity: "surface",
      id: surface.surfaceId,
      counted: surface.observedConnections > 0 && surface.approvedConnections === surface.observedConnections,
      note: `${surface.approvedConnections} of ${surface.observedConnections} connections`,
    })),
  };
}

export function observedUndrawn({ observed = [] }: TProgramRecords): TIndicatorValue {
  const undrawn = observed.reduce((sum, surface) => sum + surface.undrawnFlows, 0);
  return {
    value: undrawn,
    detail: { undrawn, surfaces: observed.length },
    rows: observed.map((surface) => ({
      entity: "surface",
      id: surface.surfaceId,
      counted: surface.undrawnFlows > 0,
      note: `${surface.undrawnFlows} observed, not drawn`,
    })),
  };
}

export function drawnNeverObserved({ observed = [] }: TProgramRecords): TIndicatorValue {
  const ids = observed.flatMap((surface) => surface.neverObservedFlowIds);
  return {
    value: ids.length,
    detail: { neverObserved: ids.length, surfaces: observed.length },
    rows: ids.map((id) => ({ entity: "flow", id, counted: true, note: "Drawn, never observed" })),
  };
}

export const INDICATORS: TIndicatorDefinition[] = [
  {
    key: "surfaces.agreed_share",
    name: "Protect surfaces agreed",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: 100,
    headline: true,
    formula: "Protect surfaces agreed by both teams ÷ all protect surfaces × 100",
    ztmmFunctions: ["cross-cutting.governance", "data.data-inventory-management"],
    compute: surfacesAgreed,
  },
  {
    key: "surfaces.mapped_share",
    name: "Protect surfaces with a flow map",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: 100,
    headline: false,
    formula: "Protect surfaces that have a flow map ÷ all protect surfaces × 100",
    ztmmFunctions: ["networks.cc.visibility-and-analytics", "cross-cutting.visibility-and-analytics"],
    compute: surfacesMapped,
  },
  {
    key: "flows.explicit_share",
    name: "Flows explicitly trusted",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: 90,
    headline: true,
    formula: "Approved flows ÷ (approved flows + observed flows) × 100 — explicit against implicit trust",
    ztmmFunctions: ["networks.network-segmentation", "networks.network-traffic-management"],
    compute: flowsExplicit,
  },
  {
    key: "flows.unencrypted_sensitive",
    name: "Unencrypted flows into Confidential/Restricted surfaces",
    unit: "count",
    direction: "LOWER_IS_BETTER",
    target: 0,
    headline: true,
    formula: "Flows (not denied) without encryption on the flow map of a protect surface classified Confidential or Restricted",
    ztmmFunctions: ["networks.traffic-encryption", "data.data-encryption"],
    compute: flowsUnencryptedIntoSensitive,
  },
  {
    key: "flows.approved_unjustified",
    name: "Approved flows without a justification",
    unit: "count",
    direction: "LOWER_IS_BETTER",
    target: 0,
    headline: false,
    formula: "Approved flows whose justification is empty",
    ztmmFunctions: ["cross-cutting.governance", "networks.cc.governance"],
    compute: flowsApprovedWithoutJustification,
  },
  {
    key: "flows.denied_cross_zone",
    name: "Denied flows crossing a zone",
    unit: "count",
    direction: "HIGHER_IS_BETTER",
    target: null,
    headline: false,
    formula: "Denied flows whose source and target sit in different zones (or only one of them in a zone)",
    ztmmFunctions: ["networks.network-segmentation"],
    compute: flowsDeniedAcrossZones,
  },
  {
    key: "changes.lead_time_median",
    name: "Change lead time (median)",
    unit: "hours",
    direction: "LOWER_IS_BETTER",
    target: 72,
    headline: true,
    formula: "Median of (implemented at − submitted at) in hours over changes that were implemented; per track in the detail",
    ztmmFunctions: ["networks.cc.automation-and-orchestration", "cross-cutting.automation-and-orchestration"],
    compute: changeLeadTimeMedian,
  },
  {
    key: "changes.lead_time_p90",
    name: "Change lead time (90th percentile)",
    unit: "hours",
    direction: "LOWER_IS_BETTER",
    target: 240,
    headline: false,
    formula: "90th percentile (nearest rank) of (implemented at − submitted at) in hours over implemented changes; per track in the detail",
    ztmmFunctions: ["cross-cutting.automation-and-orchestration"],
    compute: changeLeadTimeP90,
  },
  {
    key: "changes.preapproved_share",
    name: "Changes pre-approved",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: 60,
    headline: true,
    formula: "Changes on the pre-approved track ÷ changes with a track × 100",
    ztmmFunctions: ["cross-cutting.automation-and-orchestration", "cross-cutting.governance"],
    compute: changesPreApproved,
  },
  {
    key: "cab.decision_latency",
    name: "CAB decision latency (median)",
    unit: "hours",
    direction: "LOWER_IS_BETTER",
    target: 48,
    headline: false,
    formula: "Median hours from a change entering CAB review to its first move from CAB review to approved or rejected",
    ztmmFunctions: ["cross-cutting.governance"],
    compute: cabDecisionLatency,
  },
  {
    key: "changes.failure_rate",
    name: "Change failure rate",
    unit: "%",
    direction: "LOWER_IS_BETTER",
    target: 5,
    headline: true,
    formula: "Implemented changes later rolled back ÷ changes implemented × 100",
    ztmmFunctions: ["networks.network-resilience"],
    compute: changeFailureRate,
  },
  {
    key: "changes.emergency_share",
    name: "Emergency changes",
    unit: "%",
    direction: "LOWER_IS_BETTER",
    target: 5,
    headline: false,
    formula: "Changes on the emergency track ÷ changes with a track × 100",
    ztmmFunctions: ["cross-cutting.governance"],
    compute: changesEmergency,
  },
  {
    key: "joint.decision_share",
    name: "Decisions made jointly by both teams",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: 100,
    headline: true,
    formula:
      "(Surface versions signed off by NetOps and SecOps + changes approved by NetOps and SecOps) ÷ (surface versions with any active sign-off + changes with any active approval) × 100",
    ztmmFunctions: ["cross-cutting.governance"],
    compute: jointDecisions,
  },
  {
    key: "discovery.observed_covered_share",
    name: "Observed traffic covered by approved flows",
    unit: "%",
    direction: "HIGHER_IS_BETTER",
    target: 95,
    headline: false,
    formula:
      "Observed connections (imported flow logs, retention window) between nodes of a surface's map that an approved flow covers ÷ all observed connections of the surfaces with observations × 100",
    ztmmFunctions: ["networks.cc.visibility-and-analytics", "networks.network-segmentation"],
    compute: observedCoveredByApproved,
  },
  {
    key: "discovery.observed_undrawn",
    name: "Observed flows not on the map",
    unit: "count",
    direction: "LOWER_IS_BETTER",
    target: 0,
    headline: false,
    formula: "Ghost edges: allowed observed traffic between two nodes of a map (per protocol and port) that no drawn flow covers",
    ztmmFunctions: ["networks.cc.visibility-and-analytics"],
    compute: observedUndrawn,
  },
  {
    key: "discovery.drawn_never_observed",
    name: "Drawn flows never observed",
    unit: "count",
    direction: "LOWER_IS_BETTER",
    target: null,
    headline: false,
    formula: "Flows (not denied) on the maps of surfaces with observed traffic that no observation in the retention window matches",
    ztmmFunctions: ["networks.cc.visibility-and-analytics", "cross-cutting.governance"],
    compute: drawnNeverObserved,
  },
  {
    key: "policy.surfaces_drifting",
    name: "Surfaces whose deployed policy drifts",
    unit: "count",
    direction: "LOWER_IS_BETTER",
    target: 0,
    headline: false,
    formula:
      "Protect surfaces whose newest drift check on any target (deployed policy uploaded or POSTed) found access allowed but not approved, approved but not enforced, or a protected workload no policy selects",
    ztmmFunctions: ["networks.network-segmentation", "cross-cutting.governance"],
    compute: surfacesDrifting,
  },
];

export function findIndicator(key: string): TIndicatorDefinition | undefined {
  return INDICATORS.find((indicator) => indicator.key === key);
}

/** An indicator's value as every screen and the PDF write it (the one formatter, `./format`). */
export function formatIndicatorValue(value: number | null, unit: TIndicatorUnit): string {
  return formatFigure(value, unit);
}

/** Whether a value meets its target, given which direction is good; null without a target or value. */
export function meetsTarget(value: number | null, target: number | null, direction: TDirection): boolean | null {
  if (value === null || target === null) return null;
  return direction === "HIGHER_IS_BETTER" ? value >= target : value <= target;
}

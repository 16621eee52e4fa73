import type { Team } from "@/lib/db";
import { cabReviewEntries, type TCabEntry } from "./attention";
import { driftEntries, type TDriftEntry } from "./drift";
import { INDICATORS } from "./indicators";
import type { TProgramRecords } from "./records";

/** Bumped whenever what `programFigures` computes changes, so figures stored by an older release are recomputed. */
export const FIGURES_VERSION = 2;

const OPEN_CHANGE_STATES = new Set([
  "SUBMITTED",
  "PRE_APPROVED",
  "CAB_REVIEW",
  "EMERGENCY",
  "APPROVED",
  "NEEDS_INFO",
  "SCHEDULED",
  "IMPLEMENTED",
]);

export type TIndicatorFigure = { value: number | null; detail: Record<string, number | null> };

export type TTeamQueues = {
  surfacesAwaitingSignOff: Array<{ id: string; name: string; version: number; classification: string }>;
  changesAwaitingApproval: Array<{ id: string; number: number; title: string; since: string | null }>;
};

/**
 * Everything the dashboards show that is derived from the program's records and does not depend on
 * the clock: computed once per change of the data and stored (see `figures-store.ts`), not per view.
 * Plain JSON, so a stored copy reads back exactly as it was computed.
 */
export type TProgramFigures = {
  version: number;
  indicators: Record<string, TIndicatorFigure>;
  counts: { surfaces: number; flows: number; openChanges: number; inCab: number };
  /** Changes in CAB review with when they entered it; how long each has waited is worked out at view time. */
  cabEntries: TCabEntry[];
  /** Surfaces and targets whose deployed policy drifts, with since when; how long is worked out at view time. */
  driftEntries: TDriftEntry[];
  queues: Record<Extract<Team, "NETOPS" | "SECOPS">, TTeamQueues>;
};

function teamQueues(records: TProgramRecords, team: Extract<Team, "NETOPS" | "SECOPS">): TTeamQueues {
  const signedByTeam = new Set(
    records.signOffs
      .filter((signOff) => signOff.active && signOff.team === team)
      .map((signOff) => `${signOff.surfaceId}@${signOff.version}`),
  );
  const approvedByTeam = new Set(
    records.approvals.filter((approval) => approval.active && approval.team === team).map((approval) => approval.changeId),
  );
  return {
    surfacesAwaitingSignOff: records.surfaces
      .filter((surface) => surface.status === "IN_REVIEW" && !signedByTeam.has(`${surface.id}@${surface.version}`))
      .map((surface) => ({ id: surface.id, name: surface.name, version: surface.version, classification: surface.classification })),
    changesAwaitingApproval: records.changes
      .filter((change) => change.state === "CAB_REVIEW" && !approvedByTeam.has(change.id))
      .map((change) => ({ id: change.id, number: change.number, title: change.title, since: change.submittedAt?.toISOString() ?? null })),
  };
}

/** The figures of a set of records: the indicator formulas themselves, run once. */
export function programFigures(records: TProgramRecords): TProgramFigures {
  return {
    version: FIGURES_VERSION,
    indicators: Object.fromEntries(
      INDICATORS.map((indicator) => {
        const { value, detail } = indicator.compute(records);
        return [indicator.key, { value, detail }];
      }),
    ),
    counts: {
      surfaces: records.surfaces.length,
      flows: records.flows.length,
      openChanges: records.changes.filter((change) => OPEN_CHANGE_STATES.has(change.state)).length,
      inCab: records.changes.filter((change) => change.state === "CAB_REVIEW").length,
    },
    cabEntries: cabReviewEntries(records.changes, records.transitions),
    driftEntries: driftEntries(records.policyDrift ?? []),
    queues: { NETOPS: teamQueues(records, "NETOPS"), SECOPS: teamQueues(records, "SECOPS") },
  };
}

/** Indicator values by key, as the maturity assessment shows them beside each function. */
export function indicatorValues(figures: TProgramFigures): ReadonlyMap<string, number | null> {
  return new Map(Object.entries(figures.indicators).map(([key, figure]) => [key, figure.value]));
}

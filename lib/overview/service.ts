import "server-only";
import { db, type Team } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { assessableItems, BUILT_IN_CATALOGS } from "@/lib/maturity/catalog";
import { dashboardAssessments, getAssessment, latestAssessmentId, type TDraftAssessment } from "@/lib/maturity/service";
import type { TAssessmentDetail } from "@/lib/maturity/schemas";
import { stalledFromEntries, type TStalledItem } from "@/lib/metrics/attention";
import { staleDrift, type TStaleDrift } from "@/lib/metrics/drift";
import { getEnv } from "@/lib/env";
import { indicatorValues, type TIndicatorFigure, type TProgramFigures } from "@/lib/metrics/figures";
import { currentFigures } from "@/lib/metrics/figures-store";
import { INDICATORS, findIndicator, meetsTarget, type TIndicatorDefinition, type TIndicatorRow } from "@/lib/metrics/indicators";
import { listKpis } from "@/lib/metrics/kpis";
import { listHeadlineKeys } from "@/lib/metrics/headlines";
import { formatFigure, formatFigureBeside, formatTarget } from "@/lib/metrics/format";
import { labelOf } from "@/lib/ui/labels";
import { loadProgramRecords } from "@/lib/metrics/load";
import { weeklyTrend, withLiveValue, type TTrendPoint } from "@/lib/metrics/trend";
import { listObjectives, type TMetricValues } from "@/lib/objectives/service";
import type { TObjective } from "@/lib/objectives/schemas";
import { changeHref, surfaceHref, surfaceMapHref } from "./links";

export type TMetricView = {
  key: string;
  source: "indicator" | "kpi";
  name: string;
  unit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER";
  target: number | null;
  formula: string;
  ztmm: Array<{ key: string; label: string }>;
  value: number | null;
  /** Now, target and a year ago, written by the one formatter (`lib/metrics/format.ts`) for screen and PDF. */
  display: string;
  targetDisplay: string | null;
  yearAgoDisplay: string;
  meetsTarget: boolean | null;
  detail: Record<string, number | null>;
  trend: TTrendPoint[];
  headline: boolean;
};

export type TAttention = {
  disputed: Array<{ functionKey: string; label: string; pillarLabel: string; netopsStage: string | null; secopsStage: string | null }>;
  overdue: Array<{
    functionKey: string;
    label: string;
    pillarLabel: string;
    targetStage: string | null;
    targetDate: string | null;
    currentStage: string | null;
  }>;
  stalledCab: TStalledItem[];
  /** Deployed policy drifting for longer than POLICY_DRIFT_ATTENTION_DAYS. */
  policyDrift: TStaleDrift[];
};

export type TDashboard = {
  generatedAt: string;
  /** The assessment charted: the newest with agreed scores (see `chartedAndDraft`). */
  assessment: Pick<TAssessmentDetail, "id" | "title" | "assessedOn" | "previous" | "pillars" | "counts"> | null;
  /** A newer assessment still being scored, shown apart from the chart. */
  draftAssessment: TDraftAssessment | null;
  indicators: TMetricView[];
  kpis: TMetricView[];
  objectives: TObjective[];
  attention: TAttention;
  counts: { surfaces: number; flows: number; openChanges: number; inCab: number };
};

const TREND_DAYS = 365;
const ztmmLabels = new Map(
  BUILT_IN_CATALOGS.flatMap((catalog) => assessableItems(catalog)).map((item) => [item.key, `${item.pillarLabel} · ${item.label}`]),
);

function indicatorView(
  indicator: TIndicatorDefinition,
  result: TIndicatorFigure,
  history: TTrendPoint[],
  today: string,
  headline = indicator.headline,
): TMetricView {
  const trend = withLiveValue(weeklyTrend(history), today, result.value);
  return {
    key: indicator.key,
    source: "indicator",
    name: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    target: indicator.target,
    formula: indicator.formula,
    ztmm: indicator.ztmmFunctions.map((key) => ({ key, label: ztmmLabels.get(key) ?? key })),
    value: result.value,
    display: formatFigureBeside(result.value, indicator.target, indicator.unit),
    targetDisplay: formatTarget(indicator.target, indicator.unit, indicator.direction),
    yearAgoDisplay: formatFigure(trend[0]?.value ?? null, indicator.unit),
    meetsTarget: meetsTarget(result.value, indicator.target, indicator.direction),
    detail: result.detail,
    trend,
    headline,
  };
}

/**
 * Each indicator's daily snapshots since a day, thinned in the database to the last one of each ISO week
 * (exactly what `weeklyTrend` keeps): two years of daily rows never cross the wire.
 */
async function loadHistory(since: Date): Promise<Map<string, TTrendPoint[]>> {
  const rows = await db.$queryRaw<Array<{ metricKey: string; takenOn: Date; value: number }>>`
    SELECT DISTINCT ON ("metricKey", floor(("takenOn" - DATE '1970-01-01' + 3) / 7.0)) "metricKey", "takenOn", value
    FROM "MetricSnapshot"
    WHERE "takenOn" >= ${since}
    ORDER BY "metricKey", floor(("takenOn" - DATE '1970-01-01' + 3) / 7.0), "takenOn" DESC`;
  const byKey = new Map<string, TTrendPoint[]>();
  for (const row of rows) {
    const list = byKey.get(row.metricKey) ?? [];
    list.push({ day: row.takenOn.toISOString().slice(0, 10), value: row.value });
    byKey.set(row.metricKey, list);
  }
  return byKey;
}

/** The newest assessment in detail, beside the indicator values being read at the same time. */
async function latestAssessment(context: TActorContext, figures: Promise<TProgramFigures>) {
  const id = await latestAssessmentId(context);
  return id ? getAssessment(context, id, figures.then(indicatorValues)) : null;
}

/** "Are we getting safer, and are both teams doing it together?" — everything the executive view shows. */
export async function getDashboard(context: TActorContext): Promise<TDashboard> {
  assertCan(context.actor, "dashboard.read");
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const reading = currentFigures();
  const assessments = dashboardAssessments(context);
  const detail = (id: string | null) => (id ? getAssessment(context, id, reading.then(indicatorValues)) : null);
  const [figures, history, kpis, headlines, { draft }, latest, draftDetail] = await Promise.all([
    reading,
    loadHistory(new Date(now.getTime() - TREND_DAYS * 86_400_000)),
    listKpis(context),
    listHeadlineKeys(context),
    assessments,
    assessments.then(({ chartedId }) => detail(chartedId)),
    assessments.then(({ draft }) => detail(draft?.id ?? null)),
  ]);
  // What needs attention (disputes, overdue targets) is read from the assessment being scored now.
  const current = draftDetail ?? latest;
  const indicators = INDICATORS.map((indicator) =>
    indicatorView(indicator, figures.indicators[indicator.key]!, history.get(indicator.key) ?? [], today, headlines.has(indicator.key)),
  );
  const kpiViews: TMetricView[] = kpis.map((kpi) => {
    const trend = weeklyTrend(kpi.readings.map((reading) => ({ day: reading.observedAt.slice(0, 10), value: reading.value })));
    return {
      key: kpi.key,
      source: "kpi",
      name: kpi.name,
      unit: kpi.unit,
      direction: kpi.direction,
      target: kpi.target,
      formula: kpi.description || "Fed from outside Concord (by hand or through the API).",
      ztmm: [],
      value: kpi.latest?.value ?? null,
      display: formatFigureBeside(kpi.latest?.value ?? null, kpi.target, kpi.unit),
      targetDisplay: formatTarget(kpi.target, kpi.unit, kpi.direction),
      yearAgoDisplay: formatFigure(trend[0]?.value ?? null, kpi.unit),
      meetsTarget: meetsTarget(kpi.latest?.value ?? null, kpi.target, kpi.direction),
      detail: { readings: kpi.readings.length },
      trend,
      headline: headlines.has(kpi.key),
    };
  });
  const values: TMetricValues = new Map(
    [...indicators, ...kpiViews].map((view) => [view.key, { name: view.name, value: view.value, unit: view.unit, source: view.source }]),
  );
  const objectives = await listObjectives(context, values);
  return {
    generatedAt: now.toISOString(),
    assessment: latest && {
      id: latest.id,
      title: latest.title,
      assessedOn: latest.assessedOn,
      previous: latest.previous,
      pillars: latest.pillars,
      counts: latest.counts,
    },
    draftAssessment: draft,
    indicators,
    kpis: kpiViews,
    objectives,
    attention: {
      disputed: (current?.scores ?? [])
        .filter((score) => score.status === "disputed")
        .map((score) => ({
          functionKey: score.functionKey,
          label: score.label,
          pillarLabel: score.pillarLabel,
          netopsStage: score.netopsStage,
          secopsStage: score.secopsStage,
        })),
      overdue: (current?.scores ?? [])
        .filter((score) => score.overdue)
        .map((score) => ({
          functionKey: score.functionKey,
          label: score.label,
          pillarLabel: score.pillarLabel,
          targetStage: score.targetStage,
          targetDate: score.targetDate,
          currentStage: score.currentStage,
        })),
      stalledCab: stalledFromEntries(figures.cabEntries, now),
      policyDrift: staleDrift(figures.driftEntries, now, getEnv().POLICY_DRIFT_ATTENTION_DAYS),
    },
    counts: figures.counts,
  };
}

export type TDrillRow = {
  entity: TIndicatorRow["entity"];
  id: string;
  counted: boolean;
  note: string;
  cells: Record<string, string>;
  href: string;
  mapHref?: string;
};

/** An indicator with every record behind its figure. */
export async function getIndicatorDrilldown(context: TActorContext, key: string): Promise<{ indicator: TMetricView; rows: TDrillRow[] }> {
  assertCan(context.actor, "dashboard.read");
  const definition = findIndicator(key);
  if (!definition) throw new NotFoundError(`The indicator "${key}"`);
  const now = new Date();
  const [records, history] = await Promise.all([loadProgramRecords(), loadHistory(new Date(now.getTime() - TREND_DAYS * 86_400_000))]);
  const { rows, ...result } = definition.compute(records);
  const view = indicatorView(definition, result, history.get(key) ?? [], now.toISOString().slice(0, 10));
  const surfaces = new Map(records.surfaces.map((surface) => [surface.id, surface]));
  const flows = new Map(records.flows.map((flow) => [flow.id, flow]));
  const changes = new Map(records.changes.map((change) => [change.id, change]));
  const drillRows = rows.flatMap((row): TDrillRow[] => {
    const base = { entity: row.entity, id: row.id, counted: row.counted, note: row.note ?? "" };
    if (row.entity === "surface") {
      const surface = surfaces.get(row.id);
      if (!surface) return [];
      return [
        {
          ...base,
          cells: { Surface: surface.name, Status: labelOf(surface.status), Classification: labelOf(surface.classification) },
          href: surfaceHref(surface.id),
        },
      ];
    }
    if (row.entity === "flow") {
      const flow = flows.get(row.id);
      if (!flow) return [];
      return [
        {
          ...base,
          cells: {
            Surface: flow.surfaceName,
            Flow: `${flow.sourceLabel} → ${flow.targetLabel}`,
            Ports: flow.ports || "any",
            Status: labelOf(flow.status),
            Encryption: labelOf(flow.encryption),
            Classification: labelOf(flow.surfaceClassification),
          },
          href: surfaceMapHref(flow.surfaceId),
          mapHref: surfaceMapHref(flow.surfaceId),
        },
      ];
    }
    const change = changes.get(row.id);
    if (!change) return [];
    return [
      {
        ...base,
        cells: {
          Change: `#${change.number} ${change.title}`,
          State: labelOf(change.state),
          Track: change.track ? labelOf(change.track) : "—",
        },
        href: changeHref(change.id),
      },
    ];
  });
  return { indicator: view, rows: drillRows };
}

export type TTeamDashboard = {
  team: "NETOPS" | "SECOPS";
  surfacesAwaitingSignOff: Array<{ id: string; name: string; version: number; classification: string }>;
  changesAwaitingApproval: Array<{ id: string; number: number; title: string; since: string | null }>;
  assessment: { id: string; title: string } | null;
  functionsToScore: Array<{ functionKey: string; label: string; pillarLabel: string; status: string }>;
  jointIndicators: TMetricView[];
};

const JOINT_KEYS = [
  "joint.decision_share",
  "surfaces.agreed_share",
  "flows.explicit_share",
  "flows.unencrypted_sensitive",
  "changes.preapproved_share",
  "cab.decision_latency",
];

/** One team's queues (what waits on them) beside the indicators both teams share. */
export async function getTeamDashboard(context: TActorContext, team: Extract<Team, "NETOPS" | "SECOPS">): Promise<TTeamDashboard> {
  assertCan(context.actor, "dashboard.read");
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const reading = currentFigures();
  const [figures, history, latest] = await Promise.all([
    reading,
    loadHistory(new Date(now.getTime() - TREND_DAYS * 86_400_000)),
    latestAssessment(context, reading),
  ]);
  const stageField = team === "NETOPS" ? "netopsStage" : "secopsStage";
  return {
    team,
    ...figures.queues[team],
    assessment: latest && { id: latest.id, title: latest.title },
    functionsToScore: (latest?.scores ?? [])
      .filter((score) => score[stageField] === null || score.status === "disputed")
      .map((score) => ({ functionKey: score.functionKey, label: score.label, pillarLabel: score.pillarLabel, status: score.status })),
    jointIndicators: JOINT_KEYS.map((key) => indicatorView(findIndicator(key)!, figures.indicators[key]!, history.get(key) ?? [], today)),
  };
}

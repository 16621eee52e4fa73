import "server-only";
import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { assertPersonDeciding } from "@/lib/auth/decisions";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { INDICATORS, formatIndicatorValue, meetsTarget } from "@/lib/metrics/indicators";
import { indicatorValues } from "@/lib/metrics/figures";
import { currentFigures } from "@/lib/metrics/figures-store";
import { BUILT_IN_CATALOGS, ZCatalogDefinition, assessableItems, type TCatalogDefinition, type TStage } from "./catalog";
import {
  agreedStage,
  chartedAndDraft,
  compareAssessments,
  isTargetOverdue,
  scoreStatus,
  summarizePillars,
  type TScoreInput,
} from "./rules";
import type { TAssessmentDetail, TAssessmentSummary, TCreateAssessment, TMaturityScore, TUpdateScore } from "./schemas";
import { TEAM_LABELS } from "@/lib/ui/labels";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const today = () => new Date().toISOString().slice(0, 10);

const assessmentInclude = {
  catalog: { select: { id: true, key: true, version: true, title: true, definition: true } },
  netopsAssessor: { select: { id: true, name: true } },
  secopsAssessor: { select: { id: true, name: true } },
  scores: true,
} as const;

type TAssessmentRow = NonNullable<Awaited<ReturnType<typeof findAssessment>>>;

function findAssessment(client: TTx, id: string) {
  return client.maturityAssessment.findUnique({ where: { id }, include: assessmentInclude });
}

function toScoreInputs(row: TAssessmentRow): TScoreInput[] {
  return row.scores.map((score) => ({
    functionKey: score.functionKey,
    netopsStage: score.netopsStage,
    secopsStage: score.secopsStage,
    targetStage: score.targetStage,
    targetDate: day(score.targetDate),
  }));
}

function definitionOf(row: { definition: unknown }): TCatalogDefinition {
  return ZCatalogDefinition.parse(row.definition);
}

function toSummary(row: TAssessmentRow): TAssessmentSummary {
  const items = assessableItems(definitionOf(row.catalog));
  const scores = new Map(toScoreInputs(row).map((score) => [score.functionKey, score]));
  const statuses = items.map((item) => scoreStatus(scores.get(item.key)));
  return {
    id: row.id,
    title: row.title,
    assessedOn: day(row.assessedOn)!,
    catalog: { id: row.catalog.id, key: row.catalog.key, version: row.catalog.version, title: row.catalog.title },
    netopsAssessor: row.netopsAssessor,
    secopsAssessor: row.secopsAssessor,
    counts: {
      total: items.length,
      agreed: statuses.filter((status) => status === "agreed").length,
      disputed: statuses.filter((status) => status === "disputed").length,
      overdue: items.filter((item) => isTargetOverdue(scores.get(item.key), today())).length,
    },
  };
}

/** Stores each built-in catalog once (key + version); a new version is a new row beside the old. */
export async function ensureBuiltInCatalogs(): Promise<Array<{ id: string; key: string; version: string }>> {
  const stored = [];
  for (const definition of BUILT_IN_CATALOGS) {
    stored.push(
      await db.maturityCatalog.upsert({
        where: { key_version: { key: definition.key, version: definition.version } },
        create: { key: definition.key, version: definition.version, title: definition.title, definition },
        update: {},
        select: { id: true, key: true, version: true },
      }),
    );
  }
  return stored;
}

export async function listCatalogs(context: TActorContext) {
  assertCan(context.actor, "dashboard.read");
  const rows = await db.maturityCatalog.findMany({ orderBy: [{ key: "asc" }, { version: "desc" }] });
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    version: row.version,
    title: row.title,
    items: assessableItems(definitionOf(row)).length,
  }));
}

export async function listAssessments(context: TActorContext): Promise<TAssessmentSummary[]> {
  assertCan(context.actor, "dashboard.read");
  const rows = await db.maturityAssessment.findMany({
    include: assessmentInclude,
    orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }],
  });
  return rows.map(toSummary);
}

/** The assessment before this one (same catalog key), for comparison over time. */
async function findPrevious(row: TAssessmentRow) {
  return db.maturityAssessment.findFirst({
    where: {
      catalog: { key: row.catalog.key },
      id: { not: row.id },
      OR: [{ assessedOn: { lt: row.assessedOn } }, { assessedOn: row.assessedOn, createdAt: { lt: row.createdAt } }],
    },
    orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }],
    include: assessmentInclude,
  });
}

/** The newest assessment's id (the order `listAssessments` gives), without reading every assessment. */
export async function latestAssessmentId(context: TActorContext): Promise<string | null> {
  assertCan(context.actor, "dashboard.read");
  const row = await db.maturityAssessment.findFirst({ orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }], select: { id: true } });
  return row?.id ?? null;
}

export type TDraftAssessment = { id: string; title: string; assessedOn: string; agreed: number; total: number };

/** How many recent assessments the dashboard looks through for one scored in every pillar. */
const DASHBOARD_LOOKBACK = 24;

/**
 * The assessment the dashboard charts (scored, see `chartedAndDraft`) and the newer one still being
 * scored, if any, shown apart as a draft.
 */
export async function dashboardAssessments(context: TActorContext): Promise<{ chartedId: string | null; draft: TDraftAssessment | null }> {
  assertCan(context.actor, "dashboard.read");
  const rows = await db.maturityAssessment.findMany({
    orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }],
    take: DASHBOARD_LOOKBACK,
    select: {
      id: true,
      title: true,
      assessedOn: true,
      catalogId: true,
      scores: { select: { functionKey: true, netopsStage: true, secopsStage: true } },
    },
  });
  const catalogIds = [...new Set(rows.map((row) => row.catalogId))];
  const catalogs = await db.maturityCatalog.findMany({ where: { id: { in: catalogIds } }, select: { id: true, definition: true } });
  const itemsOf = new Map(catalogs.map((catalog) => [catalog.id, assessableItems(definitionOf(catalog))]));
  const progress = rows.map((row) => {
    const items = itemsOf.get(row.catalogId) ?? [];
    const inputs = row.scores.map((score) => ({ ...score, targetStage: null, targetDate: null }));
    const pillars = summarizePillars(items, inputs);
    return {
      id: row.id,
      agreed: pillars.reduce((sum, pillar) => sum + pillar.agreed, 0),
      pillarsWithAgreed: pillars.filter((pillar) => pillar.agreed > 0).length,
      pillars: pillars.length,
      total: items.length,
    };
  });
  const { charted, draft } = chartedAndDraft(progress);
  const draftRow = draft ? rows.find((row) => row.id === draft) : undefined;
  const draftProgress = progress.find((entry) => entry.id === draft);
  return {
    chartedId: charted,
    draft:
      draftRow && draftProgress
        ? {
            id: draftRow.id,
            title: draftRow.title,
            assessedOn: day(draftRow.assessedOn)!,
            agreed: draftProgress.agreed,
            total: draftProgress.total,
          }
        : null,
  };
}

/** `preloaded` lets a caller that is already reading the indicator values (the dashboard) pass them in. */
export async function getAssessment(
  context: TActorContext,
  id: string,
  preloaded?: PromiseLike<ReadonlyMap<string, number | null>>,
): Promise<TAssessmentDetail> {
  assertCan(context.actor, "dashboard.read");
  const row = await findAssessment(db, id);
  if (!row) throw new NotFoundError("The assessment");
  const previous = await findPrevious(row);
  const items = assessableItems(definitionOf(row.catalog));
  const inputs = toScoreInputs(row);
  const byKey = new Map(row.scores.map((score) => [score.functionKey, score]));
  const previousInputs = previous ? toScoreInputs(previous) : [];
  const previousByKey = new Map(previousInputs.map((score) => [score.functionKey, score]));
  const values = preloaded ? await preloaded : indicatorValues(await currentFigures());
  const valuesByIndicator = INDICATORS.map((indicator) => ({ indicator, value: values.get(indicator.key) ?? null }));
  const deltas = new Map(compareAssessments(items, previousInputs, inputs).map((change) => [change.functionKey, change.delta]));
  const previousPillars = new Map(summarizePillars(items, previousInputs).map((pillar) => [pillar.pillarKey, pillar.current]));
  const scores: TMaturityScore[] = items.map((item) => {
    const score = byKey.get(item.key);
    const input = inputs.find((entry) => entry.functionKey === item.key);
    return {
      functionKey: item.key,
      label: item.label,
      pillarKey: item.pillarKey,
      pillarLabel: item.pillarLabel,
      kind: item.kind,
      netopsStage: score?.netopsStage ?? null,
      secopsStage: score?.secopsStage ?? null,
      currentStage: agreedStage(score),
      status: scoreStatus(score),
      targetStage: score?.targetStage ?? null,
      targetDate: day(score?.targetDate ?? null),
      overdue: isTargetOverdue(input, today()),
      evidence: score?.evidence ?? "",
      links: score?.links ?? [],
      previousStage: agreedStage(previousByKey.get(item.key)),
      delta: deltas.get(item.key) ?? null,
      indicators: valuesByIndicator
        .filter(({ indicator }) => indicator.ztmmFunctions.includes(item.key))
        .map(({ indicator, value }) => ({
          key: indicator.key,
          name: indicator.name,
          formula: indicator.formula,
          display: formatIndicatorValue(value, indicator.unit),
          meetsTarget: meetsTarget(value, indicator.target, indicator.direction),
        })),
    };
  });
  return {
    ...toSummary(row),
    previous: previous ? { id: previous.id, title: previous.title, assessedOn: day(previous.assessedOn)! } : null,
    pillars: summarizePillars(items, inputs).map((pillar) => ({ ...pillar, previous: previousPillars.get(pillar.pillarKey) ?? null })),
    scores,
  };
}

async function assertAssessor(tx: TTx, userId: string, team: "NETOPS" | "SECOPS", field: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { team: true, status: true, roles: true } });
  if (!user || user.status !== "ACTIVE") throw new ValidationError([{ path: field, message: "must be an active user" }]);
  if (user.team !== team) throw new ValidationError([{ path: field, message: `must be a member of ${TEAM_LABELS[team]}` }]);
  if (!user.roles.includes("CONTRIBUTOR")) throw new ValidationError([{ path: field, message: "must be a contributor" }]);
}

/** A new dated assessment; targets, evidence and links carry over from the latest earlier one of the model. */
export async function createAssessment(context: TActorContext, input: TCreateAssessment): Promise<TAssessmentSummary> {
  assertCan(context.actor, "maturity.assess");
  assertPersonDeciding(context, "open a maturity assessment");
  return db.$transaction(async (tx) => {
    await assertAssessor(tx, input.netopsAssessorId, "NETOPS", "netopsAssessorId");
    await assertAssessor(tx, input.secopsAssessorId, "SECOPS", "secopsAssessorId");
    const catalog = input.catalogId
      ? await tx.maturityCatalog.findUnique({ where: { id: input.catalogId } })
      : await tx.maturityCatalog.findFirst({ orderBy: { createdAt: "desc" } });
    if (!catalog) throw new ValidationError([{ path: "catalogId", message: "must name a stored maturity model" }]);
    const assessedOn = new Date(`${input.assessedOn}T00:00:00.000Z`);
    const latest = await tx.maturityAssessment.findFirst({
      where: { catalogId: catalog.id, assessedOn: { lte: assessedOn } },
      orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }],
      include: { scores: true },
    });
    const created = await tx.maturityAssessment.create({
      data: {
        catalogId: catalog.id,
        title: input.title,
        assessedOn,
        netopsAssessorId: input.netopsAssessorId,
        secopsAssessorId: input.secopsAssessorId,
        scores: {
          create: (latest?.scores ?? []).map((score) => ({
            functionKey: score.functionKey,
            targetStage: score.targetStage,
            targetDate: score.targetDate,
            evidence: score.evidence,
            links: score.links,
          })),
        },
      },
    });
    const row = (await findAssessment(tx, created.id))!;
    const summary = toSummary(row);
    await recordAudit(tx, context, {
      action: "maturity.assessment.create",
      entityType: "MaturityAssessment",
      entityId: created.id,
      after: { ...input, carriedOverFrom: latest?.id ?? null },
    });
    return summary;
  });
}

/**
 * Scores one catalog item. Each assessor sets only their own team's stage; either may set the
 * target and evidence. The function reads "disputed" until both stages match.
 */
export async function updateScore(
  context: TActorContext,
  assessmentId: string,
  functionKey: string,
  input: TUpdateScore,
): Promise<TMaturityScore> {
  assertCan(context.actor, "maturity.assess");
  assertPersonDeciding(context, "score a maturity assessment");
  const actor = context.actor!;
  await db.$transaction(async (tx) => {
    const row = await findAssessment(tx, assessmentId);
    if (!row) throw new NotFoundError("The assessment");
    if (!assessableItems(definitionOf(row.catalog)).some((item) => item.key === functionKey))
      throw new NotFoundError(`The function "${functionKey}"`);
    const isNetops = actor.id === row.netopsAssessorId;
    const isSecops = actor.id === row.secopsAssessorId;
    if (!isNetops && !isSecops) throw new ForbiddenError("Only this assessment's NetOps and SecOps assessors can score it.");
    const before = await tx.maturityScore.findUnique({ where: { assessmentId_functionKey: { assessmentId, functionKey } } });
    const data: {
      netopsStage?: TStage | null;
      secopsStage?: TStage | null;
      targetStage?: TStage | null;
      targetDate?: Date | null;
      evidence?: string;
      links?: string[];
    } = {};
    if (input.stage !== undefined) data[isNetops ? "netopsStage" : "secopsStage"] = input.stage;
    if (input.targetStage !== undefined) data.targetStage = input.targetStage;
    if (input.targetDate !== undefined) data.targetDate = input.targetDate ? new Date(`${input.targetDate}T00:00:00.000Z`) : null;
    if (input.evidence !== undefined) data.evidence = input.evidence.trim();
    if (input.links !== undefined) data.links = [...new Set(input.links)];
    const after = await tx.maturityScore.upsert({
      where: { assessmentId_functionKey: { assessmentId, functionKey } },
      create: { assessmentId, functionKey, ...data },
      update: data,
    });
    const view = (score: typeof after | null) =>
      score && {
        netopsStage: score.netopsStage,
        secopsStage: score.secopsStage,
        targetStage: score.targetStage,
        targetDate: day(score.targetDate),
        evidence: score.evidence,
        links: score.links,
        status: scoreStatus(score),
      };
    await recordAudit(tx, context, {
      action: "maturity.score",
      entityType: "MaturityScore",
      entityId: after.id,
      before: view(before),
      after: { functionKey, ...view(after) },
    });
  });
  const detail = await getAssessment(context, assessmentId);
  return detail.scores.find((score) => score.functionKey === functionKey)!;
}

/** Who may assess for each team: active contributors of NetOps and of SecOps. */
export async function listAssessorCandidates(context: TActorContext) {
  assertCan(context.actor, "dashboard.read");
  const users = await db.user.findMany({
    where: { status: "ACTIVE", team: { in: ["NETOPS", "SECOPS"] }, roles: { has: "CONTRIBUTOR" } },
    select: { id: true, name: true, team: true },
    orderBy: { name: "asc" },
  });
  return { netops: users.filter((user) => user.team === "NETOPS"), secops: users.filter((user) => user.team === "SECOPS") };
}

import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { TCreateKpi, TKpi, TKpiReadingInput } from "./schemas";
import { valueBounds, valueProblem } from "./units";

/** A reading dated this far ahead is a clock or unit mistake, not an observation. */
const FUTURE_TOLERANCE_MS = 24 * 3_600_000;

export async function listKpis(context: TActorContext, since = new Date(Date.now() - 365 * 86_400_000)): Promise<TKpi[]> {
  assertCan(context.actor, "dashboard.read");
  const choices = new Map((await db.metricHeadline.findMany()).map((row) => [row.metricKey, row.headline]));
  const rows = await db.kpiDefinition.findMany({
    orderBy: { name: "asc" },
    include: {
      readings: { where: { observedAt: { gte: since } }, orderBy: { observedAt: "asc" }, select: { value: true, observedAt: true } },
    },
  });
  return rows.map((row) => {
    const readings = row.readings.map((reading) => ({ value: reading.value, observedAt: reading.observedAt.toISOString() }));
    return {
      key: row.key,
      name: row.name,
      unit: row.unit,
      direction: row.direction,
      target: row.target,
      minValue: row.minValue,
      maxValue: row.maxValue,
      headline: choices.get(row.key) ?? false,
      description: row.description,
      latest: readings.at(-1) ?? null,
      readings,
    };
  });
}

export async function createKpi(context: TActorContext, input: TCreateKpi): Promise<TKpi> {
  assertCan(context.actor, "metrics.write");
  return db.$transaction(async (tx) => {
    if (await tx.kpiDefinition.findUnique({ where: { key: input.key }, select: { id: true } })) {
      throw new ConflictError(`A KPI with the key "${input.key}" already exists.`);
    }
    const row = await tx.kpiDefinition.create({ data: input });
    await recordAudit(tx, context, { action: "kpi.create", entityType: "KpiDefinition", entityId: row.id, after: input });
    return { ...input, headline: false, latest: null, readings: [] };
  });
}

/** Records one observed value of an external KPI (by hand or from automation with an API token). */
export async function recordKpiReading(
  context: TActorContext,
  key: string,
  input: TKpiReadingInput,
): Promise<{ key: string; value: number; observedAt: string }> {
  assertCan(context.actor, "metrics.write");
  const observedAt = input.observedAt ? new Date(input.observedAt) : new Date();
  if (observedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS)
    throw new ValidationError([{ path: "body.observedAt", message: "must not be in the future" }]);
  return db.$transaction(async (tx) => {
    const kpi = await tx.kpiDefinition.findUnique({ where: { key }, select: { id: true, unit: true, minValue: true, maxValue: true } });
    if (!kpi) throw new NotFoundError(`The KPI "${key}"`);
    // The unit decides what a reading may be: 2147483648 % is a mistake, not an observation.
    const problem = valueProblem(input.value, valueBounds(kpi.unit, kpi));
    if (problem) throw new ValidationError([{ path: "body.value", message: problem }]);
    const reading = await tx.kpiReading.create({
      data: { kpiId: kpi.id, value: input.value, observedAt, recordedById: context.actor?.id ?? null },
    });
    const result = { key, value: reading.value, observedAt: reading.observedAt.toISOString() };
    await recordAudit(tx, context, { action: "kpi.reading.create", entityType: "KpiReading", entityId: reading.id, after: result });
    return result;
  });
}

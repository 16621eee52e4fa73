import "server-only";
import { db, readAll } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { ValidationError } from "@/lib/errors";
import { findIndicator } from "@/lib/metrics/indicators";
import { keyResultProgress, objectiveProgress } from "./progress";
import type { TCreateObjective, TObjective } from "./schemas";

/** Current values by metric key: computed indicators and the latest reading of each KPI. */
export type TMetricValues = Map<string, { name: string; value: number | null; unit?: string; source: "indicator" | "kpi" }>;

export async function listObjectives(context: TActorContext, values: TMetricValues): Promise<TObjective[]> {
  assertCan(context.actor, "dashboard.read");
  const rows = await db.objective.findMany({
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    include: {
      keyResults: { orderBy: { title: "asc" } },
      netopsLead: { select: { id: true, name: true } },
      secopsLead: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => {
    const keyResults = row.keyResults.map((kr) => {
      const metric = values.get(kr.metricKey);
      const current = metric?.value ?? null;
      return {
        id: kr.id,
        title: kr.title,
        metricKey: kr.metricKey,
        metricName: metric?.name ?? kr.metricKey,
        source: metric?.source ?? "indicator",
        unit: metric?.unit ?? findIndicator(kr.metricKey)?.unit ?? "",
        baseline: kr.baseline,
        target: kr.target,
        current,
        progress: keyResultProgress(current, kr.baseline, kr.target),
      };
    });
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      dueDate: row.dueDate?.toISOString().slice(0, 10) ?? null,
      netopsLead: row.netopsLead,
      secopsLead: row.secopsLead,
      progress: objectiveProgress(keyResults.map((kr) => kr.progress)),
      keyResults,
    };
  });
}

/** A charter objective, owned jointly: one NetOps and one SecOps lead, each key result tied to a metric. */
export async function createObjective(context: TActorContext, input: TCreateObjective): Promise<{ id: string }> {
  assertCan(context.actor, "metrics.write");
  return db.$transaction(async (tx) => {
    const [netops, secops] = await readAll(tx, [
      () => tx.user.findUnique({ where: { id: input.netopsLeadId }, select: { team: true } }),
      () => tx.user.findUnique({ where: { id: input.secopsLeadId }, select: { team: true } }),
    ]);
    if (netops?.team !== "NETOPS") throw new ValidationError([{ path: "body.netopsLeadId", message: "must be a member of NetOps" }]);
    if (secops?.team !== "SECOPS") throw new ValidationError([{ path: "body.secopsLeadId", message: "must be a member of SecOps" }]);
    const kpiKeys = new Set((await tx.kpiDefinition.findMany({ select: { key: true } })).map((kpi) => kpi.key));
    input.keyResults.forEach((kr, index) => {
      if (!findIndicator(kr.metricKey) && !kpiKeys.has(kr.metricKey)) {
        throw new ValidationError([{ path: `body.keyResults.${index}.metricKey`, message: "must name an indicator or a KPI" }]);
      }
    });
    const created = await tx.objective.create({
      data: {
        title: input.title,
        description: input.description,
        netopsLeadId: input.netopsLeadId,
        secopsLeadId: input.secopsLeadId,
        dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00.000Z`) : null,
        keyResults: { create: input.keyResults },
      },
    });
    await recordAudit(tx, context, { action: "objective.create", entityType: "Objective", entityId: created.id, after: input });
    return { id: created.id };
  });
}

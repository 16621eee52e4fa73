import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { TActorContext } from "@/lib/auth/actor";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { INDICATORS } from "./indicators";
import type { THeadlineChoice } from "./schemas";

/** More cards than this and the headline row stops being a headline: the rest belong in the table. */
export const HEADLINE_CAP = 8;

const HEADLINE_LOCK_KEY = 0x6865_6164; // "head": one writer at a time keeps the cap exact

/**
 * The metrics shown as headline cards: a recorded choice wins; without one an indicator keeps its
 * catalog default and a KPI stays in the table.
 */
export function headlineKeys(defaults: ReadonlyMap<string, boolean>, choices: ReadonlyMap<string, boolean>): Set<string> {
  const keys = new Set<string>();
  for (const [key, byDefault] of defaults) if (choices.get(key) ?? byDefault) keys.add(key);
  return keys;
}

async function choicesIn(client: TTx | typeof db): Promise<Map<string, boolean>> {
  const rows = await client.metricHeadline.findMany({ select: { metricKey: true, headline: true } });
  return new Map(rows.map((row) => [row.metricKey, row.headline]));
}

async function defaultsIn(client: TTx | typeof db): Promise<Map<string, boolean>> {
  const kpis = await client.kpiDefinition.findMany({ select: { key: true } });
  return new Map([
    ...INDICATORS.map((indicator) => [indicator.key, indicator.headline] as const),
    ...kpis.map((kpi) => [kpi.key, false] as const),
  ]);
}

/** Every headline metric's key (indicators and KPIs). */
export async function listHeadlineKeys(context: TActorContext): Promise<Set<string>> {
  assertCan(context.actor, "dashboard.read");
  const [defaults, choices] = await Promise.all([defaultsIn(db), choicesIn(db)]);
  return headlineKeys(defaults, choices);
}

/** Puts a metric among the headline cards or back into the table; refused (409) past the cap. */
export async function setHeadline(
  context: TActorContext,
  key: string,
  input: THeadlineChoice,
): Promise<{ key: string; headline: boolean }> {
  assertCan(context.actor, "metrics.write");
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${HEADLINE_LOCK_KEY})`;
    const defaults = await defaultsIn(tx);
    if (!defaults.has(key)) throw new NotFoundError(`The indicator or KPI "${key}"`);
    const choices = await choicesIn(tx);
    const current = headlineKeys(defaults, choices);
    const before = current.has(key);
    if (input.headline && !before && current.size >= HEADLINE_CAP) {
      throw new ConflictError(`At most ${HEADLINE_CAP} headline figures: move one into the table first.`);
    }
    const chosenById = context.actor?.id ?? null;
    await tx.metricHeadline.upsert({
      where: { metricKey: key },
      create: { metricKey: key, headline: input.headline, chosenById },
      update: { headline: input.headline, chosenById },
    });
    await recordAudit(tx, context, {
      action: "metrics.headline.update",
      entityType: "MetricHeadline",
      entityId: key,
      before: { headline: before },
      after: { headline: input.headline },
    });
    return { key, headline: input.headline };
  });
}

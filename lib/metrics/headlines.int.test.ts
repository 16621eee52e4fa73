import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { getDashboard } from "@/lib/overview/service";
import { HEADLINE_CAP, listHeadlineKeys, setHeadline } from "./headlines";
import { INDICATORS } from "./indicators";
import { createKpi } from "./kpis";

// Headline choices are program-wide: this file is the only one that makes them, and it removes its own.
afterAll(async () => {
  await db.metricHeadline.deleteMany({});
});

describe("headline cards", () => {
  it("are chosen by those who manage metrics, shown on the dashboard, and audited", async () => {
    const manager = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const executive = await createTestUser("LEADERSHIP", ["EXECUTIVE"]);
    const key = `headline_${uniqueSuffix()}`;
    await createKpi(contextFor(manager), {
      key,
      name: "Phish reported",
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      target: 90,
      minValue: null,
      maxValue: null,
      description: "",
    });
    expect((await listHeadlineKeys(contextFor(manager))).has(key)).toBe(false);
    const headlineDefault = INDICATORS.find((indicator) => indicator.headline)!;
    await setHeadline(contextFor(manager), headlineDefault.key, { headline: false });
    await setHeadline(contextFor(manager), key, { headline: true });
    const dashboard = await getDashboard(contextFor(executive));
    expect(dashboard.kpis.find((kpi) => kpi.key === key)?.headline).toBe(true);
    expect(dashboard.indicators.find((indicator) => indicator.key === headlineDefault.key)?.headline).toBe(false);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "metrics.headline.update", entityId: key } });
    expect(audit).toMatchObject({ actorId: manager.id, before: { headline: false }, after: { headline: true } });
    await expect(setHeadline(contextFor(executive), key, { headline: false })).rejects.toThrow(ForbiddenError);
    await expect(setHeadline(contextFor(manager), `missing_${uniqueSuffix()}`, { headline: true })).rejects.toThrow(NotFoundError);
  });

  it(`refuses a headline past ${HEADLINE_CAP} cards and writes nothing`, async () => {
    const manager = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    // From a known state: no metric chosen (the first test chose a KPI).
    await db.metricHeadline.updateMany({ data: { headline: false } });
    for (const indicator of INDICATORS.slice(HEADLINE_CAP)) await setHeadline(contextFor(manager), indicator.key, { headline: false });
    for (const indicator of INDICATORS.slice(0, HEADLINE_CAP)) await setHeadline(contextFor(manager), indicator.key, { headline: true });
    const key = `overflow_${uniqueSuffix()}`;
    await createKpi(contextFor(manager), {
      key,
      name: "One too many",
      unit: "count",
      direction: "LOWER_IS_BETTER",
      target: null,
      minValue: null,
      maxValue: null,
      description: "",
    });
    await expect(setHeadline(contextFor(manager), key, { headline: true })).rejects.toThrow(ConflictError);
    expect(await db.metricHeadline.findUnique({ where: { metricKey: key } })).toBeNull();
    // Choosing again what is already a headline is no step past the cap.
    await expect(setHeadline(contextFor(manager), INDICATORS[0]!.key, { headline: true })).resolves.toEqual({
      key: INDICATORS[0]!.key,
      headline: true,
    });
    expect((await listHeadlineKeys(contextFor(manager))).size).toBe(HEADLINE_CAP);
  });
});

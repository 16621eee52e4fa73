import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createObjective, listObjectives } from "@/lib/objectives/service";
import { createKpi, listKpis, recordKpiReading } from "./kpis";

describe("external KPIs", () => {
  it("are defined, fed and listed with their latest reading, each step audited", async () => {
    const author = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const key = `mttd.test_${uniqueSuffix()}`;
    await createKpi(contextFor(author), {
      key,
      name: "MTTD",
      unit: "h",
      direction: "LOWER_IS_BETTER",
      target: 4,
      minValue: null,
      maxValue: null,
      description: "",
    });
    await expect(
      createKpi(contextFor(author), {
        key,
        name: "MTTD",
        unit: "h",
        direction: "LOWER_IS_BETTER",
        target: 4,
        minValue: null,
        maxValue: null,
        description: "",
      }),
    ).rejects.toThrow(ConflictError);
    await recordKpiReading(contextFor(author), key, { value: 9, observedAt: new Date(Date.now() - 86_400_000).toISOString() });
    const latest = await recordKpiReading(contextFor(author), key, { value: 7.5 });
    const kpi = (await listKpis(contextFor(author))).find((entry) => entry.key === key)!;
    expect(kpi.latest?.value).toBe(7.5);
    expect(kpi.readings.map((reading) => reading.value)).toEqual([9, 7.5]);
    expect(latest.value).toBe(7.5);
    // Each step: the definition once (the refused duplicate wrote nothing), then both readings.
    expect(await db.auditEvent.count({ where: { action: "kpi.create", actorId: author.id, after: { path: ["key"], equals: key } } })).toBe(
      1,
    );
    expect(await db.auditEvent.count({ where: { action: "kpi.reading.create", after: { path: ["key"], equals: key } } })).toBe(2);
  });

  it("refuses unknown keys, future readings and read-only users", async () => {
    const author = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const executive = await createTestUser("LEADERSHIP", ["EXECUTIVE"]);
    await expect(recordKpiReading(contextFor(author), `missing_${uniqueSuffix()}`, { value: 1 })).rejects.toThrow(NotFoundError);
    const key = `future_${uniqueSuffix()}`;
    await createKpi(contextFor(author), {
      key,
      name: "Future",
      unit: "%",
      direction: "HIGHER_IS_BETTER",
      target: null,
      minValue: null,
      maxValue: null,
      description: "",
    });
    await expect(
      recordKpiReading(contextFor(author), key, { value: 1, observedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }),
    ).rejects.toThrow(ValidationError);
    await expect(recordKpiReading(contextFor(executive), key, { value: 1 })).rejects.toThrow(ForbiddenError);
  });
});

describe("shared objectives", () => {
  it("need one NetOps and one SecOps lead and key results tied to known metrics; progress comes from the data", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const base = { title: `Objective ${uniqueSuffix()}`, description: "", dueDate: null };
    const keyResults = [{ title: "Agree every surface", metricKey: "surfaces.agreed_share", baseline: 0, target: 100 }];
    await expect(
      createObjective(contextFor(netops), { ...base, netopsLeadId: secops.id, secopsLeadId: secops.id, keyResults }),
    ).rejects.toThrow(ValidationError);
    await expect(
      createObjective(contextFor(netops), {
        ...base,
        netopsLeadId: netops.id,
        secopsLeadId: secops.id,
        keyResults: [{ ...keyResults[0]!, metricKey: "made.up" }],
      }),
    ).rejects.toThrow(ValidationError);
    const { id } = await createObjective(contextFor(netops), { ...base, netopsLeadId: netops.id, secopsLeadId: secops.id, keyResults });
    const objectives = await listObjectives(
      contextFor(netops),
      new Map([["surfaces.agreed_share", { name: "Agreed", value: 25, source: "indicator" }]]),
    );
    const objective = objectives.find((entry) => entry.id === id)!;
    expect(objective.progress).toBe(0.25);
    expect(objective.keyResults[0]).toMatchObject({ current: 25, progress: 0.25, metricName: "Agreed" });
    expect(await db.auditEvent.count({ where: { entityId: id, action: "objective.create" } })).toBe(1);
  });
});

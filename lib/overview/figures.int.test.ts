import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { stalledFromEntries } from "@/lib/metrics/attention";
import { programFigures, type TProgramFigures } from "@/lib/metrics/figures";
import { currentFigures, figuresAreCurrent, refreshFigures, refreshIntervalMs } from "@/lib/metrics/figures-store";
import { INDICATORS } from "@/lib/metrics/indicators";
import { loadProgramRecords } from "@/lib/metrics/load";
import { figuresReads } from "@/lib/ops/metrics";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { getDashboard, getTeamDashboard } from "./service";

/**
 * Other test files may write to the same database at the same time. A comparison counts only when
 * the records read just before and just after the stored figures were the same: then both sides
 * describe the same data.
 */
async function whenQuiet<T>(read: () => Promise<T>): Promise<{ expected: TProgramFigures; actual: T }> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const before = programFigures(await loadProgramRecords());
    const actual = await read();
    const after = programFigures(await loadProgramRecords());
    if (JSON.stringify(before) === JSON.stringify(after)) return { expected: before, actual };
  }
  throw new Error("The database never stayed still long enough to compare the figures.");
}

async function writeProgramRecords() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const surface = await db.protectSurface.create({
    data: {
      name: `Figures ${uniqueSuffix()}`,
      classification: "CONFIDENTIAL",
      criticality: "HIGH",
      contentHash: "test",
      createdById: netops.id,
      status: "IN_REVIEW",
    },
  });
  const map = await db.flowMap.create({ data: { surfaceId: surface.id } });
  const zone = await db.flowNode.create({ data: { mapId: map.id, kind: "ZONE", label: "zone" } });
  const source = await db.flowNode.create({ data: { mapId: map.id, kind: "WORKLOAD", label: "app" } });
  const target = await db.flowNode.create({ data: { mapId: map.id, kind: "DATASTORE", label: "db", zoneId: zone.id } });
  await db.flowEdge.createMany({
    data: [
      { mapId: map.id, sourceId: source.id, targetId: target.id, ports: "5432", encryption: "NONE", status: "APPROVED", justification: "" },
      { mapId: map.id, sourceId: source.id, targetId: target.id, ports: "22", encryption: "NONE", status: "DENIED" },
      { mapId: map.id, sourceId: target.id, targetId: source.id, ports: "443", encryption: "TLS", status: "OBSERVED" },
    ],
  });
  const submittedAt = new Date(Date.now() - 9 * 86_400_000);
  const change = await db.change.create({
    data: {
      title: `Figures change ${uniqueSuffix()}`,
      requesterId: netops.id,
      contentHash: "test",
      track: "CAB",
      state: "CAB_REVIEW",
      submittedAt,
    },
  });
  await db.changeTransition.create({
    data: { changeId: change.id, from: "SUBMITTED", to: "CAB_REVIEW", actorId: netops.id, createdAt: submittedAt },
  });
  const done = await db.change.create({
    data: {
      title: `Figures done ${uniqueSuffix()}`,
      requesterId: netops.id,
      contentHash: "test",
      track: "PRE_APPROVED",
      state: "VERIFIED",
      submittedAt,
      implementedAt: new Date(submittedAt.getTime() + 30 * 3_600_000),
    },
  });
  await db.changeApproval.createMany({
    data: [
      { changeId: done.id, userId: netops.id, team: "NETOPS", decision: "APPROVE", contentHash: "test" },
      { changeId: done.id, userId: secops.id, team: "SECOPS", decision: "APPROVE", contentHash: "test" },
    ],
  });
  return { netops, secops, surface, change };
}

describe("the program figures behind the dashboards", () => {
  it("equal a recomputation from the records, however the records were written", async () => {
    const { netops, surface, change } = await writeProgramRecords();
    const first = await whenQuiet(currentFigures);
    expect(first.actual).toEqual(first.expected);
    expect(first.actual.queues.NETOPS.surfacesAwaitingSignOff.some((entry) => entry.id === surface.id)).toBe(true);
    expect(first.actual.cabEntries.some((entry) => entry.changeId === change.id)).toBe(true);

    // Written by hand, past every service: the database itself notes the write.
    await db.$executeRaw`UPDATE "FlowEdge" SET encryption = 'TLS' WHERE "mapId" = (SELECT id FROM "FlowMap" WHERE "surfaceId" = ${surface.id}::uuid) AND ports = '5432'`;
    expect(await figuresAreCurrent()).toBe(false);
    await db.surfaceSignOff.create({ data: { surfaceId: surface.id, version: 1, contentHash: "test", userId: netops.id, team: "NETOPS" } });
    const second = await whenQuiet(currentFigures);
    expect(second.actual).toEqual(second.expected);
    expect(second.actual.queues.NETOPS.surfacesAwaitingSignOff.some((entry) => entry.id === surface.id)).toBe(false);
    expect(second.actual.queues.SECOPS.surfacesAwaitingSignOff.some((entry) => entry.id === surface.id)).toBe(true);
  });

  it("are read from the store, not recomputed, while nothing they count is written", async () => {
    await writeProgramRecords();
    await refreshFigures();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const recomputed = await figuresReads("recomputed");
      const currentBefore = await figuresAreCurrent();
      await currentFigures();
      // Only meaningful when no other test wrote meanwhile; the figures stay current until a write.
      if (currentBefore && (await figuresAreCurrent())) {
        expect(await figuresReads("recomputed")).toBe(recomputed);
        return;
      }
      await refreshFigures();
    }
    throw new Error("The database never stayed still long enough to read the stored figures.");
  });

  it("give the dashboards exactly what the indicator formulas compute on the same records", async () => {
    const viewer = await createTestUser("LEADERSHIP", ["EXECUTIVE"]);
    await writeProgramRecords();
    const { expected, actual } = await whenQuiet(async () => ({
      executive: await getDashboard(contextFor(viewer)),
      netops: await getTeamDashboard(contextFor(viewer), "NETOPS"),
    }));
    for (const indicator of INDICATORS) {
      const view = actual.executive.indicators.find((entry) => entry.key === indicator.key)!;
      expect({ key: indicator.key, value: view.value, detail: view.detail }).toEqual({
        key: indicator.key,
        ...expected.indicators[indicator.key],
      });
    }
    expect(actual.executive.counts).toEqual(expected.counts);
    expect(actual.executive.attention.stalledCab).toEqual(stalledFromEntries(expected.cabEntries, new Date(actual.executive.generatedAt)));
    expect(actual.executive.attention.stalledCab.length).toBeGreaterThan(0);
    expect(actual.netops.surfacesAwaitingSignOff).toEqual(expected.queues.NETOPS.surfacesAwaitingSignOff);
    expect(actual.netops.changesAwaitingApproval).toEqual(expected.queues.NETOPS.changesAwaitingApproval);
  });
});

describe("background refreshes of the program figures", () => {
  it("come every 5 s while a refresh is cheap, less often as it grows, and never past half the staleness a view accepts", () => {
    expect(refreshIntervalMs(0)).toBe(5_000);
    expect(refreshIntervalMs(80)).toBe(5_000);
    expect(refreshIntervalMs(1_500)).toBe(15_000);
    expect(refreshIntervalMs(2_900)).toBe(29_000);
    expect(refreshIntervalMs(12_000)).toBe(30_000);
  });
});

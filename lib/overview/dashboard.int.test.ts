import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { INDICATORS } from "@/lib/metrics/indicators";
import { getDashboard, getIndicatorDrilldown, getTeamDashboard } from "./service";

async function restrictedSurfaceWithPlainFlow() {
  const author = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const surface = await db.protectSurface.create({
    data: {
      name: `Vault ${uniqueSuffix()}`,
      classification: "RESTRICTED",
      criticality: "CRITICAL",
      contentHash: "test",
      createdById: author.id,
      status: "IN_REVIEW",
    },
  });
  const map = await db.flowMap.create({ data: { surfaceId: surface.id } });
  const zone = await db.flowNode.create({ data: { mapId: map.id, kind: "ZONE", label: "vault zone" } });
  const client = await db.flowNode.create({ data: { mapId: map.id, kind: "WORKLOAD", label: "batch job" } });
  const store = await db.flowNode.create({ data: { mapId: map.id, kind: "DATASTORE", label: "vault db", zoneId: zone.id } });
  const plain = await db.flowEdge.create({
    data: { mapId: map.id, sourceId: client.id, targetId: store.id, ports: "5432", encryption: "NONE", status: "APPROVED" },
  });
  const denied = await db.flowEdge.create({
    data: { mapId: map.id, sourceId: client.id, targetId: store.id, ports: "22", encryption: "NONE", status: "DENIED" },
  });
  return { surface, plain, denied };
}

describe("the dashboard", () => {
  it("drills from unencrypted flows into Restricted surfaces to the flows themselves, linked to their map", async () => {
    const viewer = await createTestUser("LEADERSHIP", ["EXECUTIVE"]);
    const { surface, plain, denied } = await restrictedSurfaceWithPlainFlow();
    const { indicator, rows } = await getIndicatorDrilldown(contextFor(viewer), "flows.unencrypted_sensitive");
    expect(indicator.value).toBeGreaterThanOrEqual(1);
    const row = rows.find((entry) => entry.id === plain.id)!;
    expect(row).toMatchObject({ entity: "flow", counted: true, mapHref: `/surfaces/${surface.id}/map` });
    expect(row.cells).toMatchObject({
      Surface: surface.name,
      Flow: "batch job → vault db",
      Encryption: "None",
      Classification: "Restricted",
    });
    expect(rows.some((entry) => entry.id === denied.id)).toBe(false);
    const crossing = await getIndicatorDrilldown(contextFor(viewer), "flows.denied_cross_zone");
    expect(crossing.rows.some((entry) => entry.id === denied.id)).toBe(true);
    await expect(getIndicatorDrilldown(contextFor(viewer), "no.such_indicator")).rejects.toThrow(NotFoundError);
  });

  it("shows every indicator with its formula and the surface in both teams' queues", async () => {
    const viewer = await createTestUser("LEADERSHIP", ["EXECUTIVE"]);
    const { surface } = await restrictedSurfaceWithPlainFlow();
    const dashboard = await getDashboard(contextFor(viewer));
    expect(dashboard.indicators.map((indicator) => indicator.key)).toEqual(INDICATORS.map((indicator) => indicator.key));
    expect(dashboard.indicators.every((indicator) => indicator.formula.length > 0)).toBe(true);
    expect(dashboard.counts.surfaces).toBeGreaterThanOrEqual(1);
    const netops = await getTeamDashboard(contextFor(viewer), "NETOPS");
    expect(netops.surfacesAwaitingSignOff.some((entry) => entry.id === surface.id)).toBe(true);
    await db.surfaceSignOff.create({ data: { surfaceId: surface.id, version: 1, contentHash: "test", userId: viewer.id, team: "NETOPS" } });
    expect((await getTeamDashboard(contextFor(viewer), "NETOPS")).surfacesAwaitingSignOff.some((entry) => entry.id === surface.id)).toBe(
      false,
    );
    expect((await getTeamDashboard(contextFor(viewer), "SECOPS")).surfacesAwaitingSignOff.some((entry) => entry.id === surface.id)).toBe(
      true,
    );
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getDashboard } from "@/lib/overview/service";
import { contextFor, createTestUser } from "@/lib/test/factories";
import { createLedgerSurface } from "./ledger-fixture";
import { toYamlDocuments } from "./generate";
import { checkPolicyDrift, getSurfacePolicy } from "./service";

/** A surface whose protected ledger accepts the app on 5432 (approved). */
async function ledgerSurface() {
  const { netops, surface } = await createLedgerSurface({ name: "Drifting ledger" });
  const generated = await getSurfacePolicy(contextFor(netops), surface.id, "kubernetes");
  const clean = toYamlDocuments(generated.documents);
  const [widened] = structuredClone(generated.documents) as { spec: { ingress: unknown[] } }[];
  widened!.spec.ingress.push({ from: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 22 }] });
  return { netops, surface, clean, drifting: toYamlDocuments([widened]) };
}

describe("drift checks kept per surface and target", () => {
  it("records each check with its time, keeps when the drift began while it lasts, and clears it once in sync", async () => {
    const { netops, surface, clean, drifting } = await ledgerSurface();
    const first = await checkPolicyDrift(contextFor(netops), surface.id, { target: "kubernetes", policy: drifting });
    expect(first.recorded).toMatchObject({ driftSince: first.recorded!.checkedAt });
    const second = await checkPolicyDrift(contextFor(netops), surface.id, { target: "kubernetes", policy: drifting });
    expect(second.recorded!.driftSince).toBe(first.recorded!.driftSince);
    expect(second.recorded!.id).not.toBe(first.recorded!.id);
    const fixed = await checkPolicyDrift(contextFor(netops), surface.id, { target: "kubernetes", policy: clean });
    expect(fixed.recorded!.driftSince).toBeNull();

    const rows = await db.policyDriftCheck.findMany({ where: { surfaceId: surface.id }, orderBy: { checkedAt: "asc" } });
    expect(rows.map((row) => [row.target, row.excess, row.missing])).toEqual([
      ["kubernetes", 1, 0],
      ["kubernetes", 1, 0],
      ["kubernetes", 0, 0],
    ]);
    expect((rows[0]!.report as { excess: Array<{ description: string }> }).excess[0]!.description).toContain("TCP port 22");
    const audits = await db.auditEvent.findMany({ where: { action: "policy.drift.record", entityId: surface.id } });
    expect(audits).toHaveLength(3);
    expect(audits.every((audit) => audit.actorId === netops.id)).toBe(true);
  });

  it("lets a viewer compare without recording anything", async () => {
    const { surface, drifting } = await ledgerSurface();
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    const report = await checkPolicyDrift(contextFor(viewer), surface.id, { target: "kubernetes", policy: drifting });
    expect(report.excess).toHaveLength(1);
    expect(report.recorded).toBeNull();
    expect(await db.policyDriftCheck.count({ where: { surfaceId: surface.id } })).toBe(0);
  });

  it("puts drift older than the configured days on leadership's attention list and counts the surface as drifting", async () => {
    const { netops, surface, drifting } = await ledgerSurface();
    await checkPolicyDrift(contextFor(netops), surface.id, { target: "kubernetes", policy: drifting });
    const executive = await createTestUser("LEADERSHIP", ["EXECUTIVE"]);
    const fresh = await getDashboard(contextFor(executive));
    expect(fresh.attention.policyDrift.some((entry) => entry.surfaceId === surface.id)).toBe(false);
    const indicator = fresh.indicators.find((view) => view.key === "policy.surfaces_drifting")!;
    expect(indicator.value).toBeGreaterThanOrEqual(1);

    // Ten days on (POLICY_DRIFT_ATTENTION_DAYS is 7 by default): still drifting, now leadership's business.
    await db.policyDriftCheck.updateMany({
      where: { surfaceId: surface.id },
      data: { driftSince: new Date(Date.now() - 10 * 86_400_000) },
    });
    const later = await getDashboard(contextFor(executive));
    expect(later.attention.policyDrift.find((entry) => entry.surfaceId === surface.id)).toMatchObject({
      surfaceName: surface.name,
      target: "kubernetes",
      days: 10,
    });
  });
});

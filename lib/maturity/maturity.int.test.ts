import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import type { TActor } from "@/lib/auth/actor";
import { createAssessment, ensureBuiltInCatalogs, getAssessment, listAssessments, updateScore } from "./service";

let netops: TActor;
let secops: TActor;

beforeAll(async () => {
  await ensureBuiltInCatalogs();
  netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
});

async function newAssessment(assessedOn = "2026-03-01") {
  return createAssessment(contextFor(netops), {
    title: `Assessment ${uniqueSuffix()}`,
    assessedOn,
    netopsAssessorId: netops.id,
    secopsAssessorId: secops.id,
  });
}

describe("maturity assessments", () => {
  it("creates a dated assessment over the whole catalog, audited", async () => {
    const created = await newAssessment();
    expect(created.counts).toMatchObject({ total: 22 + 18, agreed: 0, disputed: 0 });
    expect(created.catalog).toMatchObject({ key: "cisa-ztmm", version: "2.0" });
    expect(await db.auditEvent.count({ where: { entityId: created.id, action: "maturity.assessment.create" } })).toBe(1);
    expect((await listAssessments(contextFor(netops))).some((entry) => entry.id === created.id)).toBe(true);
  });

  it("refuses assessors from the wrong team", async () => {
    await expect(
      createAssessment(contextFor(netops), {
        title: "Wrong",
        assessedOn: "2026-03-01",
        netopsAssessorId: secops.id,
        secopsAssessorId: secops.id,
      }),
    ).rejects.toThrow(ValidationError);
  });

  it("is disputed while the two teams' stages differ and agreed once they match", async () => {
    const { id } = await newAssessment();
    const key = "networks.network-segmentation";
    expect((await updateScore(contextFor(netops), id, key, { stage: "ADVANCED" })).status).toBe("awaiting_secops");
    const disputed = await updateScore(contextFor(secops), id, key, {
      stage: "INITIAL",
      targetStage: "OPTIMAL",
      targetDate: "2027-06-30",
      evidence: "Micro-segmentation on payments only",
    });
    expect(disputed).toMatchObject({
      netopsStage: "ADVANCED",
      secopsStage: "INITIAL",
      status: "disputed",
      currentStage: null,
      targetStage: "OPTIMAL",
    });
    expect((await getAssessment(contextFor(netops), id)).counts.disputed).toBe(1);
    const agreed = await updateScore(contextFor(secops), id, key, { stage: "ADVANCED" });
    expect(agreed).toMatchObject({ status: "agreed", currentStage: "ADVANCED", evidence: "Micro-segmentation on payments only" });
    expect(agreed.indicators.map((indicator) => indicator.key)).toContain("flows.explicit_share");
    expect(
      await db.auditEvent.count({ where: { action: "maturity.score", after: { path: ["functionKey"], equals: key } } }),
    ).toBeGreaterThanOrEqual(3);
  });

  it("lets only the named assessors score, and only catalog items", async () => {
    const { id } = await newAssessment();
    const stranger = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    await expect(updateScore(contextFor(stranger), id, "identity.authentication", { stage: "INITIAL" })).rejects.toThrow(ForbiddenError);
    await expect(updateScore(contextFor(viewer), id, "identity.authentication", { stage: "INITIAL" })).rejects.toThrow(ForbiddenError);
    await expect(updateScore(contextFor(netops), id, "identity.teleportation", { stage: "INITIAL" })).rejects.toThrow(NotFoundError);
  });

  it("compares with the previous assessment and carries targets over", async () => {
    // Days no other run uses, so the shared database holds nothing between them.
    const start = Date.UTC(1800, 0, 1) + Math.floor(Math.random() * 15_000) * 2 * 86_400_000;
    const older = await newAssessment(new Date(start).toISOString().slice(0, 10));
    await updateScore(contextFor(netops), older.id, "data.data-encryption", {
      stage: "INITIAL",
      targetStage: "ADVANCED",
      targetDate: new Date(start + 86_400_000).toISOString().slice(0, 10),
    });
    await updateScore(contextFor(secops), older.id, "data.data-encryption", { stage: "INITIAL" });
    const olderDetail = await getAssessment(contextFor(netops), older.id);
    expect(olderDetail.scores.find((score) => score.functionKey === "data.data-encryption")!.overdue).toBe(true);
    const newer = await newAssessment(new Date(start + 86_400_000).toISOString().slice(0, 10));
    const detail = await getAssessment(contextFor(netops), newer.id);
    expect(detail.previous?.id).toBe(older.id);
    const row = detail.scores.find((score) => score.functionKey === "data.data-encryption")!;
    expect(row).toMatchObject({ previousStage: "INITIAL", delta: null, targetStage: "ADVANCED", netopsStage: null, status: "unscored" });
    expect(detail.pillars.find((pillar) => pillar.pillarKey === "data")!.previous).toBe(1);
  });
});

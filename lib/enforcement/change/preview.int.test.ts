import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { createScopedRule } from "@/lib/changes/test-fixtures";
import { ZCreateChange } from "@/lib/changes/schemas";
import { createChange } from "@/lib/changes/service";
import { submitChange } from "@/lib/changes/workflow";
import { ZImportQuery } from "@/lib/discovery/schemas";
import { importFlowLog } from "@/lib/discovery/service";
import { contextFor, uniqueSuffix } from "@/lib/test/factories";
import { createLedgerSurface } from "../ledger-fixture";
import { getChangePolicyPreview } from "./service";

const V2_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";
const now = Math.floor(Date.now() / 1000) - 3600;
const vpcLine = (source: string, destination: string, port: number, offset: number) =>
  `2 123456789012 eni-0a1b2c3d4e ${source} ${destination} ${40000 + offset} ${port} 6 10 840 ${now + offset} ${now + offset + 60} ACCEPT OK`;

/** A surface whose protected ledger accepts the app on 5432 (approved), with observed traffic on it. */
async function observedSurface(connections: number) {
  const { netops, surface, ledger, app, edge } = await createLedgerSurface({
    name: "Ledger",
    addresses: { ledger: "10.20.0.5", app: "10.20.0.9" },
  });
  if (connections > 0) {
    const lines = [V2_HEADER, ...Array.from({ length: connections }, (_, index) => vpcLine("10.20.0.9", "10.20.0.5", 5432, index))];
    await importFlowLog(contextFor(netops), surface.id, ZImportQuery.parse({ format: "vpc" }), Readable.from([`${lines.join("\n")}\n`]));
  }
  return { netops, surface, ledger, app, edge };
}

async function removalOf(setup: Awaited<ReturnType<typeof observedSurface>>, environment: string) {
  return createChange(
    contextFor(setup.netops),
    ZCreateChange.parse({
      title: "Retire the ledger port",
      surfaceIds: [setup.surface.id],
      environment,
      operations: [{ kind: "REMOVE", surfaceId: setup.surface.id, edgeId: setup.edge.id }],
      implementationPlan: "apply",
      verificationPlan: "probe",
      rollbackPlan: "revert",
    }),
  );
}

describe("the policy a change would produce", () => {
  it("shows the removed rule per target and counts the observed connections it would drop", async () => {
    const setup = await observedSurface(6);
    const change = await removalOf(setup, `impact-${uniqueSuffix()}`);
    const preview = await getChangePolicyPreview(contextFor(setup.netops), change.id, 30);
    expect(preview).toMatchObject({ applied: false, days: 30, wouldDropConnections: 6 });
    const [surface] = preview.surfaces;
    expect(surface!.impact.newlyDropped).toMatchObject({
      connections: 6,
      kinds: 1,
      examples: [{ source: "Ledger app", destination: "Ledger DB", protocol: "TCP", port: 5432, connections: 6 }],
    });
    const cilium = surface!.targets.find((target) => target.target === "cilium")!;
    const removed = cilium.files.flatMap((file) => file.hunks.flatMap((hunk) => hunk.lines)).filter((line) => line.kind === "removed");
    expect(removed.map((line) => line.text).join("\n")).toContain('port: "5432"');
  });

  it("makes 'would drop observed traffic' a fact that sends the change to the CAB, and not without observations", async () => {
    const environment = `impact-${uniqueSuffix()}`;
    const observed = await observedSurface(3);
    await createScopedRule(observed.netops, environment, "FORCE_CAB", { fact: "wouldDropObservedTraffic", op: "eq", value: true });
    const dropping = await submitChange(contextFor(observed.netops), (await removalOf(observed, environment)).id);
    expect(dropping.track).toBe("CAB");
    const stored = await db.change.findUniqueOrThrow({ where: { id: dropping.id }, select: { classification: true } });
    const hit = (stored.classification as { matched: Array<{ factsUsed: Record<string, unknown> }> }).matched.find(
      (candidate) => "wouldDropObservedTraffic" in candidate.factsUsed,
    );
    expect(hit?.factsUsed).toMatchObject({ wouldDropObservedTraffic: true });

    const quiet = await observedSurface(0);
    const silent = await submitChange(contextFor(quiet.netops), (await removalOf(quiet, environment)).id);
    const quietStored = await db.change.findUniqueOrThrow({ where: { id: silent.id }, select: { classification: true } });
    expect(
      (quietStored.classification as { matched: Array<{ factsUsed: Record<string, unknown> }> }).matched.some(
        (candidate) => "wouldDropObservedTraffic" in candidate.factsUsed,
      ),
    ).toBe(false);
  });

  it("needs a signed-in reader, names a change that does not exist, and calls a verified change applied", async () => {
    const setup = await observedSurface(0);
    const change = await removalOf(setup, `impact-${uniqueSuffix()}`);
    await expect(getChangePolicyPreview({ actor: null, requestId: "test" }, change.id, 30)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getChangePolicyPreview(contextFor(setup.netops), crypto.randomUUID(), 30)).rejects.toBeInstanceOf(NotFoundError);
    await db.change.update({ where: { id: change.id }, data: { verifiedAt: new Date() } });
    expect(await getChangePolicyPreview(contextFor(setup.netops), change.id, 30)).toEqual({
      changeId: change.id,
      applied: true,
      days: 30,
      surfaces: [],
      wouldDropConnections: 0,
    });
  });
});

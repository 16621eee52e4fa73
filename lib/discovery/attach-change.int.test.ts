import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createNode } from "@/lib/maps/service";
import { getChange } from "@/lib/changes/read";
import { submitChange } from "@/lib/changes/workflow";
import { attachGhostsToChange, listDraftsForGhosts } from "./attach-change";
import { importFlowLog } from "./service";

const start = Math.floor(Date.now() / 1000) - 3600;
const line = (source: string, destination: string, port: number, action = "ACCEPT") =>
  `2 123456789012 eni-0a1b2c3d4e ${source} ${destination} 40000 ${port} 6 10 840 ${start} ${start + 60} ${action} OK`;

async function observedSurface() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const surface = await db.protectSurface.create({
    data: { name: `Attach ${uniqueSuffix()}`, classification: "INTERNAL", criticality: "LOW", contentHash: "test", createdById: netops.id },
  });
  const context = contextFor(netops);
  const web = await createNode(context, surface.id, { kind: "WORKLOAD", label: "web", addresses: ["10.0.0.10"] });
  const store = await createNode(context, surface.id, { kind: "DATASTORE", label: "db", addresses: ["10.0.1.0/24"] });
  const log = [line("10.0.0.10", "10.0.1.7", 5432), line("10.0.0.10", "10.0.1.7", 22), line("10.0.0.10", "10.0.1.7", 3306, "REJECT")];
  await importFlowLog(context, surface.id, { format: "vpc", source: "test", strict: false }, Readable.from([Buffer.from(log.join("\n"))]));
  const ghost = (port: number) => ({ sourceId: web.id, targetId: store.id, protocol: "TCP" as const, port });
  return { netops, context, surface, ghost };
}

describe("attaching observed flows to a draft change", () => {
  it("creates a draft with an ADD operation per ghost edge, then adds more to it once, each edit audited", async () => {
    const { context, surface, ghost } = await observedSurface();
    const created = await attachGhostsToChange(context, surface.id, {
      ghosts: [ghost(5432)],
      title: "Observed database flows",
      justification: "",
    });
    expect(created).toMatchObject({ added: 1, created: true });
    expect(await listDraftsForGhosts(context, surface.id)).toEqual([
      { id: created.changeId, number: created.changeNumber, title: "Observed database flows" },
    ]);

    const again = await attachGhostsToChange(context, surface.id, {
      ghosts: [ghost(5432), ghost(22)],
      changeId: created.changeId,
      justification: "seen every night",
    });
    expect(again).toMatchObject({ changeId: created.changeId, added: 1, created: false });
    const { change } = await getChange(context, created.changeId);
    expect(change.state).toBe("DRAFT");
    expect(change.operations.map((operation) => [operation.kind, operation.after?.ports, operation.after?.justification])).toEqual([
      ["ADD", "5432", expect.stringMatching(/^Observed: 1 connections/)],
      ["ADD", "22", "seen every night"],
    ]);
    const audits = await db.auditEvent.findMany({ where: { entityId: created.changeId }, select: { action: true } });
    expect(audits.map((audit) => audit.action).sort()).toEqual(["change.create", "change.update"]);
  });

  it("refuses denied-only traffic, flows no longer unmapped, someone else's draft and a submitted change", async () => {
    const { context, surface, ghost } = await observedSurface();
    await expect(
      attachGhostsToChange(context, surface.id, { ghosts: [ghost(3306)], title: "Denied", justification: "" }),
    ).rejects.toMatchObject({ status: 409, code: "denied_only" });
    await expect(
      attachGhostsToChange(context, surface.id, { ghosts: [ghost(9999)], title: "Never seen", justification: "" }),
    ).rejects.toMatchObject({ status: 409 });

    const { changeId } = await attachGhostsToChange(context, surface.id, { ghosts: [ghost(22)], title: "Mine", justification: "" });
    const other = contextFor(await createTestUser("SECOPS", ["CONTRIBUTOR"]));
    await expect(attachGhostsToChange(other, surface.id, { ghosts: [ghost(5432)], changeId, justification: "" })).rejects.toMatchObject({
      status: 403,
    });
    const viewer = contextFor(await createTestUser("SECOPS", ["VIEWER"]));
    await expect(
      attachGhostsToChange(viewer, surface.id, { ghosts: [ghost(5432)], title: "Viewer", justification: "" }),
    ).rejects.toMatchObject({
      status: 403,
    });

    await submitChange(context, changeId);
    await expect(attachGhostsToChange(context, surface.id, { ghosts: [ghost(5432)], changeId, justification: "" })).rejects.toMatchObject({
      status: 409,
      code: "not_draft",
    });
    expect((await getChange(context, changeId)).change.operations).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createEdge, createNode, updateNode } from "@/lib/maps/service";
import { Readable } from "node:stream";
import { importFlowLog, undoImport } from "./service";
import { loadReconciliation } from "./reconciliation";
import type { TStoredOverlay } from "./overlay-cache";

const start = Math.floor(Date.now() / 1000) - 3600;
const line = (source: string, destination: string, port: number) =>
  `2 123456789012 eni-0a1b2c3d4e ${source} ${destination} 40000 ${port} 6 10 840 ${start} ${start + 60} ACCEPT OK`;

async function surfaceWithMap() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const surface = await db.protectSurface.create({
    data: {
      name: `Overlay store ${uniqueSuffix()}`,
      classification: "INTERNAL",
      criticality: "LOW",
      contentHash: "test",
      createdById: netops.id,
    },
  });
  const context = contextFor(netops);
  const web = await createNode(context, surface.id, { kind: "WORKLOAD", label: "web", addresses: ["10.0.0.10"] });
  const store = await createNode(context, surface.id, { kind: "DATASTORE", label: "db", addresses: ["10.0.1.0/24"] });
  const drawn = await createEdge(context, surface.id, { sourceId: web.id, targetId: store.id, protocol: "TCP", ports: "5432" });
  return { netops, context, surface, web, store, drawn };
}

async function importLines(context: ReturnType<typeof contextFor>, surfaceId: string, lines: string[]) {
  return importFlowLog(
    context,
    surfaceId,
    { format: "vpc", source: "test", strict: false },
    Readable.from([Buffer.from(lines.join("\n"))]),
  );
}

async function storedRow(surfaceId: string) {
  return db.discoveryOverlay.findUnique({ where: { surfaceId } });
}

describe("the stored overlay", () => {
  it("is computed when an import finishes and then served from its row, until the map changes what resolves", async () => {
    const { context, surface, web, store, drawn } = await surfaceWithMap();
    await importLines(context, surface.id, [line("10.0.0.10", "10.0.1.7", 5432), line("10.0.0.10", "10.0.1.7", 22)]);
    const row = await storedRow(surface.id);
    expect(row?.result).not.toBeNull();
    expect((row?.result as TStoredOverlay).ghosts.map((ghost) => ghost.port)).toEqual([22]);

    // A read serves the stored row as it is: marked here so that a recomputation would show.
    const marked = { ...(row!.result as TStoredOverlay), observedPairs: 999 };
    await db.discoveryOverlay.update({ where: { surfaceId: surface.id }, data: { result: marked } });
    expect((await loadReconciliation(surface.id)).observedPairs).toBe(999);

    // Moving a node decides nothing: still served stored.
    await updateNode(context, surface.id, web.id, web.version, { x: 400, y: 120 });
    expect((await loadReconciliation(surface.id)).observedPairs).toBe(999);

    // A new address does: computed again (and stored for the next reader).
    await updateNode(context, surface.id, store.id, store.version, { addresses: ["10.9.0.0/16"] });
    const recomputed = await loadReconciliation(surface.id);
    expect(recomputed.observedPairs).toBe(2);
    expect(recomputed.flows.find((flow) => flow.edgeId === drawn.id)?.seen).toBe(false);
    expect(((await storedRow(surface.id))?.result as TStoredOverlay).observedPairs).toBe(2);
  });

  it("is dropped by an undo in its transaction and computed again after it", async () => {
    const { context, surface, drawn } = await surfaceWithMap();
    const admin = await createTestUser("SECOPS", ["ADMIN"]);
    const imported = await importLines(context, surface.id, [line("10.0.0.10", "10.0.1.7", 5432)]);
    const versionBefore = (await storedRow(surface.id))?.observedVersion ?? 0;
    expect((await loadReconciliation(surface.id)).flows.find((flow) => flow.edgeId === drawn.id)?.seen).toBe(true);
    await undoImport({ ...contextFor(admin), auth: { method: "session", sessionId: "test" } }, imported.id);
    const row = await storedRow(surface.id);
    expect(row?.observedVersion).toBe(versionBefore + 1);
    expect((row?.result as TStoredOverlay).flows).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { ZCreateSurface, ZUpdateSurface, type TSurface } from "@/lib/surfaces/schemas";
import { createSurface, signOffSurface, submitSurface, updateSurface } from "@/lib/surfaces/service";
import { placeElementsOnNewMap } from "./elements";
import { createEdge, createNode, getMap } from "./service";

const ELEMENTS = [
  { type: "DATA", name: "Card vault", classification: "RESTRICTED" },
  { type: "APPLICATION", name: "Checkout", classification: "CONFIDENTIAL" },
  { type: "ASSET", name: "POS terminal", classification: "INTERNAL" },
  { type: "SERVICE", name: "Tokenizer", classification: "RESTRICTED" },
] as const;

async function newSurface(elements: ReadonlyArray<(typeof ELEMENTS)[number]> = ELEMENTS) {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const surface = await createSurface(
    contextFor(netops),
    ZCreateSurface.parse({
      name: `Elements ${uniqueSuffix()}`,
      criticality: "HIGH",
      netopsOwnerId: netops.id,
      secopsOwnerId: secops.id,
      elements,
    }),
  );
  return { netops, secops, surface };
}

const editOf = (surface: TSurface, elements: Array<{ id?: string; type: string; name: string; classification: string }>) =>
  ZUpdateSurface.parse({
    name: surface.name,
    purpose: surface.purpose,
    criticality: surface.criticality,
    netopsOwnerId: surface.netopsOwner?.id ?? null,
    secopsOwnerId: surface.secopsOwner?.id ?? null,
    elements,
    version: surface.version,
  });

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.abs(a.x - b.x) < 184 && Math.abs(a.y - b.y) < 60;

describe("a new surface's map starts with its DAAS elements", () => {
  it("places every element as a member node, laid out without overlaps, audited, when a contributor first opens the map", async () => {
    const { netops, surface } = await newSurface();
    expect(await placeElementsOnNewMap(contextFor(netops), surface.id)).toBe(4);
    const map = await getMap(contextFor(netops), surface.id);
    expect(map.nodes.map((node) => [node.label, node.kind, node.daasElementId])).toEqual(
      surface.elements.map((element) => [element.name, expect.any(String), element.id]),
    );
    expect(map.nodes.map((node) => node.kind)).toEqual(["DATASTORE", "WORKLOAD", "DEVICE", "SERVICE"]);
    for (const [i, a] of map.nodes.entries()) for (const b of map.nodes.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    const audit = await db.auditEvent.findMany({ where: { entityId: map.mapId! }, select: { action: true, actorId: true } });
    expect(audit).toEqual([{ action: "map.batch.elements", actorId: netops.id }]);
    // Opening again places nothing more.
    expect(await placeElementsOnNewMap(contextFor(netops), surface.id)).toBe(0);
    expect((await getMap(contextFor(netops), surface.id)).version).toBe(1);
  });

  it("places them once when several contributors open the new map at the same moment", async () => {
    const { netops, secops, surface } = await newSurface();
    const placed = await Promise.all(
      [netops, secops, netops, secops].map((person) => placeElementsOnNewMap(contextFor(person), surface.id)),
    );
    expect(placed.sort()).toEqual([0, 0, 0, 4]);
    expect((await getMap(contextFor(netops), surface.id)).nodes).toHaveLength(4);
  });

  it("writes nothing for a viewer, nor on a map someone has already drawn on", async () => {
    const { netops, surface } = await newSurface();
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    expect(await placeElementsOnNewMap(contextFor(viewer), surface.id)).toBe(0);
    expect(await db.flowMap.count({ where: { surfaceId: surface.id } })).toBe(0);
    await createNode(contextFor(netops), surface.id, { kind: "USER_GROUP", label: "Cashiers" });
    expect(await placeElementsOnNewMap(contextFor(netops), surface.id)).toBe(0);
    expect((await getMap(contextFor(netops), surface.id)).nodes.map((node) => node.label)).toEqual(["Cashiers"]);
  });

  it("never reopens an agreed surface by placing its elements", async () => {
    const { netops, secops, surface } = await newSurface();
    await submitSurface(contextFor(netops), surface.id);
    await signOffSurface(contextFor(netops), surface.id);
    await signOffSurface(contextFor(secops), surface.id);
    expect(await placeElementsOnNewMap(contextFor(netops), surface.id)).toBe(4);
    expect((await db.protectSurface.findUniqueOrThrow({ where: { id: surface.id } })).status).toBe("AGREED");
  });
});

describe("the map keeps in step with the surface's elements", () => {
  it("adds elements added later beside the members, unlinks removed ones (keeping their flows) and follows renames", async () => {
    const { netops, surface } = await newSurface(ELEMENTS.slice(0, 2));
    await placeElementsOnNewMap(contextFor(netops), surface.id);
    const before = await getMap(contextFor(netops), surface.id);
    const [vault, checkout] = before.nodes;
    await createEdge(contextFor(netops), surface.id, {
      sourceId: checkout!.id,
      targetId: vault!.id,
      protocol: "TCP",
      ports: "5432",
      encryption: "TLS",
    });
    const [vaultElement, checkoutElement] = surface.elements;
    await updateSurface(
      contextFor(netops),
      surface.id,
      editOf(surface, [
        { id: checkoutElement!.id, type: "APPLICATION", name: "Checkout service", classification: "CONFIDENTIAL" },
        { type: "SERVICE", name: "Tokenizer", classification: "RESTRICTED" },
      ]),
    );
    const after = await getMap(contextFor(netops), surface.id);
    const byLabel = new Map(after.nodes.map((node) => [node.label, node]));
    expect([...byLabel.keys()].sort()).toEqual(["Card vault", "Checkout service", "Tokenizer"]);
    expect(byLabel.get("Card vault")!.daasElementId).toBeNull();
    expect(byLabel.get("Tokenizer")!.daasElementId).toBe(after.elements.find((element) => element.name === "Tokenizer")!.id);
    expect(after.edges).toHaveLength(1);
    for (const other of [byLabel.get("Card vault")!, byLabel.get("Checkout service")!])
      expect(overlap(byLabel.get("Tokenizer")!, other)).toBe(false);
    expect(vaultElement).toBeDefined();
    // Each step is a map event with an audit row, so the history and live viewers see it.
    const events = await db.mapEvent.findMany({
      where: { mapId: after.mapId!, mapVersion: { gt: before.version + 1 } },
      select: { kind: true },
    });
    expect(events.map((event) => event.kind).sort()).toEqual(["node.create", "node.update", "node.update"]);
  });

  it("leaves a map nobody opened yet alone: the first opening places everything", async () => {
    const { netops, surface } = await newSurface(ELEMENTS.slice(0, 1));
    await updateSurface(
      contextFor(netops),
      surface.id,
      editOf(surface, [...surface.elements, { type: "SERVICE", name: "Tokenizer", classification: "RESTRICTED" }]),
    );
    expect(await db.flowMap.count({ where: { surfaceId: surface.id } })).toBe(0);
    expect(await placeElementsOnNewMap(contextFor(netops), surface.id)).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createNode } from "./service";

describe("the first edit of an empty map", () => {
  it("eight people adding the first node at once all succeed, on one map", async () => {
    const people = await Promise.all(Array.from({ length: 8 }, () => createTestUser("NETOPS", ["CONTRIBUTOR"])));
    const surface = await db.protectSurface.create({
      data: {
        name: `First edit ${uniqueSuffix()}`,
        classification: "RESTRICTED",
        criticality: "HIGH",
        status: "DRAFT",
        contentHash: "test",
        createdById: people[0]!.id,
      },
    });
    const results = await Promise.allSettled(
      people.map((person, index) => createNode(contextFor(person), surface.id, { kind: "WORKLOAD", label: `node ${index}` })),
    );
    expect(
      results.filter((result) => result.status === "rejected").map((result) => String((result as PromiseRejectedResult).reason)),
    ).toEqual([]);
    const maps = await db.flowMap.findMany({ where: { surfaceId: surface.id }, include: { nodes: true } });
    expect(maps).toHaveLength(1);
    expect(maps[0]!.nodes).toHaveLength(8);
    // Every edit got its own map version: the writers queued on the one map row.
    expect(maps[0]!.version).toBe(8);
    const versions = results
      .map((result) => (result as PromiseFulfilledResult<{ mapVersion: number }>).value.mapVersion)
      .sort((a, b) => a - b);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

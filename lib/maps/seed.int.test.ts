import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "@/lib/seed";
import { flowWarnings } from "./model/appearance";
import { getMap } from "./service";
import { contextFor, createTestUser } from "@/lib/test/factories";

describe("demo maps", () => {
  it("draws believable maps with the gaps the dashboard points at, once, without reopening agreed surfaces", async () => {
    await seedDemo();
    await seedDemo();
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    const card = await db.protectSurface.findFirstOrThrow({ where: { name: "Card payments" } });
    expect(card.status).toBe("AGREED");
    const map = await getMap(contextFor(viewer), card.id);
    expect(map.nodes.some((node) => node.kind === "ZONE")).toBe(true);
    expect(map.nodes.filter((node) => node.daasElementId).length).toBe(map.elements.length);
    expect(map.edges.some((edge) => edge.status === "OBSERVED" && edge.connections !== null)).toBe(true);
    const classificationOf = (id: string) => map.elements.find((element) => element.id === id)?.classification;
    const codes = map.edges.flatMap((edge) =>
      flowWarnings(
        edge,
        map.nodes.find((node) => node.id === edge.targetId),
        classificationOf,
      ).map((warning) => warning.code),
    );
    expect(codes).toContain("unencrypted-sensitive");
    expect(codes).toContain("approved-unjustified");
    expect(map.edges.filter((edge) => edge.status === "APPROVED" && edge.encryption === "NONE").length).toBeGreaterThan(0);
    expect(
      await db.flowMap.count({
        where: { surface: { name: { in: ["Card payments", "Workforce identity", "HR records", "Data warehouse", "Trading platform"] } } },
      }),
    ).toBe(5);
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createNode } from "@/lib/maps/service";
import { ZCreateSurface } from "./schemas";
import { createSurface, signOffSurface, submitSurface } from "./service";

async function surfaceOwnedByBothTeams() {
  const author = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const surface = await createSurface(
    contextFor(author),
    ZCreateSurface.parse({
      name: `Notices ${uniqueSuffix()}`,
      criticality: "HIGH",
      netopsOwnerId: netops.id,
      secopsOwnerId: secops.id,
      elements: [{ type: "DATA", name: "Vault", classification: "RESTRICTED" }],
    }),
  );
  return { author, netops, secops, surface };
}

const inbox = async (userId: string, surfaceId: string) =>
  (await db.notification.findMany({ where: { userId, link: `/surfaces/${surfaceId}` }, orderBy: { createdAt: "asc" } })).map(
    (notification) => notification.type,
  );

describe("owners are told when their sign-off is needed", () => {
  it("on submission both owners, after the first sign-off the other owner, and nobody once agreed", async () => {
    const { author, netops, secops, surface } = await surfaceOwnedByBothTeams();
    await submitSurface(contextFor(author), surface.id);
    expect(await inbox(netops.id, surface.id)).toEqual(["surface.signoff_needed"]);
    expect(await inbox(secops.id, surface.id)).toEqual(["surface.signoff_needed"]);

    await signOffSurface(contextFor(netops), surface.id);
    expect(await inbox(netops.id, surface.id)).toEqual(["surface.signoff_needed"]);
    expect(await inbox(secops.id, surface.id)).toEqual(["surface.signoff_needed", "surface.signoff_needed"]);
    const [latest] = await db.notification.findMany({ where: { userId: secops.id }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(latest!.body).toContain(`${netops.name} (NetOps) signed off version 1`);

    await signOffSurface(contextFor(secops), surface.id);
    expect(await inbox(netops.id, surface.id)).toHaveLength(1);
    expect(await inbox(secops.id, surface.id)).toHaveLength(2);
    expect(await inbox(author.id, surface.id)).toEqual([]);
  });

  it("tells both owners when a map edit reopens the agreed surface, in the edit's transaction", async () => {
    const { author, netops, secops, surface } = await surfaceOwnedByBothTeams();
    await submitSurface(contextFor(author), surface.id);
    await signOffSurface(contextFor(netops), surface.id);
    await signOffSurface(contextFor(secops), surface.id);
    await createNode(contextFor(author), surface.id, { kind: "WORKLOAD", label: "New workload" });
    const reopened = await db.notification.findMany({ where: { type: "surface.reopened", link: `/surfaces/${surface.id}` } });
    expect(reopened.map((notification) => notification.userId).sort()).toEqual([netops.id, secops.id].sort());
    expect(reopened[0]!.body).toMatch(/^Flow map edited \(map version 1\)\. Both sign-offs were voided: version 2 needs/);
  });
});

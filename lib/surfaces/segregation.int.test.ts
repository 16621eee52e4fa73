import { describe, expect, it } from "vitest";
import { db, type Role, type Team } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { addDelegate } from "./collaboration";
import { ZCreateSurface } from "./schemas";
import { createSurface, getSurface, signOffSurface, submitSurface, updateSurface, withdrawSignOff } from "./service";

/**
 * Segregation of duties for protect-surface agreement, through the services and the database: each
 * team signs for itself, one person never signs twice, and an edit voids what was signed. Every
 * refusal is checked twice: the error, and that no sign-off or audit row was written.
 */

/** What the next request sees after an administrator changed this person's team or roles. */
async function reassign(person: TActor, change: { team?: Team; roles?: Role[] }): Promise<TActor> {
  const user = await db.user.update({ where: { id: person.id }, data: change });
  return { id: user.id, email: user.email, name: user.name, team: user.team, roles: user.roles };
}

async function inReview() {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const input = ZCreateSurface.parse({
    name: `Surface ${uniqueSuffix()}`,
    criticality: "HIGH",
    elements: [{ type: "DATA", name: "Ledger", classification: "CONFIDENTIAL" }],
    netopsOwnerId: netops.id,
    secopsOwnerId: secops.id,
  });
  const created = await createSurface(contextFor(netops), input);
  const surface = await submitSurface(contextFor(netops), created.id);
  expect(surface.status).toBe("IN_REVIEW");
  return { netops, secops, surface, input };
}

async function written(surfaceId: string) {
  const surface = await db.protectSurface.findUniqueOrThrow({ where: { id: surfaceId } });
  return {
    status: surface.status,
    signOffs: await db.surfaceSignOff.count({ where: { surfaceId } }),
    audited: await db.auditEvent.count({ where: { entityId: surfaceId, action: { in: ["surface.signoff", "surface.agree"] } } }),
  };
}

describe("protect surface agreement: segregation of duties at the service", () => {
  it("one person never signs for both teams, even after moving team and taking over the other ownership", async () => {
    const { netops, surface } = await inReview();
    await signOffSurface(contextFor(netops), surface.id);
    const moved = await reassign(netops, { team: "SECOPS" });
    await db.protectSurface.update({ where: { id: surface.id }, data: { secopsOwnerId: moved.id } });
    await expect(signOffSurface(contextFor(moved), surface.id)).rejects.toThrow(/already signed off/);
    expect(await written(surface.id)).toEqual({ status: "IN_REVIEW", signOffs: 1, audited: 1 });
  });

  it("one person never signs twice through a delegation for the team they signed for", async () => {
    const { netops, secops, surface } = await inReview();
    const delegate = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    await addDelegate(contextFor(secops), surface.id, delegate.id);
    await signOffSurface(contextFor(delegate), surface.id);
    // The owner of the same team cannot add a second SecOps sign-off.
    await expect(signOffSurface(contextFor(secops), surface.id)).rejects.toThrow(/SecOps has already signed off/);
    expect(await written(surface.id)).toEqual({ status: "IN_REVIEW", signOffs: 1, audited: 1 });
    expect((await signOffSurface(contextFor(netops), surface.id)).status).toBe("AGREED");
  });

  it("no one signs for a team they do not belong to: an owner who moved team is refused", async () => {
    const { netops, secops, surface } = await inReview();
    const movedToNetOps = await reassign(secops, { team: "NETOPS" });
    await expect(signOffSurface(contextFor(movedToNetOps), surface.id)).rejects.toThrow(/other team/);
    expect(await written(surface.id)).toEqual({ status: "IN_REVIEW", signOffs: 0, audited: 0 });
    const signed = await signOffSurface(contextFor(netops), surface.id);
    expect(signed).toMatchObject({ status: "IN_REVIEW", waitingOn: ["SECOPS"] });
    expect(await db.surfaceSignOff.findMany({ where: { surfaceId: surface.id }, select: { userId: true, team: true } })).toEqual([
      { userId: netops.id, team: "NETOPS" },
    ]);
  });

  it("a delegate who moved team no longer signs, for either team", async () => {
    const { netops, surface } = await inReview();
    const delegate = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    await addDelegate(contextFor(netops), surface.id, delegate.id);
    const moved = await reassign(delegate, { team: "SECOPS" });
    await expect(signOffSurface(contextFor(moved), surface.id)).rejects.toThrow(/Only the SecOps owner/);
    expect(await written(surface.id)).toEqual({ status: "IN_REVIEW", signOffs: 0, audited: 0 });
  });

  it("someone who is neither owner nor delegate is refused, and so is an owner who lost the contributor role", async () => {
    const { netops, surface } = await inReview();
    const stranger = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    await expect(signOffSurface(contextFor(stranger), surface.id)).rejects.toThrow(/Only the NetOps owner/);
    const viewer = await reassign(netops, { roles: ["VIEWER"] });
    await expect(signOffSurface(contextFor(viewer), surface.id)).rejects.toThrow(ForbiddenError);
    expect(await written(surface.id)).toEqual({ status: "IN_REVIEW", signOffs: 0, audited: 0 });
  });

  it("an edit voids the sign-offs in the database; a sign-off on the new version does not agree with the voided one", async () => {
    const { netops, secops, surface, input } = await inReview();
    await signOffSurface(contextFor(netops), surface.id);
    const current = await getSurface(contextFor(secops), surface.id);
    const edit = { ...input, criticality: "CRITICAL" as const, elements: current.elements, version: current.version };
    const edited = await updateSurface(contextFor(secops), surface.id, edit);
    expect(edited).toMatchObject({ status: "IN_REVIEW", version: 2, waitingOn: ["NETOPS", "SECOPS"] });
    expect(await db.surfaceSignOff.count({ where: { surfaceId: surface.id, voidedAt: null } })).toBe(0);
    const afterSecOps = await signOffSurface(contextFor(secops), surface.id);
    expect(afterSecOps).toMatchObject({ status: "IN_REVIEW", waitingOn: ["NETOPS"] });
    expect((await signOffSurface(contextFor(netops), surface.id)).status).toBe("AGREED");
  });

  it("an agreed version's sign-offs cannot be withdrawn", async () => {
    const { netops, secops, surface } = await inReview();
    await signOffSurface(contextFor(netops), surface.id);
    await signOffSurface(contextFor(secops), surface.id);
    await expect(withdrawSignOff(contextFor(secops), surface.id)).rejects.toThrow(RuleViolationError);
    expect(await db.surfaceSignOff.count({ where: { surfaceId: surface.id, withdrawnAt: null, voidedAt: null } })).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { db, type Prisma, type Role, type Team } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { actOnMeeting, createMeeting, reviewRetrospective } from "@/lib/cab/service";
import type { TCreateChange } from "@/lib/changes/schemas";
import { createChange, updateChange } from "@/lib/changes/service";
import { createScopedRule, createSurfaceWithMap } from "@/lib/changes/test-fixtures";
import { submitChange, transitionChange, voteOnChange } from "@/lib/changes/workflow";
import { addDelegate, removeDelegate } from "@/lib/surfaces/collaboration";
import { replaceSurfaceOwner } from "@/lib/surfaces/ownership";
import { ZCreateSurface } from "@/lib/surfaces/schemas";
import { createSurface, getSurface, listVersions, signOffSurface, submitSurface, updateSurface } from "@/lib/surfaces/service";

/**
 * The joint decisions of the change workflow, surface ownership and the CAB's retrospective
 * review, tried the way someone deciding alone would try them. Every refusal is checked for its
 * status, its message, and that nothing was written.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type TProbe = () => Promise<unknown>;

/** Runs `action`, expects it refused with `status` and a message matching `message`, and `probe` unchanged. */
async function refusedWithoutWriting(action: () => Promise<unknown>, status: number, message: RegExp, probe: TProbe) {
  const before = await probe();
  const error = await action().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the action should have been refused").toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  expect((error as AppError).message).toMatch(message);
  expect(await probe()).toEqual(before);
}

/** Everything a change decision writes: the row, its transitions, votes, audit rows and notifications. */
function changeWrites(id: string) {
  return async () => ({
    change: await db.change.findUniqueOrThrow({
      where: { id },
      select: { state: true, windowStart: true, windowEnd: true, contentHash: true, version: true, updatedAt: true },
    }),
    transitions: await db.changeTransition.count({ where: { changeId: id } }),
    liveApprovals: await db.changeApproval.count({ where: { changeId: id, voidedAt: null } }),
    audit: await db.auditEvent.count({ where: { entityId: id } }),
    notifications: await db.notification.count({ where: { link: `/changes/${id}` } }),
    mapEvents: await db.mapEvent.count({ where: { changeId: id } }),
  });
}

/** Everything a surface decision writes. */
function surfaceWrites(id: string) {
  return async () => ({
    surface: await db.protectSurface.findUniqueOrThrow({
      where: { id },
      select: { status: true, version: true, contentHash: true, netopsOwnerId: true, secopsOwnerId: true },
    }),
    signOffs: await db.surfaceSignOff.findMany({
      where: { surfaceId: id },
      select: { id: true, voidedAt: true, withdrawnAt: true },
      orderBy: { createdAt: "asc" },
    }),
    delegates: await db.surfaceDelegate.count({ where: { surfaceId: id } }),
    versions: await db.surfaceVersion.count({ where: { surfaceId: id } }),
    audit: await db.auditEvent.count({ where: { entityId: id } }),
    notifications: await db.notification.count({ where: { link: `/surfaces/${id}` } }),
  });
}

async function person(team: Team, roles: Role[]): Promise<TActor> {
  return createTestUser(team, roles);
}

const plans = { implementationPlan: "push policy", verificationPlan: "probe 443", rollbackPlan: "revert policy" };

function openFlow(
  surfaceId: string,
  sourceNodeId: string,
  targetNodeId: string,
  window: { start: Date; end: Date } | null,
  environment = `env-${uniqueSuffix()}`,
): TCreateChange {
  return {
    title: `Open a flow ${uniqueSuffix()}`,
    description: "",
    surfaceIds: [surfaceId],
    operations: [
      {
        kind: "ADD",
        surfaceId,
        sourceNodeId,
        targetNodeId,
        flow: {
          protocol: "TCP",
          ports: "443",
          appProtocol: "https",
          encryption: "MTLS",
          authentication: "CERTIFICATE",
          justification: "partner settlement",
        },
      },
    ],
    environment,
    ...plans,
    windowStart: window?.start ?? null,
    windowEnd: window?.end ?? null,
    ticketLinks: [],
    emergencyReason: null,
  };
}

async function board() {
  const requester = await person("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const netCab = await person("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const netCab2 = await person("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const secCab = await person("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const secCab2 = await person("SECOPS", ["CAB_MEMBER"]);
  return { requester, netCab, netCab2, secCab, secCab2 };
}

/** A CAB change approved by one member of each team, for the window given (or none). */
async function approvedChange(window: { start: Date; end: Date } | null) {
  const people = await board();
  const { surface, nodes, map } = await createSurfaceWithMap(people.requester);
  const change = await createChange(contextFor(people.requester), openFlow(surface.id, nodes.partner.id, nodes.api.id, window));
  await submitChange(contextFor(people.requester), change.id);
  await voteOnChange(contextFor(people.netCab), change.id, { decision: "APPROVE", comment: "" });
  const approved = await voteOnChange(contextFor(people.secCab), change.id, { decision: "APPROVE", comment: "" });
  expect(approved.state).toBe("APPROVED");
  return { ...people, surface, map, change: approved };
}

/** 4 May next year at 10:00 UTC: always ahead, and clear of the demo's year-end freeze should the seed share this database. */
function march(hours = 1) {
  const start = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 4, 4, 10));
  return { start, end: new Date(start.getTime() + hours * HOUR) };
}

describe("joint decisions: the window is part of what was approved", () => {
  it("refuses scheduling an approved change outside its approved window, writing nothing", async () => {
    const approvedFor = march(1);
    const { requester, change } = await approvedChange(approvedFor);
    const june = {
      start: new Date(approvedFor.start.getTime() + 90 * DAY),
      end: new Date(approvedFor.start.getTime() + 90 * DAY + 24 * HOUR),
    };
    const schedule = (window: { start: Date; end: Date }) => () =>
      transitionChange(contextFor(requester), change.id, {
        action: "schedule",
        reason: "",
        windowStart: window.start,
        windowEnd: window.end,
      });
    await refusedWithoutWriting(schedule(june), 409, /approved for .* lies outside that window/, changeWrites(change.id));
    // The obvious variations: a window that starts inside but runs over, one that starts early, one that swallows it.
    await refusedWithoutWriting(
      schedule({ start: approvedFor.start, end: new Date(approvedFor.end.getTime() + 1) }),
      409,
      /outside that window/,
      changeWrites(change.id),
    );
    await refusedWithoutWriting(
      schedule({ start: new Date(approvedFor.start.getTime() - HOUR), end: approvedFor.end }),
      409,
      /outside that window/,
      changeWrites(change.id),
    );
    await refusedWithoutWriting(
      schedule({ start: new Date(approvedFor.start.getTime() - HOUR), end: new Date(approvedFor.end.getTime() + HOUR) }),
      409,
      /outside that window/,
      changeWrites(change.id),
    );
    const stillApproved = await db.changeApproval.count({ where: { changeId: change.id, voidedAt: null } });
    expect(stillApproved).toBe(2);
  });

  it("schedules inside the approved window, and without a window given uses the approved one", async () => {
    const approvedFor = march(2);
    const narrowed = await approvedChange(approvedFor);
    const inside = { start: new Date(approvedFor.start.getTime() + 30 * 60_000), end: new Date(approvedFor.end.getTime() - 30 * 60_000) };
    const scheduled = await transitionChange(contextFor(narrowed.requester), narrowed.change.id, {
      action: "schedule",
      reason: "",
      windowStart: inside.start,
      windowEnd: inside.end,
    });
    expect(scheduled).toMatchObject({ state: "SCHEDULED", windowStart: inside.start.toISOString(), windowEnd: inside.end.toISOString() });

    const whole = await approvedChange(march(1));
    const asApproved = await transitionChange(contextFor(whole.requester), whole.change.id, { action: "schedule", reason: "" });
    expect(asApproved).toMatchObject({ state: "SCHEDULED", windowStart: whole.change.windowStart, windowEnd: whole.change.windowEnd });
  });

  it("moving the window means an edit: the approvals are void, both teams approve again, then it schedules", async () => {
    const { requester, netCab, secCab, change, surface } = await approvedChange(march(1));
    const june = { start: new Date(march().start.getTime() + 30 * DAY), end: new Date(march().start.getTime() + 31 * DAY) };
    const source = await db.flowOperation.findFirstOrThrow({ where: { changeId: change.id } });
    const after = source.after as { sourceId: string; targetId: string };
    const edited = await updateChange(contextFor(requester), change.id, {
      ...openFlow(surface.id, after.sourceId, after.targetId, june),
      title: change.title,
      environment: change.environment,
      version: change.version,
    });
    expect(edited.state).toBe("CAB_REVIEW");
    expect(edited.approvals.every((approval) => !approval.live)).toBe(true);
    await voteOnChange(contextFor(netCab), change.id, { decision: "APPROVE", comment: "June is fine" });
    await voteOnChange(contextFor(secCab), change.id, { decision: "APPROVE", comment: "June is fine" });
    const scheduled = await transitionChange(contextFor(requester), change.id, { action: "schedule", reason: "" });
    expect(scheduled).toMatchObject({ state: "SCHEDULED", windowStart: june.start.toISOString() });
  });

  it("a pre-approved change keeps to its window too", async () => {
    const requester = await person("NETOPS", ["CONTRIBUTOR"]);
    const author = await person("NETOPS", ["CONTRIBUTOR"]);
    const { surface, edge } = await createSurfaceWithMap(requester);
    const environment = `env-${uniqueSuffix()}`;
    await createScopedRule(author, environment, "ALLOW_PRE_APPROVAL", { fact: "tighteningOnly", op: "eq", value: true });
    const window = march(1);
    const removal = await createChange(contextFor(requester), {
      ...openFlow(surface.id, edge.sourceId, edge.targetId, window, environment),
      operations: [{ kind: "REMOVE", surfaceId: surface.id, edgeId: edge.id }],
    });
    expect((await submitChange(contextFor(requester), removal.id)).state).toBe("PRE_APPROVED");
    const later = { start: new Date(window.start.getTime() + 7 * DAY), end: new Date(window.end.getTime() + 7 * DAY) };
    await refusedWithoutWriting(
      () =>
        transitionChange(contextFor(requester), removal.id, {
          action: "schedule",
          reason: "",
          windowStart: later.start,
          windowEnd: later.end,
        }),
      409,
      /outside that window/,
      changeWrites(removal.id),
    );
  });

  it("a change approved without a window is classified again with the window it is scheduled in", async () => {
    const requester = await person("NETOPS", ["CONTRIBUTOR"]);
    const author = await person("NETOPS", ["CONTRIBUTOR"]);
    const { surface, edge } = await createSurfaceWithMap(requester);
    const environment = `env-${uniqueSuffix()}`;
    await createScopedRule(author, environment, "ALLOW_PRE_APPROVAL", { fact: "tighteningOnly", op: "eq", value: true });
    const removal = (title: string) => ({
      ...openFlow(surface.id, edge.sourceId, edge.targetId, null, environment),
      title,
      operations: [{ kind: "REMOVE" as const, surfaceId: surface.id, edgeId: edge.id }],
    });
    const same = await createChange(contextFor(requester), removal("classified alike"));
    const changed = await createChange(contextFor(requester), removal("classified otherwise"));
    await submitChange(contextFor(requester), same.id);
    await submitChange(contextFor(requester), changed.id);
    const slot = march(1);
    expect(
      (
        await transitionChange(contextFor(requester), same.id, {
          action: "schedule",
          reason: "",
          windowStart: slot.start,
          windowEnd: slot.end,
        })
      ).state,
    ).toBe("SCHEDULED");
    // Both teams have since sent such changes to the CAB: with any window it is now classified otherwise, so the pre-approval covers none.
    await createScopedRule(author, environment, "FORCE_CAB", { fact: "tighteningOnly", op: "eq", value: true }, { position: 0 });
    await refusedWithoutWriting(
      () =>
        transitionChange(contextFor(requester), changed.id, {
          action: "schedule",
          reason: "",
          windowStart: slot.start,
          windowEnd: slot.end,
        }),
      409,
      /classified for the CAB .* not pre-approved .* Edit the change/,
      changeWrites(changed.id),
    );
  });
});

describe("joint decisions: implementing and verifying are two people; nobody asks themselves", () => {
  it("refuses the implementer's own verification, writing nothing and leaving the map alone", async () => {
    const { requester, netCab, change, map } = await approvedChange(march(1));
    await transitionChange(contextFor(requester), change.id, { action: "schedule", reason: "" });
    await transitionChange(contextFor(requester), change.id, { action: "implement", reason: "" });
    const mapVersion = async () => ({
      ...(await changeWrites(change.id)()),
      map: (await db.flowMap.findUniqueOrThrow({ where: { id: map.id } })).version,
      edges: await db.flowEdge.count({ where: { mapId: map.id } }),
    });
    await refusedWithoutWriting(
      () => transitionChange(contextFor(requester), change.id, { action: "verify", reason: "looks fine to me" }),
      403,
      /You implemented this change; someone else must verify it/,
      mapVersion,
    );
    const verified = await transitionChange(contextFor(netCab), change.id, { action: "verify", reason: "probe ok" });
    expect(verified.state).toBe("VERIFIED");
    const moves = await db.changeTransition.findMany({
      where: { changeId: change.id, to: { in: ["IMPLEMENTED", "VERIFIED"] } },
      select: { to: true, actorId: true },
    });
    expect(new Set(moves.map((move) => move.actorId)).size).toBe(2);
  });

  it("lets the requester verify what someone else implemented, and the implementer still roll back", async () => {
    const first = await approvedChange(march(1));
    await transitionChange(contextFor(first.requester), first.change.id, { action: "schedule", reason: "" });
    await transitionChange(contextFor(first.netCab), first.change.id, { action: "implement", reason: "" });
    expect((await transitionChange(contextFor(first.requester), first.change.id, { action: "verify", reason: "" })).state).toBe("VERIFIED");

    const second = await approvedChange(march(1));
    await transitionChange(contextFor(second.requester), second.change.id, { action: "schedule", reason: "" });
    await transitionChange(contextFor(second.requester), second.change.id, { action: "implement", reason: "" });
    expect(
      (await transitionChange(contextFor(second.requester), second.change.id, { action: "rollback", reason: "probe failed" })).state,
    ).toBe("ROLLED_BACK");
  });

  it("refuses a requester sending their own change back for information, writing nothing", async () => {
    const { requester, netCab } = await board();
    const { surface, nodes } = await createSurfaceWithMap(requester);
    const change = await createChange(contextFor(requester), openFlow(surface.id, nodes.partner.id, nodes.api.id, null));
    expect((await submitChange(contextFor(requester), change.id)).state).toBe("CAB_REVIEW");
    await refusedWithoutWriting(
      () => transitionChange(contextFor(requester), change.id, { action: "request-info", reason: "who approved this?" }),
      403,
      /cannot ask themselves/,
      changeWrites(change.id),
    );
    expect((await transitionChange(contextFor(netCab), change.id, { action: "request-info", reason: "which partner CA?" })).state).toBe(
      "NEEDS_INFO",
    );
  });
});

function surfaceInput(owners: { netopsOwnerId: string | null; secopsOwnerId: string | null }) {
  return ZCreateSurface.parse({
    name: `Joint ${uniqueSuffix()}`,
    criticality: "HIGH",
    elements: [{ type: "DATA", name: "Ledger", classification: "RESTRICTED" }],
    ...owners,
  });
}

async function surfaceInReview() {
  const netOwner = await person("NETOPS", ["CONTRIBUTOR"]);
  const secOwner = await person("SECOPS", ["CONTRIBUTOR"]);
  const netDelegate = await person("NETOPS", ["CONTRIBUTOR"]);
  const bystander = await person("NETOPS", ["CONTRIBUTOR"]);
  const created = await createSurface(contextFor(netOwner), surfaceInput({ netopsOwnerId: netOwner.id, secopsOwnerId: secOwner.id }));
  await submitSurface(contextFor(netOwner), created.id);
  return { netOwner, secOwner, netDelegate, bystander, surfaceId: created.id };
}

describe("joint decisions: a sign-off counts only while its signer holds the authority", () => {
  it("revoking a delegation voids the sign-off given under it: the other team's sign-off no longer agrees the surface", async () => {
    const { netOwner, secOwner, netDelegate, surfaceId } = await surfaceInReview();
    const grant = await addDelegate(contextFor(netOwner), surfaceId, netDelegate.id);
    await signOffSurface(contextFor(netDelegate), surfaceId);
    await removeDelegate(contextFor(netOwner), surfaceId, grant.id);
    const signOff = await db.surfaceSignOff.findFirstOrThrow({ where: { surfaceId, userId: netDelegate.id } });
    expect(signOff.voidedAt).not.toBeNull();
    const afterSecOps = await signOffSurface(contextFor(secOwner), surfaceId);
    expect(afterSecOps).toMatchObject({ status: "IN_REVIEW", waitingOn: ["NETOPS"] });
    // The revoked delegate cannot sign again either.
    await refusedWithoutWriting(
      () => signOffSurface(contextFor(netDelegate), surfaceId),
      409,
      /Only the NetOps owner of this surface or someone they delegated to/,
      surfaceWrites(surfaceId),
    );
    expect((await signOffSurface(contextFor(netOwner), surfaceId)).status).toBe("AGREED");
  });

  const losses: Array<[string, Prisma.UserUpdateInput]> = [
    ["moved to the other team", { team: "SECOPS" }],
    ["lost the contributor role", { roles: ["VIEWER"] }],
    ["was disabled", { status: "DISABLED" }],
  ];
  for (const [lost, lose] of losses) {
    it(`agreement re-checks each sign-off when it is reached: a delegate who ${lost} no longer counts`, async () => {
      const { netOwner, secOwner, netDelegate, surfaceId } = await surfaceInReview();
      await addDelegate(contextFor(netOwner), surfaceId, netDelegate.id);
      await signOffSurface(contextFor(netDelegate), surfaceId);
      await db.user.update({ where: { id: netDelegate.id }, data: lose });
      const afterSecOps = await signOffSurface(contextFor(secOwner), surfaceId);
      expect(afterSecOps.status).toBe("IN_REVIEW");
      expect(afterSecOps.waitingOn).toEqual(["NETOPS"]);
      expect((await db.surfaceSignOff.findFirstOrThrow({ where: { surfaceId, userId: netDelegate.id } })).voidedAt).not.toBeNull();
      expect(await db.auditEvent.count({ where: { entityId: surfaceId, action: "surface.signoff.void" } })).toBe(1);
    });
  }

  it("an owner who left their team since signing no longer counts either", async () => {
    const { netOwner, secOwner, surfaceId } = await surfaceInReview();
    await signOffSurface(contextFor(secOwner), surfaceId);
    await db.user.update({ where: { id: secOwner.id }, data: { team: "NETOPS" } });
    const afterNetOps = await signOffSurface(contextFor(netOwner), surfaceId);
    expect(afterNetOps).toMatchObject({ status: "IN_REVIEW", waitingOn: ["SECOPS"] });
  });

  it("a delegation granted by a replaced owner does not let its holder sign", async () => {
    const { netOwner, netDelegate, bystander, surfaceId } = await surfaceInReview();
    // A grant left behind by an earlier owner, as data written before owner changes ended them.
    await db.surfaceDelegate.create({ data: { surfaceId, userId: netDelegate.id, team: "NETOPS", grantedById: bystander.id } });
    await refusedWithoutWriting(
      () => signOffSurface(contextFor(netDelegate), surfaceId),
      409,
      /Only the NetOps owner/,
      surfaceWrites(surfaceId),
    );
    expect((await signOffSurface(contextFor(netOwner), surfaceId)).waitingOn).toEqual(["SECOPS"]);
  });

  it("revoking a delegation after agreement leaves the agreed version as it was decided", async () => {
    const { netOwner, secOwner, netDelegate, surfaceId } = await surfaceInReview();
    const grant = await addDelegate(contextFor(netOwner), surfaceId, netDelegate.id);
    await signOffSurface(contextFor(netDelegate), surfaceId);
    expect((await signOffSurface(contextFor(secOwner), surfaceId)).status).toBe("AGREED");
    await removeDelegate(contextFor(netOwner), surfaceId, grant.id);
    expect((await getSurface(contextFor(netOwner), surfaceId)).status).toBe("AGREED");
  });
});

describe("joint decisions: replacing an owner needs that owner (or an admin with a reason)", () => {
  it("refuses a contributor replacing both owners of a surface in review, writing nothing", async () => {
    const { netOwner, bystander, surfaceId } = await surfaceInReview();
    const accomplice = await person("SECOPS", ["CONTRIBUTOR"]);
    const current = await getSurface(contextFor(bystander), surfaceId);
    const edit = {
      ...surfaceInput({ netopsOwnerId: bystander.id, secopsOwnerId: accomplice.id }),
      name: current.name,
      version: current.version,
    };
    await refusedWithoutWriting(
      () => updateSurface(contextFor(bystander), surfaceId, edit),
      403,
      /Only the current NetOps owner of this surface \(or an admin, with a stated reason\)/,
      surfaceWrites(surfaceId),
    );
    await refusedWithoutWriting(
      () =>
        replaceSurfaceOwner(contextFor(bystander), surfaceId, {
          team: "NETOPS",
          userId: bystander.id,
          reason: "",
          version: current.version,
        }),
      403,
      /Only the current NetOps owner/,
      surfaceWrites(surfaceId),
    );
    // One team's owner cannot replace the other team's owner either.
    await refusedWithoutWriting(
      () =>
        replaceSurfaceOwner(contextFor(netOwner), surfaceId, {
          team: "SECOPS",
          userId: accomplice.id,
          reason: "",
          version: current.version,
        }),
      403,
      /Only the current SecOps owner/,
      surfaceWrites(surfaceId),
    );
  });

  it("refuses an admin who gives no reason, and a stale version, writing nothing", async () => {
    const { surfaceId } = await surfaceInReview();
    const admin = await person("LEADERSHIP", ["ADMIN"]);
    const successor = await person("SECOPS", ["CONTRIBUTOR"]);
    const { version } = await getSurface(contextFor(admin), surfaceId);
    await refusedWithoutWriting(
      () => replaceSurfaceOwner(contextFor(admin), surfaceId, { team: "SECOPS", userId: successor.id, reason: "  ", version }),
      400,
      /invalid/,
      surfaceWrites(surfaceId),
    );
    await refusedWithoutWriting(
      () =>
        replaceSurfaceOwner(contextFor(admin), surfaceId, {
          team: "SECOPS",
          userId: successor.id,
          reason: "left the company",
          version: version - 1 || 99,
        }),
      409,
      /changed since you saw it/,
      surfaceWrites(surfaceId),
    );
    const viewer = await person("SECOPS", ["VIEWER"]);
    await refusedWithoutWriting(
      () => replaceSurfaceOwner(contextFor(viewer), surfaceId, { team: "SECOPS", userId: successor.id, reason: "x", version }),
      403,
      /contributors and admins/,
      surfaceWrites(surfaceId),
    );
  });

  it("an admin with a reason replaces an owner of an agreed surface: sign-offs void, back in review, the replaced owner told, history shows it", async () => {
    const { netOwner, secOwner, netDelegate, surfaceId } = await surfaceInReview();
    await addDelegate(contextFor(netOwner), surfaceId, netDelegate.id);
    await signOffSurface(contextFor(netOwner), surfaceId);
    const agreed = await signOffSurface(contextFor(secOwner), surfaceId);
    expect(agreed.status).toBe("AGREED");
    const admin = await person("LEADERSHIP", ["ADMIN"]);
    const successor = await person("NETOPS", ["CONTRIBUTOR"]);
    const replaced = await replaceSurfaceOwner(contextFor(admin), surfaceId, {
      team: "NETOPS",
      userId: successor.id,
      reason: "Owner moved to the branch network team",
      version: agreed.version,
    });
    expect(replaced).toMatchObject({
      status: "IN_REVIEW",
      version: agreed.version + 1,
      netopsOwner: { id: successor.id },
      waitingOn: ["NETOPS", "SECOPS"],
      delegates: [],
    });
    expect(await db.surfaceSignOff.count({ where: { surfaceId, voidedAt: null, withdrawnAt: null } })).toBe(0);
    const told = await db.notification.findFirstOrThrow({
      where: { userId: netOwner.id, type: "surface.owner_replaced", link: `/surfaces/${surfaceId}` },
    });
    expect(told.body).toContain("Owner moved to the branch network team");
    const [newest] = await listVersions(contextFor(secOwner), surfaceId);
    expect(newest).toMatchObject({ version: agreed.version + 1, author: { id: admin.id }, snapshot: { netopsOwnerId: successor.id } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: surfaceId, action: "surface.owner.change" } });
    expect(audit.after).toMatchObject({
      team: "NETOPS",
      ownerId: successor.id,
      reason: "Owner moved to the branch network team",
      delegationsEnded: 1,
    });
    // The old owner's delegate no longer signs; the new owner does.
    await expect(signOffSurface(contextFor(netDelegate), surfaceId)).rejects.toThrow(/Only the NetOps owner/);
    await signOffSurface(contextFor(secOwner), surfaceId);
    expect((await signOffSurface(contextFor(successor), surfaceId)).status).toBe("AGREED");
  });

  it("the owner hands over their own team's ownership through an ordinary edit; their sign-off is void", async () => {
    const { netOwner, secOwner, surfaceId } = await surfaceInReview();
    await signOffSurface(contextFor(netOwner), surfaceId);
    const successor = await person("NETOPS", ["CONTRIBUTOR"]);
    const current = await getSurface(contextFor(netOwner), surfaceId);
    const handed = await updateSurface(contextFor(netOwner), surfaceId, {
      ...surfaceInput({ netopsOwnerId: successor.id, secopsOwnerId: secOwner.id }),
      name: current.name,
      version: current.version,
    });
    expect(handed).toMatchObject({ netopsOwner: { id: successor.id }, version: current.version + 1, waitingOn: ["NETOPS", "SECOPS"] });
    expect(await db.auditEvent.count({ where: { entityId: surfaceId, action: "surface.owner.change" } })).toBe(1);
    // The owner did it themselves: nobody needs telling.
    expect(await db.notification.count({ where: { type: "surface.owner_replaced", link: `/surfaces/${surfaceId}` } })).toBe(0);
  });
});

describe("joint decisions: a retrospective review of an emergency needs a CAB member of each team", () => {
  async function reviewedEmergency() {
    const people = await board();
    const { surface, nodes } = await createSurfaceWithMap(people.requester);
    const change = await createChange(contextFor(people.requester), {
      ...openFlow(surface.id, nodes.web.id, nodes.api.id, null),
      emergencyReason: "payments down",
    });
    expect((await submitChange(contextFor(people.requester), change.id)).state).toBe("EMERGENCY");
    await voteOnChange(contextFor(people.netCab), change.id, { decision: "APPROVE", comment: "" });
    expect((await voteOnChange(contextFor(people.secCab), change.id, { decision: "APPROVE", comment: "" })).state).toBe("APPROVED");
    // The agenda takes the riskiest changes first; this one is put at the top so other tests' changes never crowd it out.
    await db.change.update({ where: { id: change.id }, data: { riskScore: 10_000 } });
    const meeting = await createMeeting(contextFor(people.netCab), {
      pastRecord: false,
      title: `Retro ${uniqueSuffix()}`,
      scheduledAt: new Date(Date.now() + HOUR),
      attendeeIds: [],
    });
    expect(meeting.items.find((item) => item.change.id === change.id)?.retrospective).toBe(true);
    return { ...people, change, meeting };
  }

  const outcomeOf = async (meetingId: string, changeId: string) =>
    (await db.cabAgendaItem.findUniqueOrThrow({ where: { meetingId_changeId: { meetingId, changeId } } })).outcome;

  it("one vote does not complete it: the meeting defers it and the next meeting takes it up again", async () => {
    const { netCab2, secCab2, change, meeting } = await reviewedEmergency();
    await reviewRetrospective(contextFor(netCab2), meeting.id, { changeId: change.id, decision: "APPROVE", comment: "fine in hindsight" });
    await actOnMeeting(contextFor(secCab2), meeting.id, { action: "end", carry: [] });
    expect(await outcomeOf(meeting.id, change.id)).toBe("DEFERRED");
    const next = await createMeeting(contextFor(secCab2), {
      pastRecord: false,
      title: `Retro again ${uniqueSuffix()}`,
      scheduledAt: new Date(Date.now() + 2 * HOUR),
      attendeeIds: [],
    });
    expect(next.items.find((item) => item.change.id === change.id)?.retrospective).toBe(true);
  });

  it("two members of one team do not complete it either", async () => {
    const { netCab, netCab2, change, meeting } = await reviewedEmergency();
    await reviewRetrospective(contextFor(netCab), meeting.id, { changeId: change.id, decision: "APPROVE", comment: "" });
    await reviewRetrospective(contextFor(netCab2), meeting.id, { changeId: change.id, decision: "APPROVE", comment: "" });
    await actOnMeeting(contextFor(netCab), meeting.id, { action: "end", carry: [] });
    expect(await outcomeOf(meeting.id, change.id)).toBe("DEFERRED");
  });

  it("one member of each team completes it; a member who lost the CAB role before the end does not count", async () => {
    const done = await reviewedEmergency();
    await reviewRetrospective(contextFor(done.netCab2), done.meeting.id, { changeId: done.change.id, decision: "APPROVE", comment: "" });
    await reviewRetrospective(contextFor(done.secCab2), done.meeting.id, { changeId: done.change.id, decision: "APPROVE", comment: "" });
    await actOnMeeting(contextFor(done.netCab), done.meeting.id, { action: "end", carry: [] });
    expect(await outcomeOf(done.meeting.id, done.change.id)).toBe("REVIEWED");

    const lapsed = await reviewedEmergency();
    await reviewRetrospective(contextFor(lapsed.netCab2), lapsed.meeting.id, {
      changeId: lapsed.change.id,
      decision: "APPROVE",
      comment: "",
    });
    await reviewRetrospective(contextFor(lapsed.secCab2), lapsed.meeting.id, {
      changeId: lapsed.change.id,
      decision: "APPROVE",
      comment: "",
    });
    await db.user.update({ where: { id: lapsed.secCab2.id }, data: { roles: ["VIEWER"] } });
    await actOnMeeting(contextFor(lapsed.netCab), lapsed.meeting.id, { action: "end", carry: [] });
    expect(await outcomeOf(lapsed.meeting.id, lapsed.change.id)).toBe("DEFERRED");
  });

  it("refuses the requester, a second review by one person and a review after the meeting, writing nothing", async () => {
    const { requester, netCab2, secCab2, change, meeting } = await reviewedEmergency();
    const votes = async () => ({
      votes: await db.cabVote.count({ where: { agendaItem: { meetingId: meeting.id, changeId: change.id } } }),
      audit: await db.auditEvent.count({ where: { entityId: change.id, action: "cab.review" } }),
    });
    await refusedWithoutWriting(
      () => reviewRetrospective(contextFor(requester), meeting.id, { changeId: change.id, decision: "APPROVE", comment: "" }),
      409,
      /never reviews their own change/,
      votes,
    );
    await reviewRetrospective(contextFor(netCab2), meeting.id, { changeId: change.id, decision: "APPROVE", comment: "" });
    await refusedWithoutWriting(
      () => reviewRetrospective(contextFor(netCab2), meeting.id, { changeId: change.id, decision: "APPROVE", comment: "again" }),
      409,
      /already reviewed this change/,
      votes,
    );
    await actOnMeeting(contextFor(netCab2), meeting.id, { action: "end", carry: [] });
    await refusedWithoutWriting(
      () => reviewRetrospective(contextFor(secCab2), meeting.id, { changeId: change.id, decision: "APPROVE", comment: "" }),
      409,
      /meeting has ended/,
      votes,
    );
  });
});

import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { listMyNotifications, markNotificationsRead } from "@/lib/notifications/service";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createChange } from "./service";
import { createScopedRule, createSurfaceWithMap } from "./test-fixtures";
import { submitChange, transitionChange, voteOnChange } from "./workflow";
import type { TCreateChange } from "./schemas";

/**
 * Who hears of each step of a change. Every test makes its own people and change, and reads only
 * the notifications that link to that change, so CAB members made by other tests do not count.
 */
async function cast() {
  const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const netCab = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const secCab = await createTestUser("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const secOwner = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const { surface, nodes, edge } = await createSurfaceWithMap(requester);
  // The NetOps owner sits on the CAB, so a vote request is all they should get on submission.
  await db.protectSurface.update({ where: { id: surface.id }, data: { netopsOwnerId: netCab.id, secopsOwnerId: secOwner.id } });
  return { requester, netCab, secCab, secOwner, surface, nodes, edge };
}

const window = () => {
  const start = new Date(Date.now() + 86_400_000);
  return { windowStart: start, windowEnd: new Date(start.getTime() + 3_600_000) };
};

type TCast = Awaited<ReturnType<typeof cast>>;

/** A draft by the cast's requester; by default it opens a partner flow into the Restricted surface, which only the CAB may allow. */
function draft(
  { requester, surface, nodes }: TCast,
  title: string,
  options: { environment?: string; operation?: TCreateChange["operations"][number] } = {},
) {
  return createChange(contextFor(requester), {
    title,
    description: "",
    surfaceIds: [surface.id],
    environment: options.environment ?? `env-${uniqueSuffix()}`,
    implementationPlan: "push policy",
    verificationPlan: "probe 443",
    rollbackPlan: "revert policy",
    windowStart: null,
    windowEnd: null,
    ticketLinks: [],
    emergencyReason: null,
    operations: [
      options.operation ?? {
        kind: "ADD",
        surfaceId: surface.id,
        sourceNodeId: nodes.partner.id,
        targetNodeId: nodes.api.id,
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
  });
}

async function receivedFor(changeId: string, people: Record<string, TActor>) {
  const rows = await db.notification.findMany({ where: { link: `/changes/${changeId}` }, orderBy: { createdAt: "asc" } });
  return Object.fromEntries(
    Object.entries(people).map(([role, person]) => [role, rows.filter((row) => row.userId === person.id).map((row) => row.type)]),
  );
}

describe("change notifications", () => {
  it("a CAB change: the board is asked to vote, the other owner is told it was submitted, the requester hears the decision", async () => {
    const roles = await cast();
    const { requester, netCab, secCab, secOwner } = roles;
    const people = { requester, netCab, secCab, secOwner };
    const change = await draft(roles, "Open partner to API");
    await submitChange(contextFor(requester), change.id);
    expect(await receivedFor(change.id, people)).toEqual({
      requester: [],
      netCab: ["change.needs_vote"],
      secCab: ["change.needs_vote"],
      secOwner: ["change.submitted"],
    });
    const submitted = await db.notification.findFirstOrThrow({ where: { userId: secOwner.id, link: `/changes/${change.id}` } });
    expect(submitted).toMatchObject({ title: `Submitted: #${change.number} Open partner to API` });
    expect(submitted.body).toContain(requester.name);

    await voteOnChange(contextFor(netCab), change.id, { decision: "APPROVE", comment: "ok" });
    expect((await receivedFor(change.id, people)).requester).toEqual([]);
    await voteOnChange(contextFor(secCab), change.id, { decision: "APPROVE", comment: "fine" });
    expect((await receivedFor(change.id, people)).requester).toEqual(["change.approved"]);

    await transitionChange(contextFor(requester), change.id, { action: "schedule", reason: "", ...window() });
    await transitionChange(contextFor(requester), change.id, { action: "implement", reason: "" });
    await transitionChange(contextFor(requester), change.id, { action: "rollback", reason: "probe failed" });
    expect(await receivedFor(change.id, people)).toEqual({
      requester: ["change.approved"],
      netCab: ["change.needs_vote", "change.scheduled", "change.failed"],
      secCab: ["change.needs_vote", "change.failed"],
      secOwner: ["change.submitted", "change.scheduled", "change.failed"],
    });
    const failed = await db.notification.findFirstOrThrow({
      where: { userId: secOwner.id, type: "change.failed", link: `/changes/${change.id}` },
    });
    expect(failed).toMatchObject({ title: `Rolled back: #${change.number} Open partner to API`, body: "probe failed" });
  });

  it("a rejection reaches the requester with the reason; a request for information is not a vote request", async () => {
    const roles = await cast();
    const { requester, netCab, secCab } = roles;
    const change = await draft(roles, "Open partner widely");
    await submitChange(contextFor(requester), change.id);
    await transitionChange(contextFor(secCab), change.id, { action: "request-info", reason: "Which partner hosts?" });
    await submitChange(contextFor(requester), change.id);
    await voteOnChange(contextFor(netCab), change.id, { decision: "REJECT", comment: "Far too wide." });
    const rows = await db.notification.findMany({
      where: { userId: requester.id, link: `/changes/${change.id}` },
      orderBy: { createdAt: "asc" },
    });
    expect(rows.map((row) => [row.type, row.body])).toEqual([
      ["change.needs_info", "Which partner hosts?"],
      ["change.rejected", "Far too wide."],
    ]);
  });

  it("a pre-approved change asks nobody to vote but tells both owners, and a refused schedule tells nobody", async () => {
    const roles = await cast();
    const { requester, netCab, secCab, secOwner, surface, edge } = roles;
    const environment = `env-${uniqueSuffix()}`;
    await createScopedRule(netCab, environment, "ALLOW_PRE_APPROVAL", { fact: "tighteningOnly", op: "eq", value: true });
    const change = await draft(roles, "Remove old flow", {
      environment,
      operation: { kind: "REMOVE", surfaceId: surface.id, edgeId: edge.id },
    });
    expect((await submitChange(contextFor(requester), change.id)).track).toBe("PRE_APPROVED");
    const people = { requester, netCab, secCab, secOwner };
    expect(await receivedFor(change.id, people)).toEqual({
      requester: ["change.approved"],
      netCab: ["change.submitted"],
      secCab: [],
      secOwner: ["change.submitted"],
    });

    const slot = window();
    await db.blackoutWindow.create({
      data: { name: "Freeze", startsAt: slot.windowStart, endsAt: slot.windowEnd, surfaceId: surface.id, createdById: netCab.id },
    });
    await expect(transitionChange(contextFor(requester), change.id, { action: "schedule", reason: "", ...slot })).rejects.toThrow(
      /blackout/,
    );
    expect(await db.notification.count({ where: { type: "change.scheduled", link: `/changes/${change.id}` } })).toBe(0);
  });

  it("each person lists and clears only their own notifications", async () => {
    const roles = await cast();
    const { requester, netCab, secCab, secOwner } = roles;
    const change = await draft(roles, "Open partner for the inbox");
    await submitChange(contextFor(requester), change.id);
    const before = await listMyNotifications(contextFor(secCab));
    const mine = before.notifications.find((item) => item.link === `/changes/${change.id}`)!;
    expect(mine).toMatchObject({ type: "change.needs_vote", readAt: null });

    expect(await markNotificationsRead(contextFor(netCab), [mine.id])).toEqual({ updated: 0 });
    expect(await markNotificationsRead(contextFor(secCab), [mine.id])).toEqual({ updated: 1 });
    expect((await listMyNotifications(contextFor(secCab))).unread).toBe(before.unread - 1);
    expect((await listMyNotifications(contextFor(secCab), { unreadOnly: true })).notifications.map((item) => item.id)).not.toContain(
      mine.id,
    );

    await markNotificationsRead(contextFor(secOwner), undefined);
    expect((await listMyNotifications(contextFor(secOwner))).unread).toBe(0);
    expect((await listMyNotifications(contextFor(netCab))).unread).toBeGreaterThan(0);
  });
});

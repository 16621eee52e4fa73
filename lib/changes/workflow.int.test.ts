import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, RuleViolationError, ValidationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import type { TActor } from "@/lib/auth/actor";
import { getChange, listChanges } from "./read";
import { createChange, updateChange } from "./service";
import { createScopedRule, createSurfaceWithMap } from "./test-fixtures";
import { submitChange, transitionChange, voteOnChange } from "./workflow";
import type { TCreateChange } from "./schemas";

async function people() {
  const requester = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const netCab = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const secCab = await createTestUser("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const secCab2 = await createTestUser("SECOPS", ["CAB_MEMBER"]);
  return { requester, netCab, secCab, secCab2 };
}

/** Schedules a change into a window that starts now and lasts two hours. */
async function scheduleNow(requester: TActor, changeId: string) {
  return transitionChange(contextFor(requester), changeId, {
    action: "schedule",
    reason: "",
    windowStart: new Date(Date.now() + 1000),
    windowEnd: new Date(Date.now() + 7_200_000),
  });
}

const plans = { implementationPlan: "push policy", verificationPlan: "probe 443", rollbackPlan: "revert policy" };

function openFlow(surfaceId: string, sourceNodeId: string, targetNodeId: string, environment = `env-${uniqueSuffix()}`): TCreateChange {
  return {
    title: "Open partner to API",
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
    windowStart: null,
    windowEnd: null,
    ticketLinks: [],
    emergencyReason: null,
  };
}

describe("change workflow", () => {
  it("runs a loosening change through the CAB to verified and applies the flow to the map", async () => {
    const { requester, netCab, secCab } = await people();
    const { surface, map, nodes } = await createSurfaceWithMap(requester);
    const draft = await createChange(contextFor(requester), openFlow(surface.id, nodes.partner.id, nodes.api.id));
    expect(draft.state).toBe("DRAFT");
    const submitted = await submitChange(contextFor(requester), draft.id);
    expect(submitted).toMatchObject({ state: "CAB_REVIEW", track: "CAB" });
    expect(submitted.classification?.facts).toMatchObject({
      loosening: true,
      externalParty: true,
      crossesZone: true,
      maxClassification: "RESTRICTED",
    });

    await expect(voteOnChange(contextFor(requester), draft.id, { decision: "APPROVE", comment: "" })).rejects.toThrow(/own change/);
    await voteOnChange(contextFor(netCab), draft.id, { decision: "APPROVE", comment: "ok" });
    await expect(voteOnChange(contextFor(netCab), draft.id, { decision: "APPROVE", comment: "" })).rejects.toThrow(RuleViolationError);
    const approved = await voteOnChange(contextFor(secCab), draft.id, { decision: "APPROVE", comment: "fine" });
    expect(approved.state).toBe("APPROVED");

    const start = new Date(Date.now() + 86_400_000);
    const scheduled = await transitionChange(contextFor(requester), draft.id, {
      action: "schedule",
      reason: "",
      windowStart: start,
      windowEnd: new Date(start.getTime() + 3_600_000),
    });
    expect(scheduled.state).toBe("SCHEDULED");
    await transitionChange(contextFor(requester), draft.id, { action: "implement", reason: "" });
    const mapBefore = await db.flowMap.findUniqueOrThrow({ where: { id: map.id } });
    const verified = await transitionChange(contextFor(netCab), draft.id, { action: "verify", reason: "probe ok" });
    expect(verified.state).toBe("VERIFIED");

    const added = await db.flowEdge.findFirstOrThrow({ where: { mapId: map.id, sourceId: nodes.partner.id } });
    expect(added).toMatchObject({ status: "APPROVED", ports: "443", encryption: "MTLS" });
    expect((await db.flowMap.findUniqueOrThrow({ where: { id: map.id } })).version).toBe(mapBefore.version + 1);
    expect(await db.mapEvent.findFirst({ where: { mapId: map.id, entityId: added.id, changeId: draft.id } })).not.toBeNull();
    const transitions = await db.changeTransition.findMany({ where: { changeId: draft.id }, orderBy: { createdAt: "asc" } });
    expect(transitions.map((transition) => transition.to)).toEqual([
      "SUBMITTED",
      "CAB_REVIEW",
      "APPROVED",
      "SCHEDULED",
      "IMPLEMENTED",
      "VERIFIED",
    ]);
    expect(await db.auditEvent.count({ where: { entityId: draft.id, action: "change.transition" } })).toBe(6);
  });

  it("leaves the map untouched on roll back, and removes and narrows flows on verify", async () => {
    const { requester, netCab } = await people();
    const { surface, map, edge } = await createSurfaceWithMap(requester);
    const environment = `env-${uniqueSuffix()}`;
    await createScopedRule(netCab, environment, "ALLOW_PRE_APPROVAL", { fact: "tighteningOnly", op: "eq", value: true });
    const base = { ...openFlow(surface.id, edge.sourceId, edge.targetId, environment), title: "Narrow web to api" };
    const narrow = await createChange(contextFor(requester), {
      ...base,
      operations: [
        {
          kind: "MODIFY",
          surfaceId: surface.id,
          edgeId: edge.id,
          flow: { protocol: "TCP", ports: "443", appProtocol: "", encryption: "MTLS", authentication: "TOKEN", justification: "only 443" },
        },
      ],
    });
    const pre = await submitChange(contextFor(requester), narrow.id);
    expect(pre).toMatchObject({ state: "PRE_APPROVED", track: "PRE_APPROVED", requiredApprovals: 0 });
    await scheduleNow(requester, narrow.id);
    await transitionChange(contextFor(requester), narrow.id, { action: "implement", reason: "" });
    const versionBefore = (await db.flowMap.findUniqueOrThrow({ where: { id: map.id } })).version;
    await transitionChange(contextFor(requester), narrow.id, { action: "rollback", reason: "probe failed" });
    expect(await db.flowEdge.findUniqueOrThrow({ where: { id: edge.id } })).toMatchObject({ ports: "443,8443", encryption: "TLS" });
    expect((await db.flowMap.findUniqueOrThrow({ where: { id: map.id } })).version).toBe(versionBefore);
    await expect(transitionChange(contextFor(requester), narrow.id, { action: "verify", reason: "" })).rejects.toThrow(/cannot move/);

    const again = await createChange(contextFor(requester), {
      ...base,
      title: "Narrow again",
      operations: [
        {
          kind: "MODIFY",
          surfaceId: surface.id,
          edgeId: edge.id,
          flow: { protocol: "TCP", ports: "443", appProtocol: "", encryption: "MTLS", authentication: "TOKEN", justification: "only 443" },
        },
      ],
    });
    await submitChange(contextFor(requester), again.id);
    await scheduleNow(requester, again.id);
    await transitionChange(contextFor(requester), again.id, { action: "implement", reason: "" });
    await transitionChange(contextFor(netCab), again.id, { action: "verify", reason: "" });
    expect(await db.flowEdge.findUniqueOrThrow({ where: { id: edge.id } })).toMatchObject({ ports: "443", encryption: "MTLS", version: 2 });

    const removal = await createChange(contextFor(requester), {
      ...base,
      title: "Remove it",
      operations: [{ kind: "REMOVE", surfaceId: surface.id, edgeId: edge.id }],
    });
    await submitChange(contextFor(requester), removal.id);
    await scheduleNow(requester, removal.id);
    await transitionChange(contextFor(requester), removal.id, { action: "implement", reason: "" });
    await transitionChange(contextFor(netCab), removal.id, { action: "verify", reason: "" });
    expect(await db.flowEdge.findUnique({ where: { id: edge.id } })).toBeNull();
    expect(await db.mapEvent.count({ where: { changeId: removal.id, kind: "edge.delete" } })).toBe(1);
  });

  it("carries a flow's HTTP method and path to the map on verify, and keeps the map's when a change leaves them out", async () => {
    const { requester, netCab } = await people();
    const { surface, edge, nodes } = await createSurfaceWithMap(requester);
    await db.flowEdge.update({ where: { id: edge.id }, data: { httpMethod: "GET", httpPath: "/v1/.*" } });
    const environment = `env-${uniqueSuffix()}`;
    await createScopedRule(netCab, environment, "ALLOW_PRE_APPROVAL", { fact: "environment", op: "eq", value: environment });
    const flow = { protocol: "TCP" as const, ports: "443", appProtocol: "", encryption: "MTLS" as const, authentication: "TOKEN" as const };
    const verify = async (operations: TCreateChange["operations"]) => {
      const change = await createChange(contextFor(requester), {
        ...openFlow(surface.id, edge.sourceId, edge.targetId, environment),
        title: `L7 ${uniqueSuffix()}`,
        operations,
      });
      expect(await submitChange(contextFor(requester), change.id)).toMatchObject({ state: "PRE_APPROVED" });
      await scheduleNow(requester, change.id);
      await transitionChange(contextFor(requester), change.id, { action: "implement", reason: "" });
      await transitionChange(contextFor(netCab), change.id, { action: "verify", reason: "" });
      return change;
    };

    await verify([{ kind: "MODIFY", surfaceId: surface.id, edgeId: edge.id, flow: { ...flow, justification: "only 443" } }]);
    expect(await db.flowEdge.findUniqueOrThrow({ where: { id: edge.id } })).toMatchObject({
      ports: "443",
      httpMethod: "GET",
      httpPath: "/v1/.*",
    });

    await verify([
      {
        kind: "MODIFY",
        surfaceId: surface.id,
        edgeId: edge.id,
        flow: { ...flow, httpMethod: "POST", httpPath: "/v1/tokens", justification: "tokens" },
      },
    ]);
    expect(await db.flowEdge.findUniqueOrThrow({ where: { id: edge.id } })).toMatchObject({ httpMethod: "POST", httpPath: "/v1/tokens" });

    const added = await verify([
      {
        kind: "ADD",
        surfaceId: surface.id,
        sourceNodeId: nodes.partner.id,
        targetNodeId: nodes.api.id,
        flow: { ...flow, httpMethod: "GET", httpPath: "/status", justification: "partner status" },
      },
    ]);
    const operation = await db.flowOperation.findFirstOrThrow({ where: { changeId: added.id } });
    expect(await db.flowEdge.findUniqueOrThrow({ where: { id: operation.edgeId! } })).toMatchObject({
      httpMethod: "GET",
      httpPath: "/status",
    });
  });

  it("voids approvals when the change is edited after one, and one team alone cannot approve", async () => {
    const { requester, netCab, secCab, secCab2 } = await people();
    const { surface, nodes } = await createSurfaceWithMap(requester);
    const draft = await createChange(contextFor(requester), openFlow(surface.id, nodes.web.id, nodes.partner.id));
    await submitChange(contextFor(requester), draft.id);
    await voteOnChange(contextFor(secCab), draft.id, { decision: "APPROVE", comment: "" });
    const oneTeam = await voteOnChange(contextFor(secCab2), draft.id, { decision: "APPROVE", comment: "" });
    expect(oneTeam.state).toBe("CAB_REVIEW");
    expect(oneTeam.approvalStatus.teamsMissing).toEqual(["NETOPS"]);

    const edited = await updateChange(contextFor(requester), draft.id, {
      ...openFlow(surface.id, nodes.web.id, nodes.partner.id),
      title: "Open web to partner (edited)",
      version: oneTeam.version,
    });
    expect(edited.approvals.every((approval) => !approval.live)).toBe(true);
    const afterNet = await voteOnChange(contextFor(netCab), draft.id, { decision: "APPROVE", comment: "" });
    expect(afterNet.state).toBe("CAB_REVIEW");
    const approved = await voteOnChange(contextFor(secCab), draft.id, { decision: "APPROVE", comment: "re-approve" });
    expect(approved.state).toBe("APPROVED");

    const reopened = await updateChange(contextFor(requester), draft.id, {
      ...openFlow(surface.id, nodes.web.id, nodes.partner.id),
      title: "Edited after approval",
      version: approved.version,
    });
    expect(reopened.state).toBe("CAB_REVIEW");
    expect(reopened.approvalStatus.outcome).toBe("PENDING");
    await expect(
      updateChange(contextFor(netCab), draft.id, { ...openFlow(surface.id, nodes.web.id, nodes.partner.id), version: reopened.version }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      updateChange(contextFor(requester), draft.id, {
        ...openFlow(surface.id, nodes.web.id, nodes.partner.id),
        title: "stale",
        version: 1,
      }),
    ).rejects.toThrow(/edited by someone else/);
  });

  it("an emergency needs one approver per team now and joins the next CAB agenda afterwards", async () => {
    const { requester, netCab, secCab } = await people();
    const { surface, nodes } = await createSurfaceWithMap(requester);
    const meeting = await db.cabMeeting.create({
      data: { title: `CAB ${uniqueSuffix()}`, scheduledAt: new Date(Date.now() + 2 * 86_400_000) },
    });
    const draft = await createChange(contextFor(requester), {
      ...openFlow(surface.id, nodes.web.id, nodes.api.id),
      emergencyReason: "payments down",
    });
    const submitted = await submitChange(contextFor(requester), draft.id);
    expect(submitted).toMatchObject({ state: "EMERGENCY", track: "EMERGENCY", requiredApprovals: 2 });
    await voteOnChange(contextFor(netCab), draft.id, { decision: "APPROVE", comment: "" });
    const approved = await voteOnChange(contextFor(secCab), draft.id, { decision: "APPROVE", comment: "" });
    expect(approved.state).toBe("APPROVED");
    const nextMeeting = await db.cabMeeting.findFirst({
      where: { startedAt: null, scheduledAt: { gte: new Date() } },
      orderBy: { scheduledAt: "asc" },
    });
    const item = await db.cabAgendaItem.findFirst({ where: { changeId: draft.id, retrospective: true } });
    expect(item?.meetingId).toBe(nextMeeting?.id);
    void meeting;
  });

  it("blocks scheduling inside a blackout and flags overlapping windows on the same surface", async () => {
    const { requester, netCab } = await people();
    const { surface, edge } = await createSurfaceWithMap(requester);
    const environment = `env-${uniqueSuffix()}`;
    await createScopedRule(netCab, environment, "ALLOW_PRE_APPROVAL", { fact: "tighteningOnly", op: "eq", value: true });
    const start = new Date(Date.now() + 10 * 86_400_000);
    await db.blackoutWindow.create({
      data: {
        name: "Freeze",
        startsAt: start,
        endsAt: new Date(start.getTime() + 86_400_000),
        surfaceId: surface.id,
        createdById: netCab.id,
      },
    });
    const removal = (title: string) => ({
      ...openFlow(surface.id, edge.sourceId, edge.targetId, environment),
      title,
      operations: [{ kind: "REMOVE" as const, surfaceId: surface.id, edgeId: edge.id }],
    });
    const first = await createChange(contextFor(requester), removal("first"));
    await submitChange(contextFor(requester), first.id);
    await expect(
      transitionChange(contextFor(requester), first.id, {
        action: "schedule",
        reason: "",
        windowStart: new Date(start.getTime() + 3_600_000),
        windowEnd: new Date(start.getTime() + 7_200_000),
      }),
    ).rejects.toThrow(/blackout/);
    const after = new Date(start.getTime() + 2 * 86_400_000);
    await transitionChange(contextFor(requester), first.id, {
      action: "schedule",
      reason: "",
      windowStart: after,
      windowEnd: new Date(after.getTime() + 3_600_000),
    });
    const second = await createChange(contextFor(requester), {
      ...removal("second"),
      windowStart: new Date(after.getTime() + 1_800_000),
      windowEnd: new Date(after.getTime() + 5_400_000),
    });
    const detail = await getChange(contextFor(requester), second.id);
    expect(detail.conflicts.map((conflict) => conflict.id)).toEqual([first.id]);
  });

  it("refuses bad input, viewers and illegal moves without writing", async () => {
    const { requester } = await people();
    const viewer = await createTestUser("NETOPS", ["VIEWER"]);
    const { surface, nodes } = await createSurfaceWithMap(requester);
    const other = await createSurfaceWithMap(requester);
    await expect(createChange(contextFor(viewer), openFlow(surface.id, nodes.web.id, nodes.api.id))).rejects.toThrow(ForbiddenError);
    await expect(createChange(contextFor(requester), openFlow(surface.id, other.nodes.web.id, nodes.api.id))).rejects.toThrow(
      ValidationError,
    );
    expect(await db.change.count({ where: { requesterId: { in: [viewer.id, requester.id] } } })).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: { in: [viewer.id, requester.id] } } })).toBe(0);
    const draft = await createChange(contextFor(requester), openFlow(surface.id, nodes.web.id, nodes.api.id));
    await expect(transitionChange(contextFor(requester), draft.id, { action: "verify", reason: "" })).rejects.toThrow(/cannot move/);
    expect(await db.change.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ state: "DRAFT", version: draft.version });
    expect(await db.changeTransition.count({ where: { changeId: draft.id } })).toBe(0);
    expect((await db.auditEvent.findMany({ where: { entityId: draft.id } })).map((event) => event.action)).toEqual(["change.create"]);
    const page = await listChanges(contextFor(viewer), { q: "Open partner", page: 1, pageSize: 5 });
    expect(page.changes.length).toBeGreaterThan(0);
  });
});

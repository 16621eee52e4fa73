import { describe, expect, it } from "vitest";
import { db, type Role, type Team } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createChange, updateChange } from "./service";
import { createSurfaceWithMap } from "./test-fixtures";
import { submitChange, voteOnChange } from "./workflow";
import type { TCreateChange } from "./schemas";

/**
 * Segregation of duties for change approval, through the services and the database: who may vote,
 * that each person counts once, that both teams must approve, and that an edit voids every vote.
 * Every refusal is checked twice: the error, and that no vote or audit row was written.
 */

/** What the next request sees after an administrator changed this person's team or roles. */
async function reassign(person: TActor, change: { team?: Team; roles?: Role[] }): Promise<TActor> {
  const user = await db.user.update({ where: { id: person.id }, data: change });
  return { id: user.id, email: user.email, name: user.name, team: user.team, roles: user.roles };
}

function loosening(surfaceId: string, sourceNodeId: string, targetNodeId: string, justification = "partner settlement"): TCreateChange {
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
        flow: { protocol: "TCP", ports: "443", appProtocol: "https", encryption: "MTLS", authentication: "CERTIFICATE", justification },
      },
    ],
    environment: `env-${uniqueSuffix()}`,
    implementationPlan: "push policy",
    verificationPlan: "probe 443",
    rollbackPlan: "revert policy",
    windowStart: null,
    windowEnd: null,
    ticketLinks: [],
    emergencyReason: null,
  };
}

/** A loosening change in CAB review, and the people around it. */
async function inReview() {
  const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const netCab = await createTestUser("NETOPS", ["CAB_MEMBER"]);
  const netCab2 = await createTestUser("NETOPS", ["CAB_MEMBER"]);
  const secCab = await createTestUser("SECOPS", ["CAB_MEMBER"]);
  const secCab2 = await createTestUser("SECOPS", ["CAB_MEMBER"]);
  const { surface, nodes } = await createSurfaceWithMap(requester);
  const input = loosening(surface.id, nodes.partner.id, nodes.api.id);
  const draft = await createChange(contextFor(requester), input);
  const submitted = await submitChange(contextFor(requester), draft.id);
  expect(submitted).toMatchObject({ state: "CAB_REVIEW", track: "CAB", requiredApprovals: 2 });
  return { requester, netCab, netCab2, secCab, secCab2, change: submitted, input };
}

const approve = { decision: "APPROVE" as const, comment: "" };

async function written(changeId: string) {
  return {
    votes: await db.changeApproval.count({ where: { changeId } }),
    audited: await db.auditEvent.count({ where: { entityId: changeId, action: "change.vote" } }),
    state: (await db.change.findUniqueOrThrow({ where: { id: changeId } })).state,
  };
}

describe("change approval: segregation of duties at the service", () => {
  it("the requester never votes on their own change, not even after becoming a CAB member", async () => {
    const { requester, change } = await inReview();
    const nowCab = await reassign(requester, { roles: ["CONTRIBUTOR", "CAB_MEMBER"] });
    await expect(voteOnChange(contextFor(nowCab), change.id, approve)).rejects.toThrow(/own change/);
    expect(await written(change.id)).toEqual({ votes: 0, audited: 0, state: "CAB_REVIEW" });
  });

  it("only CAB members vote: a member who lost the role mid-review is refused", async () => {
    const { netCab, change } = await inReview();
    const contributor = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    await expect(voteOnChange(contextFor(contributor), change.id, approve)).rejects.toThrow(ForbiddenError);
    const demoted = await reassign(netCab, { roles: ["CONTRIBUTOR"] });
    await expect(voteOnChange(contextFor(demoted), change.id, approve)).rejects.toThrow(ForbiddenError);
    expect(await written(change.id)).toEqual({ votes: 0, audited: 0, state: "CAB_REVIEW" });
  });

  it("a vote outside review is refused and writes nothing", async () => {
    const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secCab = await createTestUser("SECOPS", ["CAB_MEMBER"]);
    const { surface, nodes } = await createSurfaceWithMap(requester);
    const draft = await createChange(contextFor(requester), loosening(surface.id, nodes.partner.id, nodes.api.id));
    await expect(voteOnChange(contextFor(secCab), draft.id, approve)).rejects.toThrow(/only while/);
    expect(await written(draft.id)).toEqual({ votes: 0, audited: 0, state: "DRAFT" });
  });

  it("one person counts once: a second vote is refused and writes nothing", async () => {
    const { netCab, change } = await inReview();
    await voteOnChange(contextFor(netCab), change.id, approve);
    await expect(voteOnChange(contextFor(netCab), change.id, approve)).rejects.toThrow(/already voted/);
    expect(await written(change.id)).toEqual({ votes: 1, audited: 1, state: "CAB_REVIEW" });
  });

  it("one person never stands for both teams: moving to the other team does not give a second vote", async () => {
    const { netCab, secCab, change } = await inReview();
    await voteOnChange(contextFor(netCab), change.id, approve);
    const movedToSecOps = await reassign(netCab, { team: "SECOPS" });
    await expect(voteOnChange(contextFor(movedToSecOps), change.id, approve)).rejects.toThrow(RuleViolationError);
    expect(await written(change.id)).toEqual({ votes: 1, audited: 1, state: "CAB_REVIEW" });
    const approved = await voteOnChange(contextFor(secCab), change.id, approve);
    expect(approved.state).toBe("APPROVED");
  });

  it("approvals from one team never approve, however many; the other team's first approval does", async () => {
    const { netCab, netCab2, secCab, change } = await inReview();
    const leader = await createTestUser("LEADERSHIP", ["CAB_MEMBER"]);
    await voteOnChange(contextFor(netCab), change.id, approve);
    await voteOnChange(contextFor(netCab2), change.id, approve);
    const three = await voteOnChange(contextFor(leader), change.id, approve);
    expect(three).toMatchObject({ state: "CAB_REVIEW", approvalStatus: { outcome: "PENDING", approvers: 3, teamsMissing: ["SECOPS"] } });
    expect(await db.changeTransition.count({ where: { changeId: change.id, to: "APPROVED" } })).toBe(0);
    const approved = await voteOnChange(contextFor(secCab), change.id, approve);
    expect(approved.state).toBe("APPROVED");
  });

  it("a vote counts for the team the voter was in when voting", async () => {
    const { secCab, secCab2, change } = await inReview();
    await voteOnChange(contextFor(secCab), change.id, approve);
    // Moving to NetOps after voting does not turn the SecOps vote into a NetOps one.
    await reassign(secCab, { team: "NETOPS" });
    const second = await voteOnChange(contextFor(secCab2), change.id, approve);
    expect(second).toMatchObject({ state: "CAB_REVIEW", approvalStatus: { teamsMissing: ["NETOPS"] } });
  });

  it("a rejection from either team rejects, whatever approvals came before", async () => {
    const { netCab, secCab, netCab2, change } = await inReview();
    await voteOnChange(contextFor(netCab), change.id, approve);
    const rejected = await voteOnChange(contextFor(netCab2), change.id, { decision: "REJECT", comment: "too wide" });
    expect(rejected.state).toBe("REJECTED");
    await expect(voteOnChange(contextFor(secCab), change.id, approve)).rejects.toThrow(/only while/);
  });

  it("an edit voids every earlier vote in the database, even when a later edit restores the approved content", async () => {
    const { requester, netCab, secCab, change, input } = await inReview();
    const afterSec = await voteOnChange(contextFor(secCab), change.id, approve);
    const edited = await updateChange(contextFor(requester), change.id, {
      ...input,
      description: "one more detail",
      version: afterSec.version,
    });
    expect(await db.changeApproval.count({ where: { changeId: change.id, voidedAt: null } })).toBe(0);
    // Back to the content SecOps approved: the vote was for a version that no longer stands.
    const restored = await updateChange(contextFor(requester), change.id, { ...input, version: edited.version });
    expect(restored.approvals.map((approval) => approval.live)).toEqual([false]);
    const afterNet = await voteOnChange(contextFor(netCab), change.id, approve);
    expect(afterNet).toMatchObject({ state: "CAB_REVIEW", approvalStatus: { outcome: "PENDING", approvers: 1, teamsMissing: ["SECOPS"] } });
    // The voided voter votes again on the version that stands now, and counts once.
    const approved = await voteOnChange(contextFor(secCab), change.id, approve);
    expect(approved).toMatchObject({ state: "APPROVED", approvalStatus: { approvers: 2 } });
    expect(
      await db.auditEvent.findFirst({ where: { entityId: change.id, action: "change.update" }, orderBy: { createdAt: "asc" } }),
    ).toMatchObject({ after: expect.objectContaining({ votesVoided: 1 }) });
  });

  it("an edit after approval sends the change back to review, and the old approvals no longer count", async () => {
    const { requester, netCab, secCab, secCab2, change, input } = await inReview();
    await voteOnChange(contextFor(netCab), change.id, approve);
    const approved = await voteOnChange(contextFor(secCab), change.id, approve);
    expect(approved.state).toBe("APPROVED");
    const reopened = await updateChange(contextFor(requester), change.id, {
      ...input,
      rollbackPlan: "revert policy, then page on-call",
      version: approved.version,
    });
    expect(reopened).toMatchObject({ state: "CAB_REVIEW", approvalStatus: { outcome: "PENDING", approvers: 0 } });
    const one = await voteOnChange(contextFor(secCab2), change.id, approve);
    expect(one).toMatchObject({ state: "CAB_REVIEW", approvalStatus: { teamsMissing: ["NETOPS"] } });
  });
});

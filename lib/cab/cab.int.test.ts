import { describe, expect, it } from "vitest";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createChange } from "@/lib/changes/service";
import { createSurfaceWithMap } from "@/lib/changes/test-fixtures";
import { submitChange, voteOnChange } from "@/lib/changes/workflow";
import { actOnMeeting, createMeeting, exportMinutes, pendingVotes } from "./service";

describe("CAB meetings", () => {
  it("builds the agenda, records votes in meeting mode, decides the change and writes minutes", async () => {
    const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const netCab = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const secCab = await createTestUser("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const { surface, nodes } = await createSurfaceWithMap(requester);
    const change = await createChange(contextFor(requester), {
      title: `Open partner ${uniqueSuffix()}`,
      description: "",
      surfaceIds: [surface.id],
      environment: `env-${uniqueSuffix()}`,
      operations: [
        {
          kind: "ADD",
          surfaceId: surface.id,
          sourceNodeId: nodes.partner.id,
          targetNodeId: nodes.api.id,
          flow: {
            protocol: "TCP",
            ports: "443",
            appProtocol: "",
            encryption: "MTLS",
            authentication: "CERTIFICATE",
            justification: "partner",
          },
        },
      ],
      implementationPlan: "x",
      verificationPlan: "y",
      rollbackPlan: "z",
      windowStart: null,
      windowEnd: null,
      ticketLinks: [],
      emergencyReason: null,
    });
    await submitChange(contextFor(requester), change.id);
    expect((await pendingVotes(contextFor(secCab))).map((item) => item.id)).toContain(change.id);

    const meeting = await createMeeting(contextFor(secCab), {
      pastRecord: false,
      title: `Weekly CAB ${uniqueSuffix()}`,
      scheduledAt: new Date(Date.now() + 3_600_000),
      attendeeIds: [netCab.id],
    });
    expect(meeting.items.map((item) => item.change.id)).toContain(change.id);
    await actOnMeeting(contextFor(secCab), meeting.id, { action: "start" });
    await voteOnChange(contextFor(secCab), change.id, { decision: "APPROVE", comment: "mTLS pinned", meetingId: meeting.id });
    const decided = await voteOnChange(contextFor(netCab), change.id, { decision: "APPROVE", comment: "ok", meetingId: meeting.id });
    expect(decided.state).toBe("APPROVED");
    expect((await pendingVotes(contextFor(secCab))).map((item) => item.id)).not.toContain(change.id);

    const ended = await actOnMeeting(contextFor(secCab), meeting.id, { action: "end", carry: [] });
    expect(ended.items.find((item) => item.change.id === change.id)?.outcome).toBe("APPROVED");
    const minutes = await exportMinutes(contextFor(netCab), meeting.id);
    expect(minutes).toContain(`#${change.number}`);
    expect(minutes).toContain("| mTLS pinned |");
    await expect(actOnMeeting(contextFor(secCab), meeting.id, { action: "start" })).rejects.toThrow(/ended/);
  });
});

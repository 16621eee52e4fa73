import { describe, expect, it } from "vitest";
import { contextFor, uniqueSuffix } from "@/lib/test/factories";
import { submittedPartnerChange } from "@/lib/changes/test-fixtures";
import { voteOnChange } from "@/lib/changes/workflow";
import { actOnMeeting, createMeeting, exportMinutes, pendingVotes } from "./service";

describe("CAB meetings", () => {
  it("builds the agenda, records votes in meeting mode, decides the change and writes minutes", async () => {
    const { netCab, secCab, change } = await submittedPartnerChange();
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

import { describe, expect, it } from "vitest";
import { contextFor, uniqueSuffix } from "@/lib/test/factories";
import { submittedPartnerChange } from "@/lib/changes/test-fixtures";
import { voteOnChange } from "@/lib/changes/workflow";
import { db } from "@/lib/db";
import { recordAttendance } from "./attendance";
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

  it("counts a vote cast while the same person's arrival in the meeting is still being written: no 'already exists'", async () => {
    const { netCab, secCab, change } = await submittedPartnerChange();
    const meeting = await createMeeting(contextFor(secCab), {
      pastRecord: false,
      title: `Racing CAB ${uniqueSuffix()}`,
      scheduledAt: new Date(Date.now() + 3_600_000),
      attendeeIds: [],
    });
    await actOnMeeting(contextFor(secCab), meeting.id, { action: "start" });
    // Opening meeting mode writes the attendance and is still in its transaction when the vote lands.
    let arrived!: () => void;
    const written = new Promise<void>((resolve) => (arrived = resolve));
    let voted!: Promise<unknown>;
    await db.$transaction(async (tx) => {
      await recordAttendance(tx, meeting.id, netCab.id);
      arrived();
      voted = voteOnChange(contextFor(netCab), change.id, { decision: "APPROVE", comment: "fine", meetingId: meeting.id });
      // Give the vote time to reach its own attendance row and wait on this one.
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    await written;
    await expect(voted).resolves.toMatchObject({ id: change.id });
    expect(await db.cabAttendee.count({ where: { meetingId: meeting.id, userId: netCab.id } })).toBe(1);
    expect(await db.cabVote.count({ where: { userId: netCab.id, agendaItem: { meetingId: meeting.id } } })).toBe(1);
  });
});

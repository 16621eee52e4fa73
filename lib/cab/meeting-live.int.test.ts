import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createSurfaceWithMap, submittedPartnerChange } from "@/lib/changes/test-fixtures";
import { voteOnChange } from "@/lib/changes/workflow";
import { errorResponse } from "@/lib/api/route";
import { UniqueNameError, ValidationError } from "@/lib/errors";
import { updateOrganizationSettings } from "@/lib/organization/service";
import { actOnMeeting, createMeeting, exportMinutes, getMeeting } from "./service";
import { openMeetingStream } from "./stream";

const HOUR = 3_600_000;

async function changeInReview() {
  const { requester, netCab, secCab, change } = await submittedPartnerChange();
  // The agenda takes the riskiest changes first: this one goes to the top, whatever other tests left.
  await db.change.update({ where: { id: change.id }, data: { riskScore: 10_000 } });
  return { requester, netCab, secCab, change };
}

const meetingInput = (title: string, at: number, pastRecord = false) => ({
  title: `${title} ${uniqueSuffix()}`,
  scheduledAt: new Date(Date.now() + at),
  pastRecord,
  attendeeIds: [],
});

/** Reads server-sent events off a stream until one named `name` arrives. */
async function nextEvent(reader: ReadableStreamDefaultReader<Uint8Array>, name: string): Promise<string> {
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before a ${name} event`);
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split("\n\n");
    buffer = blocks.pop() ?? "";
    for (const block of blocks) if (block.split("\n").includes(`event: ${name}`)) return block;
  }
}

describe("a CAB meeting, live", () => {
  it("tells every open meeting screen of a vote cast elsewhere, with no click", async () => {
    const { netCab, secCab, change } = await changeInReview();
    const meeting = await createMeeting(contextFor(secCab), meetingInput("Live CAB", HOUR));
    await actOnMeeting(contextFor(secCab), meeting.id, { action: "start" });
    const abort = new AbortController();
    const response = await openMeetingStream(contextFor(secCab), meeting.id, abort.signal);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const hello = await nextEvent(reader, "hello");
    await voteOnChange(contextFor(netCab), change.id, { decision: "APPROVE", comment: "fine", meetingId: meeting.id });
    const updated = await nextEvent(reader, "updated");
    expect(updated).toContain(meeting.id);
    // The event id is a digest of what the screen shows: it moved with the vote.
    expect(updated.match(/^id: (.+)$/m)?.[1]).not.toBe(hello.match(/^id: (.+)$/m)?.[1]);
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });

  it("counts whoever voted among the attendees, in the meeting and its minutes", async () => {
    const { netCab, secCab, change } = await changeInReview();
    const meeting = await createMeeting(contextFor(secCab), meetingInput("Attendance", HOUR));
    await actOnMeeting(contextFor(secCab), meeting.id, { action: "start" });
    // netCab never pressed anything but the vote: they attended.
    await db.cabAttendee.deleteMany({ where: { meetingId: meeting.id, userId: netCab.id } });
    await voteOnChange(contextFor(netCab), change.id, { decision: "APPROVE", comment: "ok", meetingId: meeting.id });
    const read = await getMeeting(contextFor(secCab), meeting.id);
    expect(read.attendees.map((attendee) => attendee.id)).toEqual(expect.arrayContaining([secCab.id, netCab.id]));
    await actOnMeeting(contextFor(secCab), meeting.id, { action: "end", carry: [] });
    const minutes = await exportMinutes(contextFor(secCab), meeting.id);
    expect(minutes).toMatch(new RegExp(`Attendees: .*${netCab.name} \\(NetOps\\)`));
  });

  it("writes the minutes in the organization's time zone, naming it", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const { secCab } = await changeInReview();
    await updateOrganizationSettings(contextFor(admin), { timeZone: "Asia/Tokyo" });
    try {
      const meeting = await createMeeting(contextFor(secCab), meetingInput("Zoned", HOUR));
      const minutes = await exportMinutes(contextFor(secCab), meeting.id);
      expect(minutes).toContain("(Asia/Tokyo, GMT+9)");
      expect(minutes).toContain("Times are in Asia/Tokyo");
    } finally {
      await updateOrganizationSettings(contextFor(admin), { timeZone: "UTC" });
    }
  });
});

describe("ending a CAB meeting", () => {
  it("carries the undecided items the chair chose to a meeting still to come, defers the others, in one audited write", async () => {
    const { secCab, change } = await changeInReview();
    const meeting = await createMeeting(contextFor(secCab), meetingInput("Ends", HOUR));
    const next = await createMeeting(contextFor(secCab), meetingInput("Next", 24 * HOUR));
    await actOnMeeting(contextFor(secCab), meeting.id, { action: "start" });
    const started = await getMeeting(contextFor(secCab), meeting.id);
    const item = started.items.find((candidate) => candidate.change.id === change.id)!;
    expect(item.decidedIfEnded).toBeNull();
    const ended = await actOnMeeting(contextFor(secCab), meeting.id, { action: "end", carry: [{ itemId: item.id, toMeetingId: next.id }] });
    const carried = ended.items.find((candidate) => candidate.id === item.id)!;
    expect(carried.outcome).toBe("CARRIED");
    expect(carried.carriedTo).toEqual({ id: next.id, title: next.title });
    expect(ended.items.filter((candidate) => candidate.id !== item.id).every((candidate) => candidate.outcome !== null)).toBe(true);
    expect((await getMeeting(contextFor(secCab), next.id)).items.map((candidate) => candidate.change.id)).toContain(change.id);
    const audit = await db.auditEvent.findFirst({ where: { entityId: meeting.id, action: "cab.meeting.end" } });
    expect(audit?.after).toMatchObject({ carry: [{ itemId: item.id, toMeetingId: next.id }] });
    expect(await exportMinutes(contextFor(secCab), meeting.id)).toContain(`Decision: Carried to ${next.title}`);
  });

  it("carries an item to a meeting whose agenda is being built at that moment: whichever puts it there first wins, neither fails", async () => {
    const { secCab, change } = await changeInReview();
    const meeting = await createMeeting(contextFor(secCab), meetingInput("Ending", HOUR));
    const next = await createMeeting(contextFor(secCab), meetingInput("Building", 24 * HOUR));
    // The later meeting does not have the change yet: its agenda is being built in another transaction.
    await db.cabAgendaItem.deleteMany({ where: { meetingId: next.id, changeId: change.id } });
    await actOnMeeting(contextFor(secCab), meeting.id, { action: "start" });
    const item = (await getMeeting(contextFor(secCab), meeting.id)).items.find((candidate) => candidate.change.id === change.id)!;
    let ended!: Promise<unknown>;
    await db.$transaction(async (tx) => {
      await tx.cabAgendaItem.create({ data: { meetingId: next.id, changeId: change.id, position: 999, retrospective: false } });
      ended = actOnMeeting(contextFor(secCab), meeting.id, { action: "end", carry: [{ itemId: item.id, toMeetingId: next.id }] });
      // Give the end time to reach its own insert and wait on this one.
      await new Promise((resolve) => setTimeout(resolve, 500));
    });
    await expect(ended).resolves.toMatchObject({ id: meeting.id });
    expect(await db.cabAgendaItem.count({ where: { meetingId: next.id, changeId: change.id } })).toBe(1);
  });

  it("refuses a plan that carries to a meeting already held, or an item not its own, and writes nothing", async () => {
    const { secCab, change } = await changeInReview();
    const held = await createMeeting(contextFor(secCab), meetingInput("Held", -2 * HOUR, true));
    const meeting = await createMeeting(contextFor(secCab), meetingInput("Refuses", HOUR));
    await actOnMeeting(contextFor(secCab), meeting.id, { action: "start" });
    const item = (await getMeeting(contextFor(secCab), meeting.id)).items.find((candidate) => candidate.change.id === change.id)!;
    const refused = actOnMeeting(contextFor(secCab), meeting.id, {
      action: "end",
      carry: [
        { itemId: item.id, toMeetingId: held.id },
        { itemId: held.id, toMeetingId: meeting.id },
      ],
    });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await refused.catch((error: ValidationError) =>
      expect(error.fields.map((field) => field.path)).toEqual(["carry.0.toMeetingId", "carry.1.itemId", "carry.1.toMeetingId"]),
    );
    const after = await getMeeting(contextFor(secCab), meeting.id);
    expect(after.endedAt).toBeNull();
    expect(after.items.every((candidate) => candidate.outcome === null)).toBe(true);
  });
});

describe("the date of a CAB meeting", () => {
  it("refuses a meeting dated in the past (400 naming the field) unless it is the record of one, marked so", async () => {
    const secCab = await createTestUser("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const past = meetingInput("Yesterday", -24 * HOUR);
    const refused = createMeeting(contextFor(secCab), past);
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await refused.catch((error: ValidationError) => expect(error.fields[0]?.path).toBe("scheduledAt"));
    expect(await db.cabMeeting.count({ where: { title: past.title } })).toBe(0);
    const record = await createMeeting(contextFor(secCab), { ...past, pastRecord: true });
    expect(record.pastRecord).toBe(true);
    expect(record.items).toEqual([]);
    expect(await exportMinutes(contextFor(secCab), record.id)).toContain("Record of a meeting already held");
  });
});

describe("unique names", () => {
  it("refuses a meeting title already used, whatever its case, with a 409 naming the field", async () => {
    const secCab = await createTestUser("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const first = await createMeeting(contextFor(secCab), meetingInput("Unique CAB", HOUR));
    const again = createMeeting(contextFor(secCab), { ...meetingInput("x", HOUR), title: first.title.toUpperCase() });
    await expect(again).rejects.toBeInstanceOf(UniqueNameError);
    const response = errorResponse(await again.catch((error: unknown) => error), "req-1");
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: "name_taken", fields: [{ path: "title" }] } });
  });

  it("holds in the database too: a second row with the same name in another case is refused there, and answered as a 409", async () => {
    const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const { surface } = await createSurfaceWithMap(requester);
    const copy = db.protectSurface.create({
      data: {
        name: surface.name.toUpperCase(),
        classification: "INTERNAL",
        criticality: "LOW",
        contentHash: "x",
        createdById: requester.id,
      },
    });
    const error = await copy.catch((caught: unknown) => caught);
    const response = errorResponse(error, "req-2");
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: "name_taken", fields: [{ path: "name" }] } });
  });

  it("lets revisions of one rule share its name but no other live rule take it (the trigger), and frees a retired rule's name", async () => {
    const author = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const name = `Trigger test rule ${uniqueSuffix()}`;
    const base = {
      position: 1,
      // The test database is shared by every file: a rule that matched any change would send others' changes to the CAB.
      condition: { fact: "environment", op: "eq", value: `no-such-environment-${uniqueSuffix()}` },
      outcome: "FORCE_CAB",
      rationale: "t",
      status: "ACTIVE" as const,
      authorId: author.id,
    };
    await db.classificationRule.create({ data: { ...base, ruleKey: `k-${uniqueSuffix()}`, name } });
    const key = `k-${uniqueSuffix()}`;
    await expect(db.classificationRule.create({ data: { ...base, ruleKey: key, name: name.toLowerCase() } })).rejects.toMatchObject({
      code: "P2002",
    });
    const retired = await db.classificationRule.create({ data: { ...base, ruleKey: key, name: `${name} old`, status: "RETIRED" } });
    await db.classificationRule.create({ data: { ...base, ruleKey: key, revision: 2, name: `${name} old`, status: "PROPOSED" } });
    expect(retired.status).toBe("RETIRED");
  });
});

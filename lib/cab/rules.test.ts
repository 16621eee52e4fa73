import { describe, expect, it } from "vitest";
import { carryRefusals, decidedOutcome, meetingDateRefusal, SCHEDULING_GRACE_MS, type TCarryTarget } from "./rules";

const now = new Date("2026-12-07T12:00:00.000Z");
const minutes = (count: number) => new Date(now.getTime() + count * 60_000);

describe("the date of a CAB meeting", () => {
  it("refuses a meeting in the past unless it is a record of one, naming the field", () => {
    expect(meetingDateRefusal(minutes(-60), false, now)).toEqual({ path: "scheduledAt", message: expect.stringMatching(/in the past/) });
    expect(meetingDateRefusal(minutes(-60), true, now)).toBeNull();
    expect(meetingDateRefusal(minutes(60), false, now)).toBeNull();
  });

  it("allows the minutes a form takes to send a meeting scheduled for now, and not a second more", () => {
    expect(meetingDateRefusal(new Date(now.getTime() - SCHEDULING_GRACE_MS), false, now)).toBeNull();
    expect(meetingDateRefusal(new Date(now.getTime() - SCHEDULING_GRACE_MS - 1), false, now)).not.toBeNull();
  });

  it("refuses a record of a past meeting dated in the future", () => {
    expect(meetingDateRefusal(minutes(1), true, now)).toEqual({ path: "scheduledAt", message: expect.stringMatching(/in the future/) });
    expect(meetingDateRefusal(now, true, now)).toBeNull();
  });
});

describe("what ending a meeting records for an item", () => {
  const base = { retrospective: false, requesterId: "r", reviews: [] };
  it("keeps the change's decision, and leaves a change still in review undecided", () => {
    for (const state of ["APPROVED", "REJECTED", "NEEDS_INFO"]) expect(decidedOutcome({ ...base, changeState: state })).toBe(state);
    for (const state of ["CAB_REVIEW", "EMERGENCY", "SCHEDULED"]) expect(decidedOutcome({ ...base, changeState: state })).toBeNull();
  });

  it("decides a retrospective review from both teams' reviews only", () => {
    const review = (userId: string, team: "NETOPS" | "SECOPS") => ({
      userId,
      decision: "APPROVE" as const,
      voter: { team, roles: ["CAB_MEMBER" as const], active: true },
    });
    const retro = { retrospective: true, changeState: "VERIFIED", requesterId: "r" };
    expect(decidedOutcome({ ...retro, reviews: [review("a", "NETOPS")] })).toBeNull();
    expect(decidedOutcome({ ...retro, reviews: [review("a", "NETOPS"), review("b", "SECOPS")] })).toBe("REVIEWED");
  });
});

describe("the chair's plan for undecided items", () => {
  const meeting = {
    id: "m",
    items: [
      { id: "open", undecided: true },
      { id: "done", undecided: false },
    ],
  };
  const future: TCarryTarget = { id: "next", startedAt: null, endedAt: null, scheduledAt: minutes(60 * 24 * 7), pastRecord: false };
  const targets = new Map<string, TCarryTarget>([
    ["next", future],
    ["held", { ...future, id: "held", endedAt: minutes(-60), startedAt: minutes(-90) }],
    ["record", { ...future, id: "record", pastRecord: true, scheduledAt: minutes(-60) }],
  ]);

  it("accepts an undecided item carried to a meeting still to come", () => {
    expect(carryRefusals([{ itemId: "open", toMeetingId: "next" }], meeting, targets, now)).toEqual([]);
  });

  it("names the entry and the field of every bad part of the plan", () => {
    expect(
      carryRefusals(
        [
          { itemId: "done", toMeetingId: "next" },
          { itemId: "elsewhere", toMeetingId: "held" },
          { itemId: "open", toMeetingId: "m" },
          { itemId: "open", toMeetingId: "record" },
          { itemId: "open", toMeetingId: "missing" },
        ],
        meeting,
        targets,
        now,
      ).map((error) => error.path),
    ).toEqual([
      "carry.0.itemId",
      "carry.1.itemId",
      "carry.1.toMeetingId",
      "carry.2.toMeetingId",
      "carry.3.itemId",
      "carry.3.toMeetingId",
      "carry.4.itemId",
      "carry.4.toMeetingId",
    ]);
  });
});

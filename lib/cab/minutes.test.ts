import { describe, expect, it } from "vitest";
import { minutesMarkdown, type TMinutesInput } from "./minutes";

const meeting: TMinutesInput = {
  title: "Weekly CAB",
  timeZone: "Europe/Berlin",
  scheduledAt: "2026-11-20T10:00:00.000Z",
  startedAt: "2026-11-20T10:02:00.000Z",
  endedAt: "2026-11-20T10:40:00.000Z",
  attendees: [
    { name: "Sam Rivera", team: "SECOPS" },
    { name: "Nadia Okafor", team: "NETOPS" },
  ],
  items: [
    {
      position: 1,
      number: 12,
      title: "Open partner feed",
      track: "CAB",
      riskScore: 61,
      state: "CAB_REVIEW",
      retrospective: false,
      outcome: "DEFERRED",
      reasons: ["Loosening into Restricted"],
      votes: [{ name: "Sam Rivera", team: "SECOPS", decision: "APPROVE", comment: "mTLS | pinned", at: "2026-11-20T10:05:00.000Z" }],
    },
    {
      position: 2,
      number: 13,
      title: "Hotfix",
      track: "EMERGENCY",
      riskScore: 40,
      state: "VERIFIED",
      retrospective: true,
      outcome: "CARRIED",
      carriedTo: "CAB 27 November",
      reasons: [],
      votes: [],
    },
  ],
};

describe("CAB minutes", () => {
  it("lists attendees with their teams in words, each item's decision and every vote, escaping table cells", () => {
    const markdown = minutesMarkdown(meeting);
    expect(markdown).toContain("- Attendees: Sam Rivera (SecOps), Nadia Okafor (NetOps)");
    expect(markdown).toContain("### 1. #12 Open partner feed");
    expect(markdown).toContain("| Sam Rivera | SecOps | Approve | 11:05 | mTLS \\| pinned |");
    expect(markdown).toContain("### 2. #13 Hotfix (emergency, reviewed afterwards)");
    expect(markdown).toContain("- No votes recorded.");
  });

  it("writes words, never the internal codes of states, tracks, outcomes or teams", () => {
    const markdown = minutesMarkdown(meeting);
    expect(markdown).toContain("- CAB track · risk 61 · now CAB review");
    expect(markdown).toContain("- Decision: Deferred to the next meeting");
    expect(markdown).toContain("- Decision: Carried to CAB 27 November");
    for (const code of ["CAB_REVIEW", "DEFERRED", "CARRIED", "SECOPS", "NETOPS", "APPROVE |", "EMERGENCY", "VERIFIED"])
      expect(markdown).not.toContain(code);
  });

  it("gives every time in the organization's zone, naming it, never raw UTC", () => {
    const markdown = minutesMarkdown(meeting);
    expect(markdown).toContain("- Scheduled: Fri, 20 Nov 2026, 11:00 (Europe/Berlin, GMT+1)");
    expect(markdown).toContain("- Held: Fri, 20 Nov 2026, 11:02 (Europe/Berlin, GMT+1) to 11:40");
    expect(markdown).toContain("- Times are in Europe/Berlin");
    expect(markdown).not.toMatch(/\d{4}-\d\d-\d\dT/);
    const newYork = minutesMarkdown({ ...meeting, timeZone: "America/New_York" });
    expect(newYork).toContain("- Scheduled: Fri, 20 Nov 2026, 05:00 (America/New_York, GMT-5)");
  });

  it("marks a record of a past meeting and says so when the agenda was empty", () => {
    const markdown = minutesMarkdown({ ...meeting, pastRecord: true, startedAt: null, endedAt: null, attendees: [], items: [] });
    expect(markdown).toContain("- Record of a meeting already held, entered afterwards");
    expect(markdown).toContain("No changes were on the agenda.");
    expect(markdown).toContain("- Attendees: none recorded");
  });
});

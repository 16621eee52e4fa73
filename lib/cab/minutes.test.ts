import { describe, expect, it } from "vitest";
import { minutesMarkdown } from "./minutes";

describe("CAB minutes", () => {
  it("lists attendees, each item's decision and every vote, escaping table cells", () => {
    const markdown = minutesMarkdown({
      title: "Weekly CAB",
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
          state: "APPROVED",
          retrospective: false,
          outcome: "APPROVED",
          reasons: ["Loosening into Restricted"],
          votes: [{ name: "Sam Rivera", team: "SECOPS", decision: "APPROVE", comment: "mTLS | pinned" }],
        },
        {
          position: 2,
          number: 13,
          title: "Hotfix",
          track: "EMERGENCY",
          riskScore: 40,
          state: "VERIFIED",
          retrospective: true,
          outcome: null,
          reasons: [],
          votes: [],
        },
      ],
    });
    expect(markdown).toContain("- Attendees: Sam Rivera (SECOPS), Nadia Okafor (NETOPS)");
    expect(markdown).toContain("### 1. #12 Open partner feed");
    expect(markdown).toContain("| Sam Rivera | SECOPS | APPROVE | mTLS \\| pinned |");
    expect(markdown).toContain("### 2. #13 Hotfix (emergency, reviewed afterwards)");
    expect(markdown).toContain("- No votes recorded.");
  });

  it("says so when the agenda was empty", () => {
    expect(minutesMarkdown({ title: "T", scheduledAt: "x", startedAt: null, endedAt: null, attendees: [], items: [] })).toContain(
      "No changes were on the agenda.",
    );
  });
});

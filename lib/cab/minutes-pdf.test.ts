import { describe, expect, it } from "vitest";
import { minutesMarkdown, type TMinutesInput } from "./minutes";
import { minutesBlocks, renderMinutesPdf } from "./minutes-pdf";

const meeting: TMinutesInput = {
  title: "Weekly CAB",
  scheduledAt: "2026-11-20T10:00:00.000Z",
  startedAt: "2026-11-20T10:02:00.000Z",
  endedAt: "2026-11-20T10:40:00.000Z",
  attendees: [{ name: "Sam Rivera", team: "SECOPS" }],
  items: [
    { position: 1, number: 12, title: "Open partner feed", track: "CAB", riskScore: 61, state: "APPROVED", retrospective: false, outcome: "APPROVED", reasons: ["Loosening → Restricted"], votes: [{ name: "Sam Rivera", team: "SECOPS", decision: "APPROVE", comment: "mTLS | pinned" }] },
    { position: 2, number: 13, title: "Hotfix", track: "EMERGENCY", riskScore: 40, state: "VERIFIED", retrospective: true, outcome: null, reasons: [], votes: [] },
  ],
};

describe("CAB minutes as PDF", () => {
  it("reads back every heading, bullet and vote the Markdown minutes hold", () => {
    const blocks = minutesBlocks(minutesMarkdown(meeting));
    expect(blocks[0]).toEqual({ kind: "title", text: "Weekly CAB" });
    expect(blocks).toContainEqual({ kind: "section", text: "Agenda" });
    expect(blocks).toContainEqual({ kind: "item", text: "1. #12 Open partner feed" });
    expect(blocks).toContainEqual({ kind: "bullet", text: "Decision: APPROVED" });
    expect(blocks).toContainEqual({ kind: "table", header: ["Member", "Team", "Vote", "Comment"], rows: [["Sam Rivera", "SECOPS", "APPROVE", "mTLS | pinned"]] });
    expect(blocks).toContainEqual({ kind: "bullet", text: "No votes recorded." });
  });

  it("keeps a paragraph for an empty agenda", () => {
    expect(minutesBlocks(minutesMarkdown({ ...meeting, items: [] }))).toContainEqual({ kind: "paragraph", text: "No changes were on the agenda." });
  });

  it("renders a valid PDF", async () => {
    const pdf = await renderMinutesPdf(minutesMarkdown(meeting));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(1000);
  });
});

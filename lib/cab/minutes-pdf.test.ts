import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { minutesMarkdown, type TMinutesInput } from "./minutes";
import { minutesBlocks, renderMinutesPdf } from "./minutes-pdf";
import { pagesEndingWithHeader, pdfPages } from "@/lib/test/pdf-pages";

const meeting: TMinutesInput = {
  title: "Weekly CAB",
  timeZone: "UTC",
  scheduledAt: "2026-11-20T10:00:00.000Z",
  startedAt: "2026-11-20T10:02:00.000Z",
  endedAt: "2026-11-20T10:40:00.000Z",
  attendees: [{ name: "Sam Rivera", team: "SECOPS" }],
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
      reasons: ["Loosening → Restricted"],
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
};

/**
 * The text drawn on the pages, in drawing order. The built-in Helvetica writes WinAnsi bytes as hex
 * strings, split where kerning applies and sometimes into several operators per line, so all of
 * them are joined.
 */
function drawnText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const runs: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf("endstream", start))).toString("latin1");
    } catch {
      continue; // not a compressed content stream (fonts, metadata)
    }
    for (const [, operands = ""] of content.matchAll(/\[(.*?)\] TJ/g)) {
      runs.push([...operands.matchAll(/<([0-9a-f]*)>/g)].map(([, hex = ""]) => Buffer.from(hex, "hex").toString("latin1")).join(""));
    }
  }
  return runs.join("");
}

describe("CAB minutes as PDF", () => {
  it("reads back every heading, bullet and vote the Markdown minutes hold", () => {
    const blocks = minutesBlocks(minutesMarkdown(meeting));
    expect(blocks[0]).toEqual({ kind: "title", text: "Weekly CAB" });
    expect(blocks).toContainEqual({ kind: "section", text: "Agenda" });
    expect(blocks).toContainEqual({ kind: "item", text: "1. #12 Open partner feed" });
    expect(blocks).toContainEqual({ kind: "bullet", text: "Decision: Approved" });
    expect(blocks).toContainEqual({
      kind: "table",
      header: ["Member", "Team", "Vote", "Time", "Comment"],
      rows: [["Sam Rivera", "SecOps", "Approve", "", "mTLS | pinned"]],
    });
    expect(blocks).toContainEqual({ kind: "bullet", text: "No votes recorded." });
  });

  it("keeps a paragraph for an empty agenda", () => {
    expect(minutesBlocks(minutesMarkdown({ ...meeting, items: [] }))).toContainEqual({
      kind: "paragraph",
      text: "No changes were on the agenda.",
    });
  });

  it("renders a valid PDF holding the decisions, the votes and a page footer", async () => {
    const pdf = await renderMinutesPdf(minutesMarkdown(meeting));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = drawnText(pdf);
    for (const line of [
      "Weekly CAB",
      "1. #12 Open partner feed",
      "Decision: Approved",
      "Loosening -> Restricted",
      "mTLS | pinned",
      "No votes recorded.",
      "CAB minutes · page 1",
    ])
      expect(text).toContain(line);
  });

  it("never leaves a votes table's header alone at the bottom of a page, and repeats it on every page a table runs onto", async () => {
    const vote = { name: "Sam Rivera", team: "SECOPS", decision: "APPROVE", comment: "ok", at: "2026-11-20T10:05:00.000Z" };
    // Tables of 1 to 5 rows put table starts at many heights, some at the foot of a page; the last one runs over two pages.
    const items = Array.from({ length: 30 }, (_, index) => ({
      ...meeting.items[0]!,
      position: index + 1,
      number: 100 + index,
      votes: Array.from({ length: (index % 5) + 1 }, () => vote),
    }));
    items.push({ ...items[0]!, position: 31, number: 131, votes: Array.from({ length: 60 }, () => vote) });
    const pages = await pdfPages(await renderMinutesPdf(minutesMarkdown({ ...meeting, items })));
    const header = "Member Team Vote Time Comment";
    const row = "Sam Rivera SecOps Approve 10:05 ok";
    expect(pages.length).toBeGreaterThan(4);
    expect(pagesEndingWithHeader(pages, header, /^CAB minutes · page \d+$/)).toEqual([]);
    // A page that starts in the middle of a table starts with the header again.
    for (const lines of pages.slice(1))
      if (lines[0] === row) throw new Error(`a page starts with a vote row without its header: ${lines.join(" / ")}`);
    expect(pages.filter((lines) => lines[0] === header).length).toBeGreaterThan(0);
  }, 60_000);

  it("numbers every page of a long agenda", async () => {
    const items = Array.from({ length: 40 }, (_, index) => ({ ...meeting.items[0]!, position: index + 1, number: 100 + index }));
    const text = drawnText(await renderMinutesPdf(minutesMarkdown({ ...meeting, items })));
    expect(text).toContain("CAB minutes · page 2");
    expect(text).toContain("40. #139 Open partner feed");
  }, 60_000);
});

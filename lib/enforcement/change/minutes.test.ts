import { describe, expect, it } from "vitest";
import { minutesMarkdown } from "@/lib/cab/minutes";
import { minutesBlocks } from "@/lib/cab/minutes-pdf";
import { PAYMENTS_FLOWS, PAYMENTS_SURFACE } from "../test-fixtures";
import { applyProposedOperations } from "./apply";
import { diffPolicy } from "./diff";
import { MINUTES_DIFF_LINES, policyMinutesLines } from "./minutes";

const vaultFlow = PAYMENTS_FLOWS[2]!;
const after = applyProposedOperations(PAYMENTS_SURFACE, [{ id: "r", kind: "REMOVE", edgeId: vaultFlow.id }], { id: "c", number: 9 });
const impact = {
  newlyDropped: {
    connections: 1200,
    kinds: 1,
    examples: [{ source: "Tokeniser", destination: "Card vault", protocol: "TCP", port: 5432, connections: 1200 }],
  },
  newlyAllowed: { connections: 0, kinds: 0, examples: [] },
  unchanged: { connections: 10, kinds: 1, allowed: 10, dropped: 0 },
};

describe("a change's policy in the CAB minutes", () => {
  const lines = policyMinutesLines(
    [{ surfaceName: "Card payments", targets: diffPolicy(PAYMENTS_SURFACE, after), impact, observedConnections: 1210 }],
    30,
  );

  it("states the observed connections it would drop, with the busiest example, and a fenced diff per changed target", () => {
    expect(lines[0]).toBe(
      "- Policy of Card payments: would drop 1,200 observed connections and newly allow 0 observed connections (last 30 days)",
    );
    expect(lines[1]).toBe("- Would drop: Tokeniser → Card vault TCP 5432 (1,200 connections)");
    expect(lines).toContain("```diff");
    expect(lines.find((line) => line.startsWith("- Policy diff, CiliumNetworkPolicy:"))).toMatch(/\d+ files?, \+\d+ −\d+/);
    const fences = lines.filter((line) => line === "```diff").length;
    expect(fences).toBe(lines.filter((line) => line.startsWith("- Policy diff, ")).length);
  });

  it("says a change that alters no policy alters none, and caps a long diff saying how much is left out", () => {
    expect(
      policyMinutesLines(
        [{ surfaceName: "S", targets: diffPolicy(PAYMENTS_SURFACE, PAYMENTS_SURFACE), impact, observedConnections: 0 }],
        7,
      ),
    ).toEqual([
      "- Policy of S: no observed traffic in the last 7 days",
      "- Would drop: Tokeniser → Card vault TCP 5432 (1,200 connections)",
      "- Policy diff: no target's policy changes",
    ]);
    const long = {
      target: "firewall" as const,
      files: [
        {
          path: "f.csv",
          status: "changed" as const,
          added: MINUTES_DIFF_LINES + 5,
          removed: 0,
          hunks: [
            {
              oldStart: 1,
              oldLines: 0,
              newStart: 1,
              newLines: 125,
              lines: Array.from({ length: MINUTES_DIFF_LINES + 5 }, (_, index) => ({ kind: "added" as const, text: `row ${index}` })),
            },
          ],
        },
      ],
      unchangedFiles: 0,
      newlyUnsupported: [],
      noLongerUnsupported: [],
      error: null,
    };
    const capped = policyMinutesLines([{ surfaceName: "S", targets: [long], impact, observedConnections: 1 }], 7);
    const body = capped.slice(capped.indexOf("```diff") + 1, capped.lastIndexOf("```"));
    expect(body).toHaveLength(MINUTES_DIFF_LINES);
    expect(capped).toContain("(8 more lines of this diff on the change page)");
  });

  it("reaches the PDF as a verbatim code block: removed lines are not turned into bullets", () => {
    const markdown = minutesMarkdown({
      title: "CAB",
      timeZone: "UTC",
      scheduledAt: "2026-12-07T10:00:00Z",
      startedAt: null,
      endedAt: null,
      attendees: [],
      items: [
        {
          position: 1,
          number: 9,
          title: "Close the vault port",
          track: "CAB",
          riskScore: 10,
          state: "CAB_REVIEW",
          retrospective: false,
          outcome: null,
          reasons: [],
          votes: [],
          policy: lines,
        },
      ],
    });
    expect(markdown).toContain("would drop 1,200 observed connections");
    const blocks = minutesBlocks(markdown);
    const code = blocks.filter((block) => block.kind === "code");
    expect(code.length).toBeGreaterThan(0);
    const removed = code.flatMap((block) => (block.kind === "code" ? block.lines : [])).filter((line) => line.startsWith("-"));
    expect(removed.some((line) => line.includes('"5432"'))).toBe(true);
    expect(blocks.some((block) => block.kind === "bullet" && block.text.includes('"5432"'))).toBe(false);
  });
});

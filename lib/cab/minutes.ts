/** The data minutes are written from; pure so the Markdown is testable and identical everywhere. */
export type TMinutesInput = {
  title: string;
  scheduledAt: string;
  startedAt: string | null;
  endedAt: string | null;
  attendees: Array<{ name: string; team: string }>;
  items: Array<{
    position: number;
    number: number;
    title: string;
    track: string | null;
    riskScore: number;
    state: string;
    retrospective: boolean;
    outcome: string | null;
    reasons: string[];
    votes: Array<{ name: string; team: string; decision: string; comment: string }>;
    /** The change's policy diff and observed impact, as Markdown lines (lib/enforcement/change/minutes.ts). */
    policy?: string[];
  }>;
};

const escape = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function minutesMarkdown(input: TMinutesInput): string {
  const lines = [
    `# ${input.title}`,
    "",
    `- Scheduled: ${input.scheduledAt}`,
    `- Held: ${input.startedAt ?? "not started"} – ${input.endedAt ?? "open"}`,
    `- Attendees: ${input.attendees.map((attendee) => `${attendee.name} (${attendee.team})`).join(", ") || "none recorded"}`,
    "",
    "## Agenda",
  ];
  if (input.items.length === 0) lines.push("", "No changes were on the agenda.");
  for (const item of input.items) {
    lines.push(
      "",
      `### ${item.position}. #${item.number} ${item.title}${item.retrospective ? " (emergency, reviewed afterwards)" : ""}`,
      "",
      `- Track: ${item.track ?? "unclassified"} · risk ${item.riskScore} · state now: ${item.state}`,
      `- Decision: ${item.outcome ?? "no decision recorded"}`,
    );
    if (item.reasons.length) lines.push(`- Classified by: ${item.reasons.join("; ")}`);
    if (item.policy?.length) lines.push(...item.policy);
    if (item.votes.length) {
      lines.push("", "| Member | Team | Vote | Comment |", "| --- | --- | --- | --- |");
      for (const vote of item.votes) lines.push(`| ${escape(vote.name)} | ${vote.team} | ${vote.decision} | ${escape(vote.comment)} |`);
    } else {
      lines.push("- No votes recorded.");
    }
  }
  return `${lines.join("\n")}\n`;
}

import { formatInZone, formatTimeInZone } from "@/lib/organization/time-zone";
import { STATE_LABELS } from "@/lib/changes/lifecycle";
import { formatCabOutcome, formatTeam, formatTrack, VOTE_LABELS } from "@/lib/ui/labels";
import type { ChangeState } from "@/lib/db/generated/enums.ts";

/** The data minutes are written from; pure so the Markdown is testable and identical everywhere. */
export type TMinutesInput = {
  title: string;
  /** IANA zone of the organization: every time is written in it, with the zone named. */
  timeZone: string;
  scheduledAt: string;
  startedAt: string | null;
  endedAt: string | null;
  pastRecord?: boolean;
  /** Everyone who joined the meeting or voted in it. */
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
    carriedTo?: string | null;
    reasons: string[];
    votes: Array<{ name: string; team: string; decision: string; comment: string; at?: string }>;
    /** The change's policy diff and observed impact, as Markdown lines (lib/enforcement/change/minutes.ts). */
    policy?: string[];
  }>;
};

const escape = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const stateLabel = (state: string) => STATE_LABELS[state as ChangeState] ?? state;
const voteLabel = (decision: string) => VOTE_LABELS[decision as keyof typeof VOTE_LABELS] ?? decision;

function held(input: TMinutesInput): string {
  if (!input.startedAt) return "not started";
  const start = formatInZone(input.startedAt, input.timeZone);
  if (!input.endedAt) return `${start}, still in progress`;
  const sameDay = input.startedAt.slice(0, 10) === input.endedAt.slice(0, 10);
  return `${start} to ${sameDay ? formatTimeInZone(input.endedAt, input.timeZone) : formatInZone(input.endedAt, input.timeZone)}`;
}

function decision(item: TMinutesInput["items"][number]): string {
  if (item.outcome === "CARRIED" && item.carriedTo) return `Carried to ${item.carriedTo}`;
  return formatCabOutcome(item.outcome);
}

export function minutesMarkdown(input: TMinutesInput): string {
  const lines = [
    `# ${input.title}`,
    "",
    ...(input.pastRecord ? ["- Record of a meeting already held, entered afterwards"] : []),
    `- Scheduled: ${formatInZone(input.scheduledAt, input.timeZone)}`,
    `- Held: ${held(input)}`,
    `- Times are in ${input.timeZone}`,
    `- Attendees: ${input.attendees.map((attendee) => `${attendee.name} (${formatTeam(attendee.team)})`).join(", ") || "none recorded"}`,
    "",
    "## Agenda",
  ];
  if (input.items.length === 0) lines.push("", "No changes were on the agenda.");
  for (const item of input.items) {
    lines.push(
      "",
      `### ${item.position}. #${item.number} ${item.title}${item.retrospective ? " (emergency, reviewed afterwards)" : ""}`,
      "",
      `- ${formatTrack(item.track)} · risk ${item.riskScore} · now ${stateLabel(item.state)}`,
      `- Decision: ${decision(item)}`,
    );
    if (item.reasons.length) lines.push(`- Classified by: ${item.reasons.join("; ")}`);
    if (item.policy?.length) lines.push(...item.policy);
    if (item.votes.length) {
      lines.push("", "| Member | Team | Vote | Time | Comment |", "| --- | --- | --- | --- | --- |");
      for (const vote of item.votes)
        lines.push(
          `| ${escape(vote.name)} | ${formatTeam(vote.team)} | ${voteLabel(vote.decision)} | ${vote.at ? formatTimeInZone(vote.at, input.timeZone) : ""} | ${escape(vote.comment)} |`,
        );
    } else {
      lines.push("- No votes recorded.");
    }
  }
  return `${lines.join("\n")}\n`;
}

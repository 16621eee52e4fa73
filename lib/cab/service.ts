import { db, type Prisma, type TTx } from "@/lib/db";
import type { TAuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { assertPersonDeciding } from "@/lib/auth/decisions";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import type { TClassification } from "@/lib/change-policy/classifier";
import { changeInclude, statusOf, toChange } from "@/lib/changes/read";
import { minutesMarkdown, type TMinutesInput } from "./minutes";
import { getEnv } from "@/lib/env";
import { loadPolicyMinutes } from "@/lib/enforcement/change/load";
import { retrospectiveOutcome } from "./retrospective";
import type { TCabReview, TCreateMeeting } from "./schemas";

const meetingInclude = {
  attendees: { include: { user: { select: { id: true, name: true, team: true } } } },
  agendaItems: {
    orderBy: { position: "asc" },
    include: {
      change: { include: changeInclude },
      votes: { include: { user: { select: { name: true, team: true, roles: true, status: true } } }, orderBy: { createdAt: "asc" } },
    },
  },
} as const satisfies Prisma.CabMeetingInclude;
type TMeetingRow = Prisma.CabMeetingGetPayload<{ include: typeof meetingInclude }>;

function toMeeting(row: TMeetingRow) {
  return {
    id: row.id,
    title: row.title,
    scheduledAt: row.scheduledAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    attendees: row.attendees.map((attendee) => attendee.user),
    items: row.agendaItems.map((item) => ({
      id: item.id,
      position: item.position,
      retrospective: item.retrospective,
      outcome: item.outcome,
      change: toChange(item.change),
      votes: item.votes.map((vote) => ({
        userId: vote.userId,
        name: vote.user.name,
        team: vote.user.team,
        decision: vote.decision,
        comment: vote.comment,
        createdAt: vote.createdAt.toISOString(),
      })),
    })),
  };
}
export type TMeeting = ReturnType<typeof toMeeting>;

async function loadMeeting(tx: TTx, id: string) {
  const row = await tx.cabMeeting.findUnique({ where: { id }, include: meetingInclude });
  if (!row) throw new NotFoundError("The CAB meeting");
  return row;
}

/**
 * Builds the agenda: every change in CAB review or awaiting emergency approval, and every approved
 * emergency not yet reviewed afterwards, that is not already on an undecided item of this meeting.
 */
async function buildAgenda(tx: TTx, meetingId: string): Promise<number> {
  // A deferred review (no decision of both teams yet) comes back on the next agenda.
  const reviewedEmergencies = await tx.cabAgendaItem.findMany({
    where: { retrospective: true, outcome: { in: ["REVIEWED", "REJECTED"] } },
    select: { changeId: true },
  });
  const candidates = await tx.change.findMany({
    where: {
      OR: [
        { state: { in: ["CAB_REVIEW", "EMERGENCY"] } },
        {
          track: "EMERGENCY",
          state: { in: ["APPROVED", "SCHEDULED", "IMPLEMENTED", "VERIFIED", "ROLLED_BACK"] },
          id: { notIn: reviewedEmergencies.map((item) => item.changeId) },
        },
      ],
    },
    orderBy: [{ riskScore: "desc" }, { submittedAt: "asc" }],
    select: { id: true, state: true },
    take: 100,
  });
  const existing = await tx.cabAgendaItem.findMany({ where: { meetingId }, select: { changeId: true, position: true } });
  const present = new Set(existing.map((item) => item.changeId));
  let position = Math.max(0, ...existing.map((item) => item.position));
  let added = 0;
  for (const candidate of candidates) {
    if (present.has(candidate.id)) continue;
    position += 1;
    added += 1;
    await tx.cabAgendaItem.create({
      data: {
        meetingId,
        changeId: candidate.id,
        position,
        retrospective: candidate.state !== "CAB_REVIEW" && candidate.state !== "EMERGENCY",
      },
    });
  }
  return added;
}

export async function listMeetings(context: TActorContext) {
  assertCan(context.actor, "cab.read");
  const rows = await db.cabMeeting.findMany({
    orderBy: { scheduledAt: "desc" },
    take: 50,
    include: { _count: { select: { agendaItems: true, attendees: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    scheduledAt: row.scheduledAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    items: row._count.agendaItems,
    attendees: row._count.attendees,
  }));
}

export async function getMeeting(context: TActorContext, id: string): Promise<TMeeting> {
  assertCan(context.actor, "cab.read");
  return toMeeting(await loadMeeting(db, id));
}

export async function createMeeting(context: TActorContext, input: TCreateMeeting): Promise<TMeeting> {
  assertCan(context.actor, "cab.manage");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const attendeeIds = [...new Set([actor.id, ...input.attendeeIds])];
    const meeting = await tx.cabMeeting.create({
      data: { title: input.title, scheduledAt: input.scheduledAt, attendees: { create: attendeeIds.map((userId) => ({ userId })) } },
    });
    await buildAgenda(tx, meeting.id);
    const result = toMeeting(await loadMeeting(tx, meeting.id));
    await recordAudit(tx, context, {
      action: "cab.meeting.create",
      entityType: "CabMeeting",
      entityId: meeting.id,
      after: { title: input.title, scheduledAt: input.scheduledAt, attendeeIds, agenda: result.items.map((item) => item.change.id) },
    });
    return result;
  });
}

/** Start (the member joins the attendees), end (records each item's decision and the minutes) or refresh the agenda. */
/** The audit action of each meeting action; "refresh-agenda" is the API's spelling, not the audit's. */
const MEETING_AUDIT_ACTIONS = {
  start: "cab.meeting.start",
  end: "cab.meeting.end",
  "refresh-agenda": "cab.meeting.refresh_agenda",
} as const satisfies Record<string, TAuditAction>;

export async function actOnMeeting(context: TActorContext, id: string, action: "start" | "end" | "refresh-agenda"): Promise<TMeeting> {
  assertCan(context.actor, "cab.manage");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const before = await loadMeeting(tx, id);
    if (before.endedAt) throw new RuleViolationError("The meeting has ended.", "meeting_ended");
    if (action === "refresh-agenda") await buildAgenda(tx, id);
    if (action === "start") {
      await buildAgenda(tx, id);
      await tx.cabMeeting.update({ where: { id }, data: { startedAt: before.startedAt ?? new Date() } });
      await tx.cabAttendee.upsert({
        where: { meetingId_userId: { meetingId: id, userId: actor.id } },
        create: { meetingId: id, userId: actor.id },
        update: {},
      });
    }
    if (action === "end") {
      for (const item of before.agendaItems) {
        const reviews = item.votes.map((vote) => ({
          userId: vote.userId,
          decision: vote.decision,
          voter: { team: vote.user.team, roles: vote.user.roles, active: vote.user.status === "ACTIVE" },
        }));
        const outcome = item.retrospective
          ? retrospectiveOutcome(reviews, item.change.requesterId)
          : ["APPROVED", "REJECTED", "NEEDS_INFO"].includes(item.change.state)
            ? item.change.state
            : null;
        await tx.cabAgendaItem.update({ where: { id: item.id }, data: { outcome: outcome ?? "DEFERRED" } });
      }
      await tx.cabMeeting.update({ where: { id }, data: { endedAt: new Date(), startedAt: before.startedAt ?? new Date() } });
      const ended = await loadMeeting(tx, id);
      const policy = await loadPolicyMinutes(
        tx,
        ended.agendaItems.map((item) => item.change.id),
        getEnv().POLICY_IMPACT_DAYS,
      );
      await tx.cabMeeting.update({ where: { id }, data: { minutes: minutesMarkdown(minutesInputOf(ended, policy)) } });
    }
    const after = toMeeting(await loadMeeting(tx, id));
    await recordAudit(tx, context, {
      action: MEETING_AUDIT_ACTIONS[action],
      entityType: "CabMeeting",
      entityId: id,
      before: { startedAt: before.startedAt, endedAt: before.endedAt },
      after: {
        startedAt: after.startedAt,
        endedAt: after.endedAt,
        items: after.items.map((item) => ({ changeId: item.change.id, outcome: item.outcome })),
      },
    });
    return after;
  });
}

/** Records a retrospective review vote (an emergency already decided) without touching the change. */
export async function reviewRetrospective(context: TActorContext, meetingId: string, { changeId, decision, comment }: TCabReview) {
  assertCan(context.actor, "change.approve");
  assertPersonDeciding(context, "review a change retrospectively");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const item = await tx.cabAgendaItem.findUnique({
      where: { meetingId_changeId: { meetingId, changeId } },
      include: { change: { select: { requesterId: true } }, meeting: { select: { endedAt: true } }, votes: { select: { userId: true } } },
    });
    if (!item?.retrospective) throw new NotFoundError("The retrospective agenda item");
    if (item.meeting.endedAt)
      throw new RuleViolationError("The meeting has ended; the review goes on the next meeting's agenda.", "meeting_ended");
    if (item.change.requesterId === actor.id)
      throw new RuleViolationError("A requester never reviews their own change.", "segregation_of_duties");
    if (item.votes.some((vote) => vote.userId === actor.id))
      throw new RuleViolationError(
        "You have already reviewed this change; the review needs a CAB member of the other team too.",
        "segregation_of_duties",
      );
    const vote = await tx.cabVote.create({ data: { agendaItemId: item.id, userId: actor.id, decision, comment } });
    await recordAudit(tx, context, {
      action: "cab.review",
      entityType: "Change",
      entityId: changeId,
      after: { meetingId, decision, comment },
    });
    return { id: vote.id };
  });
}

function minutesInputOf(row: TMeetingRow, policy: ReadonlyMap<string, string[]>): TMinutesInput {
  return {
    title: row.title,
    scheduledAt: row.scheduledAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    attendees: row.attendees.map((attendee) => ({ name: attendee.user.name, team: attendee.user.team })),
    items: row.agendaItems.map((item) => ({
      position: item.position,
      number: item.change.number,
      title: item.change.title,
      track: item.change.track,
      riskScore: item.change.riskScore,
      state: item.change.state,
      retrospective: item.retrospective,
      outcome: item.outcome,
      reasons: ((item.change.classification as TClassification | null)?.matched ?? []).map((hit) => hit.name),
      votes: item.votes.map((vote) => ({ name: vote.user.name, team: vote.user.team, decision: vote.decision, comment: vote.comment })),
      policy: policy.get(item.change.id),
    })),
  };
}

export async function exportMinutes(context: TActorContext, id: string): Promise<string> {
  assertCan(context.actor, "cab.read");
  const row = await loadMeeting(db, id);
  if (row.minutes) return row.minutes;
  const policy = await loadPolicyMinutes(
    db,
    row.agendaItems.map((item) => item.change.id),
    getEnv().POLICY_IMPACT_DAYS,
  );
  return minutesMarkdown(minutesInputOf(row, policy));
}

/** A member's inbox: changes awaiting a vote they have not cast on the current content, not their own. */
export async function pendingVotes(context: TActorContext) {
  assertCan(context.actor, "cab.read");
  const actor = requireSignedIn(context);
  const rows = await db.change.findMany({
    where: { state: { in: ["CAB_REVIEW", "EMERGENCY"] }, requesterId: { not: actor.id } },
    include: changeInclude,
    orderBy: [{ state: "desc" }, { riskScore: "desc" }],
    take: 100,
  });
  return rows
    .filter(
      (row) =>
        !row.approvals.some(
          (approval) => approval.userId === actor.id && approval.voidedAt === null && approval.contentHash === row.contentHash,
        ),
    )
    .map((row) => ({
      id: row.id,
      number: row.number,
      title: row.title,
      state: row.state,
      track: row.track,
      riskScore: row.riskScore,
      status: statusOf(row),
    }));
}

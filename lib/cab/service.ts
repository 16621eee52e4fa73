import "server-only";
import { db, type Prisma, type TTx } from "@/lib/db";
import type { TAuditAction } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { assertPersonDeciding } from "@/lib/auth/decisions";
import { NotFoundError, RuleViolationError, UniqueNameError, ValidationError } from "@/lib/errors";
import { publishMeetingTouched } from "@/lib/live/publish";
import { loadOrganizationSettings } from "@/lib/organization/service";
import type { TClassification } from "@/lib/change-policy/classifier";
import { changeInclude, statusOf, toChange } from "@/lib/changes/read";
import { minutesMarkdown, type TMinutesInput } from "./minutes";
import { carryRefusals, decidedOutcome, meetingDateRefusal, type TCarry, type TCarryTarget, type TEndItem } from "./rules";
import type { TCabReview, TCreateMeeting, TMeetingActionInput } from "./schemas";
import { getEnv } from "@/lib/env";
import { loadPolicyMinutes } from "@/lib/enforcement/change/load";
import { recordAttendance } from "./attendance";

const meetingInclude = {
  attendees: { include: { user: { select: { id: true, name: true, team: true } } } },
  agendaItems: {
    orderBy: { position: "asc" },
    include: {
      change: { include: changeInclude },
      carriedTo: { select: { id: true, title: true } },
      votes: {
        include: { user: { select: { id: true, name: true, team: true, roles: true, status: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  },
} as const satisfies Prisma.CabMeetingInclude;
type TMeetingRow = Prisma.CabMeetingGetPayload<{ include: typeof meetingInclude }>;

type TItemRow = TMeetingRow["agendaItems"][number];

function endItemOf(item: TItemRow): TEndItem {
  return {
    retrospective: item.retrospective,
    changeState: item.change.state,
    requesterId: item.change.requesterId,
    reviews: item.votes.map((vote) => ({
      userId: vote.userId,
      decision: vote.decision,
      voter: { team: vote.user.team, roles: vote.user.roles, active: vote.user.status === "ACTIVE" },
    })),
  };
}

/** Everyone who joined the meeting or voted in it, once each, in the order they first appear. */
function attendeesOf(row: TMeetingRow): Array<{ id: string; name: string; team: TMeetingRow["attendees"][number]["user"]["team"] }> {
  const people = new Map<string, { id: string; name: string; team: TMeetingRow["attendees"][number]["user"]["team"] }>();
  for (const attendee of row.attendees) people.set(attendee.user.id, attendee.user);
  for (const item of row.agendaItems)
    for (const vote of item.votes)
      if (!people.has(vote.user.id)) people.set(vote.user.id, { id: vote.user.id, name: vote.user.name, team: vote.user.team });
  return [...people.values()];
}

function toMeeting(row: TMeetingRow, timeZone: string) {
  return {
    id: row.id,
    title: row.title,
    timeZone,
    pastRecord: row.pastRecord,
    scheduledAt: row.scheduledAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    attendees: attendeesOf(row),
    items: row.agendaItems.map((item) => ({
      id: item.id,
      position: item.position,
      retrospective: item.retrospective,
      outcome: item.outcome,
      carriedTo: item.carriedTo,
      /** What ending the meeting now would record: its decision, or null (deferred unless carried). */
      decidedIfEnded: item.outcome ?? decidedOutcome(endItemOf(item)),
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
export type TMeetingItem = TMeeting["items"][number];

async function loadMeeting(tx: TTx, id: string) {
  const row = await tx.cabMeeting.findUnique({ where: { id }, include: meetingInclude });
  if (!row) throw new NotFoundError("The CAB meeting");
  return row;
}

async function readMeeting(tx: TTx, id: string): Promise<TMeeting> {
  // One after the other: a transaction's connection runs one statement at a time.
  const row = await loadMeeting(tx, id);
  const settings = await loadOrganizationSettings(tx);
  return toMeeting(row, settings.timeZone);
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
    // Another meeting's end may be carrying the same change here at this moment: see `endMeeting`.
    const { count } = await tx.cabAgendaItem.createMany({
      data: [
        {
          meetingId,
          changeId: candidate.id,
          position: position + 1,
          retrospective: candidate.state !== "CAB_REVIEW" && candidate.state !== "EMERGENCY",
        },
      ],
      skipDuplicates: true,
    });
    position += count;
    added += count;
  }
  return added;
}

/** The latest meetings, with the organization's time zone to show their times in. */
export async function listMeetings(context: TActorContext) {
  assertCan(context.actor, "cab.read");
  const [rows, settings] = await Promise.all([listMeetingRows(), loadOrganizationSettings()]);
  return { timeZone: settings.timeZone, meetings: rows };
}

async function listMeetingRows() {
  const rows = await db.cabMeeting.findMany({
    orderBy: { scheduledAt: "desc" },
    take: 50,
    include: { _count: { select: { agendaItems: true, attendees: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    pastRecord: row.pastRecord,
    scheduledAt: row.scheduledAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    items: row._count.agendaItems,
    attendees: row._count.attendees,
  }));
}

export async function getMeeting(context: TActorContext, id: string): Promise<TMeeting> {
  assertCan(context.actor, "cab.read");
  return readMeeting(db, id);
}

/** Meeting titles are unique whatever their case (a unique index on lower(title) backs this up). */
async function assertTitleFree(tx: TTx, title: string): Promise<void> {
  const clash = await tx.cabMeeting.findFirst({ where: { title: { equals: title, mode: "insensitive" } }, select: { title: true } });
  if (clash) throw new UniqueNameError("title", `A CAB meeting is already called "${clash.title}": give this one another title.`);
}

export async function createMeeting(context: TActorContext, input: TCreateMeeting): Promise<TMeeting> {
  assertCan(context.actor, "cab.manage");
  const actor = requireSignedIn(context);
  const refusal = meetingDateRefusal(input.scheduledAt, input.pastRecord, new Date());
  if (refusal) throw new ValidationError([refusal]);
  return db.$transaction(async (tx) => {
    const attendeeIds = [...new Set([actor.id, ...input.attendeeIds])];
    const known = await tx.user.count({ where: { id: { in: attendeeIds } } });
    if (known !== attendeeIds.length) throw new ValidationError([{ path: "attendeeIds", message: "names someone who is not a user" }]);
    await assertTitleFree(tx, input.title);
    const meeting = await tx.cabMeeting.create({
      data: {
        title: input.title,
        scheduledAt: input.scheduledAt,
        pastRecord: input.pastRecord,
        attendees: { create: attendeeIds.map((userId) => ({ userId })) },
      },
    });
    // A record of a past meeting lists what was decided then; today's queue is not its agenda.
    if (!input.pastRecord) await buildAgenda(tx, meeting.id);
    const result = await readMeeting(tx, meeting.id);
    await recordAudit(tx, context, {
      action: "cab.meeting.create",
      entityType: "CabMeeting",
      entityId: meeting.id,
      after: {
        title: input.title,
        scheduledAt: input.scheduledAt,
        pastRecord: input.pastRecord,
        attendeeIds,
        agenda: result.items.map((item) => item.change.id),
      },
    });
    return result;
  });
}

/** The audit action of each meeting action; "refresh-agenda" is the API's spelling, not the audit's. */
const MEETING_AUDIT_ACTIONS = {
  start: "cab.meeting.start",
  end: "cab.meeting.end",
  "refresh-agenda": "cab.meeting.refresh_agenda",
} as const satisfies Record<string, TAuditAction>;

/** Locks the meeting row: two chairs ending (or one ending while another starts) take turns. */
async function lockMeeting(tx: TTx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "CabMeeting" WHERE "id" = ${id}::uuid FOR UPDATE`;
}

/**
 * Ends the meeting: each decided item records its decision, each undecided item the chair listed is
 * carried to the meeting chosen for it (and put on that agenda), every other one is deferred (the
 * next meeting's agenda takes it up again). The minutes are frozen with it.
 */
async function endMeeting(tx: TTx, before: TMeetingRow, carry: readonly TCarry[]): Promise<void> {
  const now = new Date();
  const decided = new Map(before.agendaItems.map((item) => [item.id, item.outcome ?? decidedOutcome(endItemOf(item))]));
  const targetRows = await tx.cabMeeting.findMany({
    where: { id: { in: [...new Set(carry.map((entry) => entry.toMeetingId))] } },
    select: { id: true, startedAt: true, endedAt: true, scheduledAt: true, pastRecord: true },
  });
  const targets = new Map<string, TCarryTarget>(targetRows.map((row) => [row.id, row]));
  const refusals = carryRefusals(
    carry,
    { id: before.id, items: before.agendaItems.map((item) => ({ id: item.id, undecided: decided.get(item.id) === null })) },
    targets,
    now,
  );
  if (refusals.length) throw new ValidationError(refusals, "The plan for the undecided items cannot be carried out.");
  for (const item of before.agendaItems) {
    const carried = carry.find((entry) => entry.itemId === item.id);
    const outcome = decided.get(item.id) ?? (carried ? "CARRIED" : "DEFERRED");
    await tx.cabAgendaItem.update({ where: { id: item.id }, data: { outcome, carriedToId: carried?.toMeetingId ?? null } });
    if (!carried) continue;
    const last = await tx.cabAgendaItem.findFirst({
      where: { meetingId: carried.toMeetingId },
      orderBy: { position: "desc" },
      select: { position: true },
    });
    // The later meeting may be building its agenda at this moment (start, refresh): whichever puts
    // the change on it first wins, the other changes nothing (ON CONFLICT DO NOTHING), neither fails.
    await tx.cabAgendaItem.createMany({
      data: [
        {
          meetingId: carried.toMeetingId,
          changeId: item.changeId,
          position: (last?.position ?? 0) + 1,
          retrospective: item.retrospective,
        },
      ],
      skipDuplicates: true,
    });
  }
  for (const target of targetRows) await publishMeetingTouched(tx, target.id);
  await tx.cabMeeting.update({ where: { id: before.id }, data: { endedAt: now, startedAt: before.startedAt ?? now } });
  const ended = await loadMeeting(tx, before.id);
  const settings = await loadOrganizationSettings(tx);
  const policy = await loadPolicyMinutes(
    tx,
    ended.agendaItems.map((item) => item.change.id),
    getEnv().POLICY_IMPACT_DAYS,
  );
  await tx.cabMeeting.update({
    where: { id: before.id },
    data: { minutes: minutesMarkdown(minutesInputOf(ended, settings.timeZone, policy)) },
  });
}

/** Start (the member joins the attendees), end (records each item's decision and the minutes) or refresh the agenda. */
export async function actOnMeeting(context: TActorContext, id: string, input: TMeetingActionInput): Promise<TMeeting> {
  assertCan(context.actor, "cab.manage");
  const actor = requireSignedIn(context);
  const action = input.action;
  return db.$transaction(async (tx) => {
    await lockMeeting(tx, id);
    const before = await loadMeeting(tx, id);
    if (before.endedAt) throw new RuleViolationError("The meeting has ended.", "meeting_ended");
    if (action === "refresh-agenda") await buildAgenda(tx, id);
    if (action === "start") {
      await buildAgenda(tx, id);
      await tx.cabMeeting.update({ where: { id }, data: { startedAt: before.startedAt ?? new Date() } });
      await recordAttendance(tx, id, actor.id);
    }
    if (input.action === "end") await endMeeting(tx, before, input.carry);
    const after = await readMeeting(tx, id);
    await recordAudit(tx, context, {
      action: MEETING_AUDIT_ACTIONS[action],
      entityType: "CabMeeting",
      entityId: id,
      before: { startedAt: before.startedAt, endedAt: before.endedAt },
      after: {
        startedAt: after.startedAt,
        endedAt: after.endedAt,
        items: after.items.map((item) => ({ changeId: item.change.id, outcome: item.outcome, carriedToId: item.carriedTo?.id ?? null })),
        ...(input.action === "end" ? { carry: input.carry } : {}),
      },
    });
    await publishMeetingTouched(tx, id);
    return after;
  });
}

/** A person opens a meeting in progress: they are among its attendees (and in its minutes) from then on. */
export async function joinMeeting(context: TActorContext, id: string): Promise<TMeeting> {
  assertCan(context.actor, "cab.read");
  assertPersonDeciding(context, "attend a CAB meeting");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await lockMeeting(tx, id);
    const before = await loadMeeting(tx, id);
    if (before.endedAt) throw new RuleViolationError("The meeting has ended.", "meeting_ended");
    if (!before.startedAt) throw new RuleViolationError("The meeting has not started yet.", "meeting_not_started");
    if (!before.attendees.some((attendee) => attendee.userId === actor.id)) {
      await recordAttendance(tx, id, actor.id);
      await recordAudit(tx, context, { action: "cab.meeting.join", entityType: "CabMeeting", entityId: id, after: { userId: actor.id } });
      await publishMeetingTouched(tx, id);
    }
    return readMeeting(tx, id);
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
    await recordAttendance(tx, meetingId, actor.id);
    await recordAudit(tx, context, {
      action: "cab.review",
      entityType: "Change",
      entityId: changeId,
      after: { meetingId, decision, comment },
    });
    await publishMeetingTouched(tx, meetingId);
    return { id: vote.id };
  });
}

function minutesInputOf(row: TMeetingRow, timeZone: string, policy: ReadonlyMap<string, string[]>): TMinutesInput {
  return {
    title: row.title,
    timeZone,
    pastRecord: row.pastRecord,
    scheduledAt: row.scheduledAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    attendees: attendeesOf(row).map((attendee) => ({ name: attendee.name, team: attendee.team })),
    items: row.agendaItems.map((item) => ({
      position: item.position,
      number: item.change.number,
      title: item.change.title,
      track: item.change.track,
      riskScore: item.change.riskScore,
      state: item.change.state,
      retrospective: item.retrospective,
      outcome: item.outcome,
      carriedTo: item.carriedTo?.title ?? null,
      reasons: ((item.change.classification as TClassification | null)?.matched ?? []).map((hit) => hit.name),
      votes: item.votes.map((vote) => ({
        name: vote.user.name,
        team: vote.user.team,
        decision: vote.decision,
        comment: vote.comment,
        at: vote.createdAt.toISOString(),
      })),
      policy: policy.get(item.change.id),
    })),
  };
}

export async function exportMinutes(context: TActorContext, id: string): Promise<string> {
  assertCan(context.actor, "cab.read");
  const [row, settings] = await Promise.all([loadMeeting(db, id), loadOrganizationSettings()]);
  if (row.minutes) return row.minutes;
  const policy = await loadPolicyMinutes(
    db,
    row.agendaItems.map((item) => item.change.id),
    getEnv().POLICY_IMPACT_DAYS,
  );
  return minutesMarkdown(minutesInputOf(row, settings.timeZone, policy));
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

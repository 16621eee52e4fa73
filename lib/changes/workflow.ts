import "server-only";
import { db, readAll, type Prisma, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { assertPersonDeciding } from "@/lib/auth/decisions";
import { ForbiddenError, RuleViolationError, ValidationError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { suspendTemplateIfFailing } from "@/lib/change-policy/template-lifecycle";
import { applyOperations } from "./apply-operations";
import { voteRefusal } from "./approvals";
import { infoRequestRefusal, reclassificationRefusal, scheduleWindowRefusal, verifierRefusal, type TWindow } from "./duties";
import { classify } from "@/lib/change-policy/classifier";
import { loadActiveRules, loadActiveTemplates, loadClassifierInput } from "@/lib/change-policy/classify-input";
import { stateForTrack, targetOf, STATE_LABELS } from "./lifecycle";
import { loadChange, statusOf, toChange, type TChange, type TChangeRow } from "./read";
import type { TTransitionInput, TVoteInput } from "./schemas";
import { recordTransition } from "./service";
import { publishChangeTouched, publishMeetingTouched } from "@/lib/live/publish";
import { recordAttendance } from "@/lib/cab/attendance";

const linkTo = (id: string) => `/changes/${id}`;

async function cabMemberIds(tx: TTx, exceptId: string): Promise<string[]> {
  // Filtered here rather than with `roles: { has }`, which the embedded database's driver rejects for enum arrays.
  const users = await tx.user.findMany({ where: { status: "ACTIVE", id: { not: exceptId } }, select: { id: true, roles: true } });
  return users.filter((user) => user.roles.includes("CAB_MEMBER")).map((user) => user.id);
}

/** The NetOps and SecOps owners of the surfaces a change touches: both teams hear of it, whatever its track. */
async function surfaceOwnerIds(tx: TTx, row: TChangeRow): Promise<string[]> {
  const surfaces = await tx.protectSurface.findMany({
    where: { id: { in: row.surfaces.map((link) => link.surfaceId) } },
    select: { netopsOwnerId: true, secopsOwnerId: true },
  });
  return surfaces.flatMap((surface) => [surface.netopsOwnerId, surface.secopsOwnerId]).filter((id) => id !== null);
}

/** Nobody is told about what they just did themselves. */
const except = (ids: string[], ...excluded: Array<string | undefined>) => ids.filter((id) => !excluded.includes(id));

/** Classifies a change with the active rules and templates, reading everything in one transaction. */
export async function classifyChangeRow(tx: TTx, row: TChangeRow) {
  const [rules, templates] = await readAll(tx, [() => loadActiveRules(tx), () => loadActiveTemplates(tx)]);
  const input = await loadClassifierInput(tx, row, templates);
  return classify(input, rules);
}

/** Puts an emergency change on the next CAB meeting that has not started, for review afterwards. */
async function addToNextAgenda(tx: TTx, changeId: string, { retrospective }: { retrospective: boolean }) {
  const meeting = await tx.cabMeeting.findFirst({
    where: { startedAt: null, endedAt: null, scheduledAt: { gte: new Date() } },
    orderBy: { scheduledAt: "asc" },
  });
  if (!meeting) return;
  const last = await tx.cabAgendaItem.findFirst({
    where: { meetingId: meeting.id },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  await tx.cabAgendaItem.upsert({
    where: { meetingId_changeId: { meetingId: meeting.id, changeId } },
    create: { meetingId: meeting.id, changeId, position: (last?.position ?? 0) + 1, retrospective },
    update: { retrospective },
  });
  await publishMeetingTouched(tx, meeting.id);
}

/** Submits a draft (or a change sent back for information): classification picks the track. */
export async function submitChange(context: TActorContext, id: string): Promise<TChange> {
  assertCan(context.actor, "change.write");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const row = await loadChange(tx, id, { forUpdate: true });
    if (row.requesterId !== actor.id) throw new ForbiddenError("Only the requester submits a change.");
    if (row.state !== "DRAFT" && row.state !== "NEEDS_INFO")
      throw new RuleViolationError(`A change in ${STATE_LABELS[row.state]} cannot be submitted.`, "illegal_transition");
    if (row.emergencyReason !== null && row.emergencyReason.trim() === "")
      throw new ValidationError([{ path: "emergencyReason", message: "an emergency needs a reason" }]);
    const classification = await classifyChangeRow(tx, row);
    const submitted = await recordTransition(tx, context, row, { to: "SUBMITTED", update: { submittedAt: new Date() } });
    const target = stateForTrack(classification.track);
    await recordTransition(tx, context, submitted, {
      to: target,
      reason: `Classified ${classification.track}`,
      update: {
        track: classification.track,
        riskScore: classification.riskScore,
        requiredApprovals: classification.requiredApprovals,
        classification: classification as unknown as Prisma.InputJsonValue,
        template: classification.templateId ? { connect: { id: classification.templateId } } : { disconnect: true },
        decidedAt: target === "PRE_APPROVED" ? new Date() : null,
      },
    });
    const title = `#${row.number} ${row.title}`;
    const voters = target === "PRE_APPROVED" ? [] : await cabMemberIds(tx, row.requesterId);
    // Owners who are asked to vote already hear of it; the others learn of it even when no vote is needed.
    await notify(tx, except(await surfaceOwnerIds(tx, row), row.requesterId, ...voters), {
      type: "change.submitted",
      title: `Submitted: ${title}`,
      body: `${row.requester.name} submitted it; classified ${classification.track}, risk ${classification.riskScore}.`,
      link: linkTo(id),
    });
    if (target === "PRE_APPROVED") {
      await notify(tx, [row.requesterId], {
        type: "change.approved",
        title: `Pre-approved: ${title}`,
        body: "Inside the agreed parameters; schedule it.",
        link: linkTo(id),
      });
    } else {
      await notify(tx, voters, {
        type: "change.needs_vote",
        title: `${target === "EMERGENCY" ? "Emergency — vote now" : "Needs your vote"}: ${title}`,
        body: `Risk ${classification.riskScore}; ${classification.requiredApprovals} approvals needed, one from each team.`,
        link: linkTo(id),
      });
      await addToNextAgenda(tx, id, { retrospective: false });
    }
    await recordAudit(tx, context, { action: "change.classify", entityType: "Change", entityId: id, after: classification });
    return toChange(await loadChange(tx, id));
  });
}

/**
 * One CAB member's vote. Segregation of duties is checked on the locked row; once the live votes
 * add up to a decision the change moves to APPROVED or REJECTED in the same transaction.
 */
export async function voteOnChange(context: TActorContext, id: string, input: TVoteInput): Promise<TChange> {
  assertCan(context.actor, "change.approve");
  assertPersonDeciding(context, "vote on a change");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const row = await loadChange(tx, id, { forUpdate: true });
    const refusal = voteRefusal(
      {
        requesterId: row.requesterId,
        state: row.state,
        track: row.track,
        contentHash: row.contentHash,
        requiredApprovals: row.requiredApprovals,
        votes: row.approvals.map((approval) => ({
          userId: approval.userId,
          team: approval.team,
          decision: approval.decision,
          contentHash: approval.contentHash,
          voided: approval.voidedAt !== null,
        })),
      },
      actor,
    );
    if (refusal) throw new RuleViolationError(refusal, "segregation_of_duties");
    const approval = await tx.changeApproval.create({
      data: {
        changeId: id,
        userId: actor.id,
        team: actor.team,
        decision: input.decision,
        comment: input.comment,
        contentHash: row.contentHash,
      },
    });
    if (input.meetingId) {
      const item = await tx.cabAgendaItem.findUnique({
        where: { meetingId_changeId: { meetingId: input.meetingId, changeId: id } },
        include: { meeting: { select: { endedAt: true } } },
      });
      if (!item) throw new ValidationError([{ path: "meetingId", message: "the change is not on this meeting's agenda" }]);
      if (item.meeting.endedAt)
        throw new RuleViolationError("The meeting has ended; vote on the change itself or at the next meeting.", "meeting_ended");
      await tx.cabVote.create({ data: { agendaItemId: item.id, userId: actor.id, decision: input.decision, comment: input.comment } });
      // Whoever votes in a meeting attended it, whether or not they pressed anything else.
      await recordAttendance(tx, input.meetingId, actor.id);
    }
    await publishChangeTouched(tx, id);
    await recordAudit(tx, context, {
      action: "change.vote",
      entityType: "Change",
      entityId: id,
      after: { approvalId: approval.id, decision: input.decision, team: actor.team, contentHash: row.contentHash, comment: input.comment },
    });
    const status = statusOf(await loadChange(tx, id));
    const title = `#${row.number} ${row.title}`;
    if (status.outcome !== "PENDING") {
      await recordTransition(tx, context, row, {
        to: status.outcome,
        reason: status.outcome === "REJECTED" ? input.comment : `Approved by ${status.approvers} people from both teams`,
        update: { decidedAt: new Date() },
      });
      await notify(tx, [row.requesterId], {
        type: status.outcome === "APPROVED" ? "change.approved" : "change.rejected",
        title: `${status.outcome === "APPROVED" ? "Approved" : "Rejected"}: ${title}`,
        body: status.outcome === "REJECTED" ? input.comment : "Schedule it inside an allowed window.",
        link: linkTo(id),
      });
      if (row.track === "EMERGENCY") await addToNextAgenda(tx, id, { retrospective: true });
    }
    return toChange(await loadChange(tx, id));
  });
}

async function assertNoBlackout(tx: TTx, row: TChangeRow, start: Date, end: Date) {
  const surfaceIds = row.surfaces.map((link) => link.surfaceId);
  const blackout = await tx.blackoutWindow.findFirst({
    where: { startsAt: { lt: end }, endsAt: { gt: start }, OR: [{ surfaceId: null }, { surfaceId: { in: surfaceIds } }] },
    orderBy: { startsAt: "asc" },
  });
  if (blackout)
    throw new RuleViolationError(
      `The window falls in the blackout "${blackout.name}" (${blackout.startsAt.toISOString()} – ${blackout.endsAt.toISOString()}).`,
      "blackout",
    );
}

/** Scheduling never widens what was approved: inside the approved window, or classified alike with the new one. */
async function assertWindowApproved(tx: TTx, row: TChangeRow, requested: TWindow) {
  const approved = row.windowStart && row.windowEnd ? { start: row.windowStart, end: row.windowEnd } : null;
  const outside = scheduleWindowRefusal(approved, requested);
  if (outside) throw new RuleViolationError(outside, "outside_approved_window");
  if (approved || !row.track) return;
  const withWindow = await classifyChangeRow(tx, { ...row, windowStart: requested.start, windowEnd: requested.end });
  const reclassified = reclassificationRefusal({ track: row.track, requiredApprovals: row.requiredApprovals }, withWindow, requested);
  if (reclassified) throw new RuleViolationError(reclassified, "outside_approved_window");
}

/** The moves a person asks for: schedule, implement, verify (applies the flows), roll back, close, send back. */
export async function transitionChange(context: TActorContext, id: string, input: TTransitionInput): Promise<TChange> {
  assertCan(context.actor, input.action === "request-info" ? "change.approve" : "change.write");
  if (input.action === "verify") assertPersonDeciding(context, "verify a change");
  if (input.action === "resubmit") return submitChange(context, id);
  return db.$transaction(async (tx) => {
    const row = await loadChange(tx, id, { forUpdate: true });
    const to = targetOf(input.action, row.state, row.track);
    const extra: Prisma.ChangeUpdateInput = {};
    const now = new Date();
    if (input.action === "schedule") {
      const start = input.windowStart ?? row.windowStart;
      const end = input.windowEnd ?? row.windowEnd;
      if (!start || !end) throw new ValidationError([{ path: "windowStart", message: "a change needs a window to be scheduled" }]);
      if (end <= start) throw new ValidationError([{ path: "windowEnd", message: "must be after the start" }]);
      await assertNoBlackout(tx, row, start, end);
      await assertWindowApproved(tx, row, { start, end });
      Object.assign(extra, { windowStart: start, windowEnd: end, scheduledAt: now });
    }
    if (input.action === "request-info" && !input.reason)
      throw new ValidationError([{ path: "reason", message: "say what information is missing" }]);
    const actorId = requireSignedIn(context).id;
    const selfAsked = input.action === "request-info" ? infoRequestRefusal(row.requesterId, actorId) : null;
    if (selfAsked) throw new ForbiddenError(selfAsked);
    const implementerId = row.transitions.findLast((transition) => transition.to === "IMPLEMENTED")?.actorId ?? null;
    const selfVerified = input.action === "verify" && row.state === "IMPLEMENTED" ? verifierRefusal(implementerId, actorId) : null;
    if (selfVerified) throw new ForbiddenError(selfVerified);
    if (to === "IMPLEMENTED") extra.implementedAt = now;
    if (to === "ROLLED_BACK") extra.rolledBackAt = now;
    if (to === "CLOSED") extra.closedAt = now;
    if (to === "VERIFIED") extra.verifiedAt = now;
    const moved = await recordTransition(tx, context, row, { to, reason: input.reason, update: extra });
    if (to === "VERIFIED") {
      const applied = await applyOperations(tx, context, id, row.operations);
      await recordAudit(tx, context, { action: "change.apply", entityType: "Change", entityId: id, after: applied });
    }
    const title = `#${row.number} ${row.title}`;
    if (to === "SCHEDULED")
      await notify(tx, except([row.requesterId, ...(await surfaceOwnerIds(tx, row))], actorId), {
        type: "change.scheduled",
        title: `Scheduled: ${title}`,
        link: linkTo(id),
      });
    if (to === "ROLLED_BACK") {
      await suspendTemplateIfFailing(tx, context, row.templateId);
      const concerned = [row.requesterId, ...(await surfaceOwnerIds(tx, row)), ...(await cabMemberIds(tx, row.requesterId))];
      await notify(tx, except(concerned, actorId), {
        type: "change.failed",
        title: `Rolled back: ${title}`,
        body: input.reason,
        link: linkTo(id),
      });
    }
    if (to === "NEEDS_INFO")
      await notify(tx, [row.requesterId], {
        type: "change.needs_info",
        title: `Information needed: ${title}`,
        body: input.reason,
        link: linkTo(id),
      });
    return toChange(await loadChange(tx, moved.id));
  });
}

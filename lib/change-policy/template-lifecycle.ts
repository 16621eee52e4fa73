import "server-only";
import { db, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { assertPersonDeciding } from "@/lib/auth/decisions";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { notify, type TNotificationInput } from "@/lib/notifications/service";
import { enqueueEvent } from "@/lib/outbox/enqueue";
import { isJointlyApproved, jointApprovalRefusal } from "./joint-approval";
import type { TTemplateRetirement } from "./schemas";
import { templateInclude, toTemplate, type TTemplate } from "./templates-service";

/** A template is suspended once as many of its changes were rolled back as both teams set when they approved it. */
export function shouldSuspend(template: { status: string; failureThreshold: number }, rolledBack: number): boolean {
  return template.status === "ACTIVE" && rolledBack >= template.failureThreshold;
}

async function notifyBothTeams(tx: TTx, message: Omit<TNotificationInput, "link">) {
  const people = await tx.user.findMany({
    where: { team: { in: ["NETOPS", "SECOPS"] }, status: "ACTIVE", kind: "PERSON" },
    select: { id: true, roles: true },
  });
  await notify(
    tx,
    people.filter((person) => person.roles.includes("CONTRIBUTOR") || person.roles.includes("CAB_MEMBER")).map((person) => person.id),
    { ...message, link: "/changes/rules" },
  );
}

/**
 * Called in the transaction that rolls a change back: a template whose changes keep failing stops
 * pre-approving at once and is put before both teams, who may retire it jointly.
 */
export async function suspendTemplateIfFailing(tx: TTx, context: TActorContext, templateId: string | null): Promise<boolean> {
  if (!templateId) return false;
  await tx.$queryRaw`SELECT id FROM "ChangeTemplate" WHERE id = ${templateId}::uuid FOR UPDATE`;
  const template = await tx.changeTemplate.findUnique({
    where: { id: templateId },
    select: { id: true, name: true, status: true, failureThreshold: true },
  });
  if (!template) return false;
  const rolledBack = await tx.change.count({ where: { templateId, rolledBackAt: { not: null } } });
  if (!shouldSuspend(template, rolledBack)) return false;
  await tx.changeTemplate.update({ where: { id: templateId }, data: { status: "SUSPENDED", suspendedAt: new Date() } });
  await recordAudit(tx, context, {
    action: "template.suspend",
    entityType: "ChangeTemplate",
    entityId: templateId,
    before: { status: template.status },
    after: { status: "SUSPENDED", rolledBack, failureThreshold: template.failureThreshold },
  });
  await notifyBothTeams(tx, {
    type: "template.suspended",
    title: `Template suspended: ${template.name}`,
    body: `${rolledBack} of its changes were rolled back (threshold ${template.failureThreshold}). Changes no longer fit it until both teams decide; retire it jointly or propose a corrected template.`,
  });
  return true;
}

/**
 * One team's agreement to retire an active or suspended template; the other team's agreement
 * retires it, as rules are retired. Reasons are kept with each approval.
 */
export async function approveTemplateRetirement(context: TActorContext, id: string, input: TTemplateRetirement): Promise<TTemplate> {
  assertCan(context.actor, "rule.approve");
  assertPersonDeciding(context, "approve retiring a template");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ChangeTemplate" WHERE id = ${id}::uuid FOR UPDATE`;
    const template = await tx.changeTemplate.findUnique({ where: { id }, include: templateInclude });
    if (!template) throw new NotFoundError("The template");
    if (template.status !== "ACTIVE" && template.status !== "SUSPENDED")
      throw new RuleViolationError("Only an active or suspended template can be retired.", "not_active");
    const refusal = jointApprovalRefusal(template.retirementApprovals, actor);
    if (refusal) throw new RuleViolationError(refusal, "joint_approval");
    await tx.templateRetirementApproval.create({ data: { templateId: id, userId: actor.id, team: actor.team, reason: input.reason } });
    const retired = isJointlyApproved([...template.retirementApprovals, { userId: actor.id, team: actor.team }]);
    if (retired) {
      await tx.changeTemplate.update({ where: { id }, data: { status: "RETIRED", retiredAt: new Date() } });
      await enqueueEvent(tx, "template.retired", { templateId: id, name: template.name, actorId: actor.id });
      await notify(tx, [template.authorId], {
        type: "template.retired",
        title: `Template retired: ${template.name}`,
        body: input.reason,
        link: "/changes/rules",
      });
    } else {
      await notifyBothTeams(tx, {
        type: "template.retirement_proposed",
        title: `Retiring a template needs the other team: ${template.name}`,
        body: input.reason,
      });
    }
    const after = toTemplate(await tx.changeTemplate.findUniqueOrThrow({ where: { id }, include: templateInclude }));
    await recordAudit(tx, context, {
      action: retired ? "template.retire" : "template.retirement.approve",
      entityType: "ChangeTemplate",
      entityId: id,
      before: { status: template.status },
      after: { status: after.status, reason: input.reason, retirementApprovals: after.retirementApprovals },
    });
    return after;
  });
}

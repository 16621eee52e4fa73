import "server-only";
import { db, type Prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { assertPersonDeciding, isPersonDeciding } from "@/lib/auth/decisions";
import { NotFoundError, RuleViolationError, UniqueNameError } from "@/lib/errors";
import { enqueueEvent } from "@/lib/outbox/enqueue";
import type { TTemplateParameters } from "./template-parameters";
import { asSnapshot } from "./types";
import { isJointlyApproved, jointApprovalRefusal } from "./joint-approval";
import { promotionCandidates } from "./promotion";
import type { TTemplateProposal } from "./schemas";

export const templateInclude = {
  author: { select: { name: true, team: true } },
  approvals: { include: { user: { select: { name: true } } } },
  retirementApprovals: { include: { user: { select: { name: true } } }, orderBy: { createdAt: "asc" } },
  _count: { select: { changes: true } },
} as const;
type TTemplateRow = Prisma.ChangeTemplateGetPayload<{ include: typeof templateInclude }>;

export function toTemplate(row: TTemplateRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    parameters: row.parameters as TTemplateParameters,
    status: row.status,
    author: row.author,
    approvals: row.approvals.map((approval) => ({ userId: approval.userId, name: approval.user.name, team: approval.team })),
    uses: row._count.changes,
    activatedAt: row.activatedAt?.toISOString() ?? null,
    failureThreshold: row.failureThreshold,
    suspendedAt: row.suspendedAt?.toISOString() ?? null,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    retirementApprovals: row.retirementApprovals.map((approval) => ({
      userId: approval.userId,
      name: approval.user.name,
      team: approval.team,
      reason: approval.reason,
    })),
  };
}
export type TTemplate = ReturnType<typeof toTemplate>;

export async function listTemplates(context: TActorContext) {
  assertCan(context.actor, "rule.read");
  const rows = await db.changeTemplate.findMany({ include: templateInclude, orderBy: [{ status: "asc" }, { name: "asc" }] });
  return { templates: rows.map(toTemplate), suggestions: await suggestPromotions() };
}

export async function proposeTemplate(context: TActorContext, input: TTemplateProposal): Promise<TTemplate> {
  assertCan(context.actor, "rule.propose");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const clash = await tx.changeTemplate.findFirst({
      where: { name: { equals: input.name, mode: "insensitive" } },
      select: { name: true },
    });
    if (clash) throw new UniqueNameError("name", `A standard-change template is already called "${clash.name}": choose another name.`);
    const created = await tx.changeTemplate.create({
      data: {
        name: input.name,
        description: input.description,
        parameters: input.parameters,
        failureThreshold: input.failureThreshold ?? 2,
        authorId: actor.id,
      },
    });
    // Proposed with a token, the template waits for both teams: the author's approval counts only in person.
    if (isPersonDeciding(context) && (actor.team === "NETOPS" || actor.team === "SECOPS"))
      await tx.templateApproval.create({ data: { templateId: created.id, userId: actor.id, team: actor.team } });
    const template = toTemplate(await tx.changeTemplate.findUniqueOrThrow({ where: { id: created.id }, include: templateInclude }));
    await recordAudit(tx, context, { action: "template.propose", entityType: "ChangeTemplate", entityId: template.id, after: template });
    return template;
  });
}

export async function approveTemplate(context: TActorContext, id: string): Promise<TTemplate> {
  assertCan(context.actor, "rule.approve");
  assertPersonDeciding(context, "approve a template");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ChangeTemplate" WHERE id = ${id}::uuid FOR UPDATE`;
    const template = await tx.changeTemplate.findUnique({ where: { id }, include: templateInclude });
    if (!template) throw new NotFoundError("The template");
    if (template.status !== "PROPOSED") throw new RuleViolationError("Only a proposed template can be approved.", "not_proposed");
    const refusal = jointApprovalRefusal(template.approvals, actor);
    if (refusal) throw new RuleViolationError(refusal, "joint_approval");
    await tx.templateApproval.create({ data: { templateId: id, userId: actor.id, team: actor.team } });
    if (isJointlyApproved([...template.approvals, { userId: actor.id, team: actor.team }])) {
      await tx.changeTemplate.update({ where: { id }, data: { status: "ACTIVE", activatedAt: new Date() } });
      await enqueueEvent(tx, "template.activated", { templateId: id, name: template.name, actorId: actor.id });
    }
    const after = toTemplate(await tx.changeTemplate.findUniqueOrThrow({ where: { id }, include: templateInclude }));
    await recordAudit(tx, context, {
      action: "template.approve",
      entityType: "ChangeTemplate",
      entityId: id,
      before: { status: template.status },
      after: { status: after.status },
    });
    return after;
  });
}

/** Kinds of change that passed the CAB several times without a roll back and fit no template yet. */
async function suggestPromotions() {
  const passed = await db.change.findMany({
    // Verified and never rolled back; countsTowardPromotion says the same for each row.
    where: { track: "CAB", state: { in: ["VERIFIED", "CLOSED"] }, verifiedAt: { not: null }, rolledBackAt: null, templateId: null },
    orderBy: { verifiedAt: "desc" },
    take: 500,
    select: {
      id: true,
      number: true,
      environment: true,
      verifiedAt: true,
      rolledBackAt: true,
      surfaces: { select: { surface: { select: { classification: true } } } },
      operations: { select: { kind: true, after: true } },
    },
  });
  return promotionCandidates(
    passed.map((change) => ({
      id: change.id,
      number: change.number,
      environment: change.environment,
      verifiedAt: change.verifiedAt,
      rolledBackAt: change.rolledBackAt,
      classifications: change.surfaces.map((link) => link.surface.classification),
      operations: change.operations.map((operation) => ({ kind: operation.kind, after: asSnapshot(operation.after) })),
    })),
  );
}

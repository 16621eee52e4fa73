import "server-only";
import crypto from "node:crypto";
import { db, type Prisma, type TTx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";
import { assertPersonDeciding, isPersonDeciding } from "@/lib/auth/decisions";
import { NotFoundError, RuleViolationError, UniqueNameError } from "@/lib/errors";
import { notify } from "@/lib/notifications/service";
import { enqueueEvent } from "@/lib/outbox/enqueue";
import { classify, type TClassifierRule } from "@/lib/change-policy/classifier";
import { describeCondition, type TCondition } from "@/lib/change-policy/conditions";
import { loadActiveTemplates, loadClassifierInput, toClassifierRule } from "@/lib/change-policy/classify-input";
import { isJointlyApproved, jointApprovalRefusal } from "./joint-approval";
import type { TRuleProposal, TRuleRetirement, TRuleSetReplay } from "./schemas";

const ruleInclude = {
  author: { select: { name: true, team: true } },
  approvals: { include: { user: { select: { name: true } } } },
} as const;
type TRuleRow = Prisma.ClassificationRuleGetPayload<{ include: typeof ruleInclude }>;

function toRule(row: TRuleRow) {
  return {
    id: row.id,
    ruleKey: row.ruleKey,
    revision: row.revision,
    name: row.name,
    position: row.position,
    condition: row.condition as TCondition,
    conditionText: describeCondition(row.condition as TCondition),
    outcome: row.outcome,
    riskPoints: row.riskPoints,
    extraApprovers: row.extraApprovers,
    rationale: row.rationale,
    retires: row.retires,
    status: row.status,
    author: row.author,
    approvals: row.approvals.map((approval) => ({
      userId: approval.userId,
      name: approval.user.name,
      team: approval.team,
      createdAt: approval.createdAt.toISOString(),
    })),
    createdAt: row.createdAt.toISOString(),
    activatedAt: row.activatedAt?.toISOString() ?? null,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}
export type TRule = ReturnType<typeof toRule>;

export async function listRules(context: TActorContext) {
  assertCan(context.actor, "rule.read");
  const rows = await db.classificationRule.findMany({
    include: ruleInclude,
    orderBy: [{ position: "asc" }, { ruleKey: "asc" }, { revision: "desc" }],
    take: 500,
  });
  const rules = rows.map(toRule);
  return {
    active: rules.filter((rule) => rule.status === "ACTIVE"),
    proposed: rules.filter((rule) => rule.status === "PROPOSED"),
    retired: rules.filter((rule) => rule.status === "RETIRED"),
  };
}

function slug(name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "rule";
  return `${base}-${crypto.randomBytes(2).toString("hex")}`;
}

/** A new rule or a new revision of one: a proposal, carrying the author's approval for their team. */
export async function proposeRule(context: TActorContext, input: TRuleProposal): Promise<TRule> {
  assertCan(context.actor, "rule.propose");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    let ruleKey = input.ruleKey;
    let revision = 1;
    if (ruleKey) {
      const latest = await tx.classificationRule.findFirst({ where: { ruleKey }, orderBy: { revision: "desc" } });
      if (!latest) throw new NotFoundError("The rule being revised");
      revision = latest.revision + 1;
    } else {
      ruleKey = slug(input.name);
    }
    // Revisions of one rule share its name; another live rule may not (a trigger backs this up).
    const clash = await tx.classificationRule.findFirst({
      where: { name: { equals: input.name, mode: "insensitive" }, ruleKey: { not: ruleKey }, status: { not: "RETIRED" } },
      select: { name: true },
    });
    if (clash) throw new UniqueNameError("name", `A classification rule is already called "${clash.name}": choose another name.`);
    const created = await tx.classificationRule.create({
      data: {
        ruleKey,
        revision,
        name: input.name,
        position: input.position,
        condition: input.condition as Prisma.InputJsonValue,
        outcome: input.outcome,
        riskPoints: input.riskPoints,
        extraApprovers: input.extraApprovers,
        rationale: input.rationale,
        authorId: actor.id,
      },
    });
    // A proposal sent with a token prepares the decision; the author's approval counts only in person.
    if (isPersonDeciding(context) && (actor.team === "NETOPS" || actor.team === "SECOPS"))
      await tx.ruleApproval.create({ data: { ruleId: created.id, userId: actor.id, team: actor.team } });
    const rule = toRule(await tx.classificationRule.findUniqueOrThrow({ where: { id: created.id }, include: ruleInclude }));
    await recordAudit(tx, context, { action: "rule.propose", entityType: "ClassificationRule", entityId: rule.id, after: rule });
    await askOtherTeam(tx, actor.team, { title: `Rule proposal needs your team: ${rule.name}`, body: rule.conditionText });
    return rule;
  });
}

/** Tells the other team's contributors and CAB members that a rule proposal waits for them. */
async function askOtherTeam(tx: TTx, team: string, message: { title: string; body: string }): Promise<void> {
  const otherTeam = team === "NETOPS" ? "SECOPS" : "NETOPS";
  const reviewers = await tx.user.findMany({ where: { team: otherTeam, status: "ACTIVE" }, select: { id: true, roles: true } });
  await notify(
    tx,
    reviewers.filter((user) => user.roles.includes("CONTRIBUTOR") || user.roles.includes("CAB_MEMBER")).map((user) => user.id),
    { type: "rule.needs_approval", ...message, link: "/changes/rules" },
  );
}

/**
 * Proposes to retire an active rule: a new revision that says so, approved like any proposal. The
 * rule keeps classifying until the second team agrees, so one team alone never loosens the rules.
 */
export async function proposeRetirement(context: TActorContext, id: string, input: TRuleRetirement): Promise<TRule> {
  assertCan(context.actor, "rule.propose");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    const active = await tx.classificationRule.findUnique({ where: { id } });
    if (!active) throw new NotFoundError("The rule");
    if (active.status !== "ACTIVE") throw new RuleViolationError("Only an active rule can be retired.", "not_active");
    const pending = await tx.classificationRule.findFirst({
      where: { ruleKey: active.ruleKey, status: "PROPOSED", retires: true },
      select: { id: true },
    });
    if (pending) throw new RuleViolationError("A retirement of this rule is already waiting for approval.", "retirement_pending");
    const latest = await tx.classificationRule.findFirstOrThrow({
      where: { ruleKey: active.ruleKey },
      orderBy: { revision: "desc" },
      select: { revision: true },
    });
    const {
      id: _id,
      revision: _revision,
      createdAt: _created,
      activatedAt: _activated,
      retiredAt: _retired,
      status: _status,
      authorId: _author,
      ...content
    } = active;
    const created = await tx.classificationRule.create({
      data: {
        ...content,
        condition: active.condition as Prisma.InputJsonValue,
        revision: latest.revision + 1,
        rationale: input.reason,
        retires: true,
        authorId: actor.id,
      },
    });
    if (isPersonDeciding(context) && (actor.team === "NETOPS" || actor.team === "SECOPS"))
      await tx.ruleApproval.create({ data: { ruleId: created.id, userId: actor.id, team: actor.team } });
    const rule = toRule(await tx.classificationRule.findUniqueOrThrow({ where: { id: created.id }, include: ruleInclude }));
    await recordAudit(tx, context, {
      action: "rule.retirement.propose",
      entityType: "ClassificationRule",
      entityId: rule.id,
      before: { activeRuleId: active.id },
      after: rule,
    });
    await askOtherTeam(tx, actor.team, { title: `Retiring a rule needs your team: ${rule.name}`, body: input.reason });
    return rule;
  });
}

/** The second team's approval activates the proposal and retires the revision it replaces. */
export async function approveRule(context: TActorContext, id: string): Promise<TRule> {
  assertCan(context.actor, "rule.approve");
  assertPersonDeciding(context, "approve a rule or its retirement");
  const actor = requireSignedIn(context);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "ClassificationRule" WHERE id = ${id}::uuid FOR UPDATE`;
    const rule = await tx.classificationRule.findUnique({ where: { id }, include: ruleInclude });
    if (!rule) throw new NotFoundError("The rule");
    if (rule.status !== "PROPOSED") throw new RuleViolationError("Only a proposed rule can be approved.", "not_proposed");
    const refusal = jointApprovalRefusal(rule.approvals, actor);
    if (refusal) throw new RuleViolationError(refusal, "joint_approval");
    await tx.ruleApproval.create({ data: { ruleId: id, userId: actor.id, team: actor.team } });
    const approvals = [...rule.approvals, { userId: actor.id, team: actor.team }];
    if (isJointlyApproved(approvals)) {
      const now = new Date();
      await tx.classificationRule.updateMany({
        where: { ruleKey: rule.ruleKey, status: "ACTIVE" },
        data: { status: "RETIRED", retiredAt: now },
      });
      // An agreed retirement leaves no revision active; the proposal itself is kept, retired, as the record.
      await tx.classificationRule.update({
        where: { id },
        data: rule.retires ? { status: "RETIRED", activatedAt: now, retiredAt: now } : { status: "ACTIVE", activatedAt: now },
      });
      await enqueueEvent(tx, rule.retires ? "rule.retired" : "rule.activated", {
        ruleId: id,
        ruleKey: rule.ruleKey,
        name: rule.name,
        actorId: actor.id,
      });
      await notify(tx, [rule.authorId], {
        type: "rule.activated",
        title: rule.retires ? `Rule retired: ${rule.name}` : `Rule active: ${rule.name}`,
        link: "/changes/rules",
      });
    }
    const after = toRule(await tx.classificationRule.findUniqueOrThrow({ where: { id }, include: ruleInclude }));
    await recordAudit(tx, context, {
      action: "rule.approve",
      entityType: "ClassificationRule",
      entityId: id,
      before: { status: rule.status },
      after: { status: after.status, approvals: after.approvals },
    });
    return after;
  });
}

/**
 * Replays the last N submitted changes against the active rule set and against the set with the
 * proposals swapped in, and reports which changes would land on another track.
 */
export async function replayRuleSet(context: TActorContext, input: TRuleSetReplay) {
  assertCan(context.actor, "rule.read");
  const [active, proposed, templates, changes] = await Promise.all([
    db.classificationRule.findMany({ where: { status: "ACTIVE" } }),
    db.classificationRule.findMany({ where: { id: { in: input.proposedRuleIds }, status: "PROPOSED" } }),
    loadActiveTemplates(db),
    db.change.findMany({
      where: { submittedAt: { not: null } },
      orderBy: { submittedAt: "desc" },
      take: input.lastN,
      include: { surfaces: { select: { surfaceId: true } }, operations: { orderBy: { position: "asc" } } },
    }),
  ]);
  const replacedKeys = new Set(proposed.map((rule) => rule.ruleKey));
  const current: TClassifierRule[] = active.map(toClassifierRule);
  const candidate: TClassifierRule[] = [
    ...active.filter((rule) => !replacedKeys.has(rule.ruleKey) && !input.excludeRuleIds.includes(rule.id)).map(toClassifierRule),
    ...proposed.filter((rule) => !rule.retires).map(toClassifierRule),
  ];
  const rows = [];
  for (const change of changes) {
    const classifierInput = await loadClassifierInput(db, change, templates);
    const before = classify(classifierInput, current);
    const after = classify(classifierInput, candidate);
    rows.push({
      id: change.id,
      number: change.number,
      title: change.title,
      currentTrack: before.track,
      proposedTrack: after.track,
      currentRisk: before.riskScore,
      proposedRisk: after.riskScore,
      changed: before.track !== after.track,
      decidedBy: after.matched.find((hit) => hit.decidedTrack)?.name ?? null,
    });
  }
  return { replayed: rows.length, changedTrack: rows.filter((row) => row.changed).length, rows };
}
export type TRuleReplay = Awaited<ReturnType<typeof replayRuleSet>>;

import { describe, expect, it } from "vitest";
import { db, type Role, type Team } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { approveRule, proposeRetirement, proposeRule } from "./rules-service";
import { approveTemplate, proposeTemplate } from "./templates-service";
import type { TRuleProposal } from "./schemas";

/**
 * Joint approval of rules and templates through the services and the database: one approval per
 * team, from two different people. Every refusal is checked twice: the error, and that the artefact
 * is still a proposal with no approval or audit row added.
 */

/** What the next request sees after an administrator changed this person's team or roles. */
async function reassign(person: TActor, change: { team?: Team; roles?: Role[] }): Promise<TActor> {
  const user = await db.user.update({ where: { id: person.id }, data: change });
  return { id: user.id, email: user.email, name: user.name, team: user.team, roles: user.roles };
}

const proposal = (): TRuleProposal => ({
  name: `Force CAB ${uniqueSuffix()}`,
  position: 1,
  outcome: "FORCE_CAB",
  riskPoints: 0,
  extraApprovers: 0,
  rationale: "The CAB sees every change in this environment.",
  condition: { fact: "environment", op: "eq", value: `env-${uniqueSuffix()}` },
});

async function ruleState(id: string) {
  return {
    status: (await db.classificationRule.findUniqueOrThrow({ where: { id } })).status,
    approvals: await db.ruleApproval.count({ where: { ruleId: id } }),
    audited: await db.auditEvent.count({ where: { entityId: id, action: "rule.approve" } }),
  };
}

async function templateState(id: string) {
  return {
    status: (await db.changeTemplate.findUniqueOrThrow({ where: { id } })).status,
    approvals: await db.templateApproval.count({ where: { templateId: id } }),
    audited: await db.auditEvent.count({ where: { entityId: id, action: "template.approve" } }),
  };
}

describe("rule approval: segregation of duties at the service", () => {
  it("a second approval from the author's team is refused; the rule stays a proposal", async () => {
    const author = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const sameTeam = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const sameTeamCab = await createTestUser("NETOPS", ["CAB_MEMBER"]);
    const rule = await proposeRule(contextFor(author), proposal());
    await expect(approveRule(contextFor(sameTeam), rule.id)).rejects.toThrow(/NetOps has already approved/);
    await expect(approveRule(contextFor(sameTeamCab), rule.id)).rejects.toThrow(/NetOps has already approved/);
    expect(await ruleState(rule.id)).toEqual({ status: "PROPOSED", approvals: 1, audited: 0 });
  });

  it("two approvals from one team never activate, even when the author brought none", async () => {
    const leader = await createTestUser("LEADERSHIP", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const secops2 = await createTestUser("SECOPS", ["CAB_MEMBER"]);
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const rule = await proposeRule(contextFor(leader), proposal());
    expect(rule.approvals).toEqual([]);
    expect((await approveRule(contextFor(secops), rule.id)).status).toBe("PROPOSED");
    await expect(approveRule(contextFor(secops2), rule.id)).rejects.toThrow(/SecOps has already approved/);
    expect(await ruleState(rule.id)).toEqual({ status: "PROPOSED", approvals: 1, audited: 1 });
    expect((await approveRule(contextFor(netops), rule.id)).status).toBe("ACTIVE");
  });

  it("the author cannot approve again for the other team after moving to it", async () => {
    const author = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const rule = await proposeRule(contextFor(author), proposal());
    const moved = await reassign(author, { team: "SECOPS" });
    await expect(approveRule(contextFor(moved), rule.id)).rejects.toThrow(/already approved this/);
    expect(await ruleState(rule.id)).toEqual({ status: "PROPOSED", approvals: 1, audited: 0 });
  });

  it("leadership and viewers do not approve", async () => {
    const author = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const leader = await createTestUser("LEADERSHIP", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const viewer = await createTestUser("SECOPS", ["VIEWER"]);
    const rule = await proposeRule(contextFor(author), proposal());
    await expect(approveRule(contextFor(leader), rule.id)).rejects.toThrow(/NetOps and SecOps people/);
    await expect(approveRule(contextFor(viewer), rule.id)).rejects.toThrow(ForbiddenError);
    expect(await ruleState(rule.id)).toEqual({ status: "PROPOSED", approvals: 1, audited: 0 });
  });

  it("a retirement needs the other team too: the proposer's team alone keeps the rule active", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const netops2 = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const rule = await proposeRule(contextFor(secops), proposal());
    const active = await approveRule(contextFor(netops), rule.id);
    const retirement = await proposeRetirement(contextFor(netops), active.id, { reason: "No longer needed by either team." });
    await expect(approveRule(contextFor(netops2), retirement.id)).rejects.toThrow(/NetOps has already approved/);
    expect(await ruleState(retirement.id)).toEqual({ status: "PROPOSED", approvals: 1, audited: 0 });
    expect((await db.classificationRule.findUniqueOrThrow({ where: { id: active.id } })).status).toBe("ACTIVE");
  });
});

describe("template approval: segregation of duties at the service", () => {
  const parameters = () => ({
    operationKinds: ["ADD" as const],
    maxFlows: 1,
    protocols: ["TCP" as const],
    ports: "443",
    minEncryption: "TLS" as const,
    minAuthentication: "TOKEN" as const,
    maxClassification: "INTERNAL" as const,
    environments: [`env-${uniqueSuffix()}`],
    tighteningOnly: false,
  });

  it("a second approval from one team is refused, and the template activates only with the other team's", async () => {
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const secops2 = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const template = await proposeTemplate(contextFor(secops), {
      name: `HTTPS ${uniqueSuffix()}`,
      description: "",
      parameters: parameters(),
    });
    await expect(approveTemplate(contextFor(secops2), template.id)).rejects.toThrow(/SecOps has already approved/);
    expect(await templateState(template.id)).toEqual({ status: "PROPOSED", approvals: 1, audited: 0 });
    expect((await approveTemplate(contextFor(netops), template.id)).status).toBe("ACTIVE");
  });

  it("the author cannot approve again for the other team after moving to it", async () => {
    const author = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const template = await proposeTemplate(contextFor(author), {
      name: `HTTPS ${uniqueSuffix()}`,
      description: "",
      parameters: parameters(),
    });
    const moved = await reassign(author, { team: "NETOPS" });
    await expect(approveTemplate(contextFor(moved), template.id)).rejects.toThrow(/already approved this/);
    expect(await templateState(template.id)).toEqual({ status: "PROPOSED", approvals: 1, audited: 0 });
  });
});

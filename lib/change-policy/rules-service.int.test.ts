import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { RuleViolationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createChange } from "@/lib/changes/service";
import { createSurfaceWithMap } from "@/lib/changes/test-fixtures";
import { submitChange } from "@/lib/changes/workflow";
import { approveRule, listRules, proposeRetirement, proposeRule, replayRuleSet } from "./rules-service";
import { approveTemplate, proposeTemplate } from "./templates-service";

/**
 * A way to make changes that only remove a flow, in an environment of the test's own. A RESTRICTED
 * surface and no verification plan keep the demo seed's tightening rule and template (present when
 * the suite shares a seeded Postgres) from deciding these changes.
 */
async function removalsInOwnEnvironment(requester: TActor) {
  const environment = `env-${uniqueSuffix()}`;
  const { surface, edge } = await createSurfaceWithMap(requester, "RESTRICTED");
  const removal = () =>
    createChange(contextFor(requester), {
      title: "Remove old flow",
      description: "",
      surfaceIds: [surface.id],
      environment,
      operations: [{ kind: "REMOVE", surfaceId: surface.id, edgeId: edge.id }],
      implementationPlan: "x",
      verificationPlan: "",
      rollbackPlan: "z",
      windowStart: null,
      windowEnd: null,
      ticketLinks: [],
      emergencyReason: null,
    });
  return { environment, removal };
}

describe("co-authored rules", () => {
  it("a proposal classifies only after the second team approves, and a revision retires its predecessor", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const netops2 = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const { environment, removal } = await removalsInOwnEnvironment(netops);

    const proposal = await proposeRule(contextFor(netops), {
      name: "Pre-approve removals in the test environment",
      position: 1,
      outcome: "ALLOW_PRE_APPROVAL",
      riskPoints: 0,
      extraApprovers: 0,
      rationale: "Removing access is what both teams want more of.",
      condition: {
        all: [
          { fact: "environment", op: "eq", value: environment },
          { fact: "tighteningOnly", op: "eq", value: true },
        ],
      },
    });
    expect(proposal.status).toBe("PROPOSED");
    expect(proposal.approvals.map((approval) => approval.team)).toEqual(["NETOPS"]);
    const before = await submitChange(contextFor(netops), (await removal()).id);
    expect(before.track).toBe("CAB");

    await expect(approveRule(contextFor(netops2), proposal.id)).rejects.toThrow(RuleViolationError);
    const active = await approveRule(contextFor(secops), proposal.id);
    expect(active.status).toBe("ACTIVE");
    const replay = await replayRuleSet(contextFor(secops), { proposedRuleIds: [], excludeRuleIds: [], lastN: 500 });
    expect(replay.rows.find((row) => row.id === before.id)?.currentTrack).toBe("PRE_APPROVED");
    const after = await submitChange(contextFor(netops), (await removal()).id);
    expect(after.track).toBe("PRE_APPROVED");
    expect(after.classification?.matched.find((hit) => hit.decidedTrack)?.ruleKey).toBe(active.ruleKey);

    const revision = await proposeRule(contextFor(secops), {
      name: proposal.name,
      position: proposal.position,
      condition: proposal.condition,
      riskPoints: 0,
      extraApprovers: 0,
      ruleKey: active.ruleKey,
      outcome: "FORCE_CAB",
      rationale: "Second thoughts: the CAB sees removals too.",
    });
    expect(revision.revision).toBe(2);
    const preview = await replayRuleSet(contextFor(secops), { proposedRuleIds: [revision.id], excludeRuleIds: [], lastN: 500 });
    const row = preview.rows.find((candidate) => candidate.id === after.id);
    expect(row).toMatchObject({ currentTrack: "PRE_APPROVED", proposedTrack: "CAB", changed: true });
    await approveRule(contextFor(netops), revision.id);
    const history = await db.classificationRule.findMany({ where: { ruleKey: active.ruleKey }, orderBy: { revision: "asc" } });
    expect(history.map((rule) => rule.status)).toEqual(["RETIRED", "ACTIVE"]);
    expect(await db.auditEvent.count({ where: { entityId: revision.id, action: { in: ["rule.propose", "rule.approve"] } } })).toBe(2);
  });

  it("a rule is retired only when the second team agrees, and stops classifying then", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const secops2 = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const { environment, removal } = await removalsInOwnEnvironment(netops);
    const proposal = await proposeRule(contextFor(netops), {
      name: "Pre-approve removals while testing retirement",
      position: 1,
      outcome: "ALLOW_PRE_APPROVAL",
      riskPoints: 0,
      extraApprovers: 0,
      rationale: "Removing access is what both teams want more of.",
      condition: {
        all: [
          { fact: "environment", op: "eq", value: environment },
          { fact: "tighteningOnly", op: "eq", value: true },
        ],
      },
    });
    const active = await approveRule(contextFor(secops), proposal.id);
    const decided = await submitChange(contextFor(netops), (await removal()).id);
    expect(decided.track).toBe("PRE_APPROVED");

    await expect(
      proposeRetirement(contextFor(secops), proposal.id, { reason: "Both teams now review removals in the CAB." }),
    ).resolves.toMatchObject({ retires: true, status: "PROPOSED", revision: 2 });
    await expect(proposeRetirement(contextFor(netops), active.id, { reason: "A second retirement of the same rule" })).rejects.toThrow(
      /already waiting/,
    );
    const retirement = (await listRules(contextFor(netops))).proposed.find((rule) => rule.ruleKey === active.ruleKey)!;
    // Until the second team agrees, the rule still classifies; the replay shows what retiring it would change.
    expect((await submitChange(contextFor(netops), (await removal()).id)).track).toBe("PRE_APPROVED");
    const preview = await replayRuleSet(contextFor(netops), { proposedRuleIds: [retirement.id], excludeRuleIds: [], lastN: 500 });
    expect(preview.rows.find((row) => row.id === decided.id)).toMatchObject({
      currentTrack: "PRE_APPROVED",
      proposedTrack: "CAB",
      changed: true,
    });

    await expect(approveRule(contextFor(secops2), retirement.id)).rejects.toThrow(RuleViolationError);
    expect((await approveRule(contextFor(netops), retirement.id)).status).toBe("RETIRED");
    const history = await db.classificationRule.findMany({ where: { ruleKey: active.ruleKey }, orderBy: { revision: "asc" } });
    expect(history.map((rule) => [rule.status, rule.retires])).toEqual([
      ["RETIRED", false],
      ["RETIRED", true],
    ]);
    expect((await submitChange(contextFor(netops), (await removal()).id)).track).toBe("CAB");
    expect(
      await db.auditEvent.count({ where: { entityId: retirement.id, action: { in: ["rule.retirement.propose", "rule.approve"] } } }),
    ).toBe(2);
    await expect(proposeRetirement(contextFor(netops), active.id, { reason: "Retire what is already retired" })).rejects.toThrow(
      /Only an active rule/,
    );
  });

  it("templates need both teams too", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const template = await proposeTemplate(contextFor(secops), {
      name: `HTTPS ${uniqueSuffix()}`,
      description: "",
      parameters: {
        operationKinds: ["ADD"],
        maxFlows: 1,
        protocols: ["TCP"],
        ports: "443",
        minEncryption: "TLS",
        minAuthentication: "TOKEN",
        maxClassification: "INTERNAL",
        environments: [`env-${uniqueSuffix()}`],
        tighteningOnly: false,
      },
    });
    expect(template.status).toBe("PROPOSED");
    await expect(approveTemplate(contextFor(secops), template.id)).rejects.toThrow(/already approved/);
    expect((await approveTemplate(contextFor(netops), template.id)).status).toBe("ACTIVE");
  });
});

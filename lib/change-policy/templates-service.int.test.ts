import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TActor, TActorContext } from "@/lib/auth/actor";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createSurfaceWithMap } from "@/lib/changes/test-fixtures";
import { loadActiveTemplates } from "@/lib/change-policy/classify-input";
import { transitionChange } from "@/lib/changes/workflow";
import { approveTemplateRetirement } from "./template-lifecycle";
import { approveTemplate, listTemplates, proposeTemplate } from "./templates-service";

const byToken = (actor: TActor): TActorContext => ({
  actor,
  requestId: `test-${uniqueSuffix()}`,
  auth: { method: "token", tokenId: crypto.randomUUID() },
});

async function activeTemplate(failureThreshold = 2) {
  const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
  const proposed = await proposeTemplate(contextFor(netops), {
    name: `HTTPS ${uniqueSuffix()}`,
    description: "",
    failureThreshold,
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
  const template = await approveTemplate(contextFor(secops), proposed.id);
  expect(template).toMatchObject({ status: "ACTIVE", failureThreshold });
  return { netops, secops, template };
}

/** Changes of one kind (a port no other test uses) in the given outcome, written as the workflow leaves them. */
async function pastChanges(
  count: number,
  outcome: { state: "CLOSED" | "VERIFIED"; verified: boolean; rolledBack: boolean },
  ports: string,
) {
  const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const { surface, nodes } = await createSurfaceWithMap(requester, "INTERNAL");
  const now = new Date();
  for (let index = 0; index < count; index++) {
    await db.change.create({
      data: {
        title: `Past ${ports} ${index}`,
        requesterId: requester.id,
        state: outcome.state,
        track: "CAB",
        contentHash: uniqueSuffix(),
        verifiedAt: outcome.verified ? now : null,
        rolledBackAt: outcome.rolledBack ? now : null,
        closedAt: outcome.state === "CLOSED" ? now : null,
        surfaces: { create: [{ surfaceId: surface.id }] },
        operations: {
          create: [
            {
              kind: "ADD",
              surfaceId: surface.id,
              after: {
                sourceId: nodes.web.id,
                targetId: nodes.api.id,
                sourceLabel: "web",
                targetLabel: "api",
                protocol: "TCP",
                ports,
                appProtocol: "",
                encryption: "TLS",
                authentication: "TOKEN",
                justification: "x",
              },
            },
          ],
        },
      },
    });
  }
}

describe("template promotion, retirement and suspension", () => {
  it("suggests promotion only from changes verified and not rolled back: rejected-then-closed and rolled-back ones never count", async () => {
    const admin = await createTestUser("NETOPS", ["VIEWER"]);
    const port = () => String(20_000 + crypto.randomInt(40_000));
    const [rejected, rolledBack, verified] = [port(), port(), port()];
    await pastChanges(3, { state: "CLOSED", verified: false, rolledBack: false }, rejected);
    await pastChanges(3, { state: "CLOSED", verified: true, rolledBack: true }, rolledBack);
    await pastChanges(3, { state: "CLOSED", verified: true, rolledBack: false }, verified);
    const { suggestions } = await listTemplates(contextFor(admin));
    const suggestedPorts = suggestions.map((suggestion) => suggestion.parameters.ports);
    expect(suggestedPorts).not.toContain(rejected);
    expect(suggestedPorts).not.toContain(rolledBack);
    expect(suggestedPorts).toContain(verified);
  });

  it("retires a template only with one NetOps and one SecOps approval, each in person", async () => {
    const { netops, secops, template } = await activeTemplate();
    const netops2 = await createTestUser("NETOPS", ["CONTRIBUTOR"]);

    await expect(approveTemplateRetirement(byToken(netops), template.id, { reason: "replaced by mTLS" })).rejects.toThrow(ForbiddenError);
    expect(await db.templateRetirementApproval.count({ where: { templateId: template.id } })).toBe(0);

    const half = await approveTemplateRetirement(contextFor(netops), template.id, { reason: "replaced by mTLS" });
    expect(half).toMatchObject({ status: "ACTIVE", retirementApprovals: [{ userId: netops.id, team: "NETOPS" }] });
    await expect(approveTemplateRetirement(contextFor(netops2), template.id, { reason: "same team" })).rejects.toThrow(RuleViolationError);
    await expect(approveTemplateRetirement(contextFor(netops), template.id, { reason: "again" })).rejects.toThrow(RuleViolationError);
    expect(await db.templateRetirementApproval.count({ where: { templateId: template.id } })).toBe(1);

    const retired = await approveTemplateRetirement(contextFor(secops), template.id, { reason: "agreed" });
    expect(retired.status).toBe("RETIRED");
    expect(retired.retiredAt).not.toBeNull();
    expect((await loadActiveTemplates(db)).map((active) => active.id)).not.toContain(template.id);
    expect(await db.auditEvent.count({ where: { entityId: template.id, action: "template.retire", actorId: secops.id } })).toBe(1);
    await expect(
      approveTemplateRetirement(contextFor(await createTestUser("SECOPS", ["CONTRIBUTOR"])), template.id, { reason: "late" }),
    ).rejects.toThrow(/active or suspended/);
  });

  it("a template approved or proposed with a token gets no approval from it", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const proposed = await proposeTemplate(byToken(netops), {
      name: `Token ${uniqueSuffix()}`,
      parameters: {
        operationKinds: ["ADD"],
        maxFlows: 1,
        protocols: ["TCP"],
        ports: "443",
        minEncryption: "TLS",
        minAuthentication: "TOKEN",
        maxClassification: "INTERNAL",
        environments: [],
        tighteningOnly: false,
      },
    });
    expect(proposed.approvals).toEqual([]);
    await expect(approveTemplate(byToken(secops), proposed.id)).rejects.toThrow(/An API token cannot approve a template/);
    expect(await db.templateApproval.count({ where: { templateId: proposed.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: proposed.id, action: "template.approve" } })).toBe(0);
  });

  it("suspends a template when its rolled-back changes reach the threshold both teams set, and tells both teams", async () => {
    const { netops, secops, template } = await activeTemplate(2);
    const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const change = (state: "ROLLED_BACK" | "IMPLEMENTED") =>
      db.change.create({
        data: {
          title: `Templated ${state}`,
          requesterId: requester.id,
          state,
          track: "PRE_APPROVED",
          templateId: template.id,
          contentHash: uniqueSuffix(),
          rolledBackAt: state === "ROLLED_BACK" ? new Date() : null,
          implementedAt: new Date(),
        },
      });
    await change("ROLLED_BACK");
    const second = await change("IMPLEMENTED");
    expect((await db.changeTemplate.findUniqueOrThrow({ where: { id: template.id } })).status).toBe("ACTIVE");

    await transitionChange(contextFor(requester), second.id, { action: "rollback", reason: "probe failed" });
    const suspended = await db.changeTemplate.findUniqueOrThrow({ where: { id: template.id } });
    expect(suspended.status).toBe("SUSPENDED");
    expect(suspended.suspendedAt).not.toBeNull();
    expect((await loadActiveTemplates(db)).map((active) => active.id)).not.toContain(template.id);
    expect(await db.auditEvent.count({ where: { entityId: template.id, action: "template.suspend" } })).toBe(1);
    for (const person of [netops, secops]) {
      expect(await db.notification.count({ where: { userId: person.id, type: "template.suspended" } })).toBe(1);
    }
    // Before both teams: they may retire it jointly.
    await approveTemplateRetirement(contextFor(secops), template.id, { reason: "keeps failing" });
    expect((await approveTemplateRetirement(contextFor(netops), template.id, { reason: "agreed" })).status).toBe("RETIRED");
  });
});

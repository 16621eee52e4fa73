import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TActor, TActorContext } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { ZCreateSurface } from "@/lib/surfaces/schemas";
import { createSurface, signOffSurface, submitSurface } from "@/lib/surfaces/service";
import { createScopedRule } from "@/lib/changes/test-fixtures";
import { submitChange, transitionChange, voteOnChange } from "@/lib/changes/workflow";
import { reviewRetrospective } from "@/lib/cab/service";
import { approveRule, proposeRule } from "@/lib/change-policy/rules-service";
import { createAssessment, updateScore } from "@/lib/maturity/service";
import { createApiToken } from "@/lib/tokens/service";
import { createServiceAccount } from "@/lib/tokens/service-accounts";

const tokenContext = (actor: TActor, tokenId: string = crypto.randomUUID()): TActorContext => ({
  actor,
  requestId: `test-${uniqueSuffix()}`,
  auth: { method: "token", tokenId },
});
const anyId = () => crypto.randomUUID();

describe("joint decisions are never made with an API token", () => {
  it("refuses every kind of decision to a token caller with 403 and a clear message, before anything is read or written", async () => {
    const person = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const token = tokenContext(person);
    const refusals: Array<[string, () => Promise<unknown>]> = [
      ["sign off a protect surface", () => signOffSurface(token, anyId())],
      ["vote on a change", () => voteOnChange(token, anyId(), { decision: "APPROVE", comment: "" })],
      ["verify a change", () => transitionChange(token, anyId(), { action: "verify", reason: "" })],
      [
        "review a change retrospectively",
        () => reviewRetrospective(token, anyId(), { changeId: anyId(), decision: "APPROVE", comment: "" }),
      ],
      ["approve a rule or its retirement", () => approveRule(token, anyId())],
      [
        "open a maturity assessment",
        () => createAssessment(token, { title: "x", assessedOn: "2026-03-01", netopsAssessorId: person.id, secopsAssessorId: anyId() }),
      ],
      ["score a maturity assessment", () => updateScore(token, anyId(), "identity", { stage: "ADVANCED" })],
    ];
    for (const [decision, attempt] of refusals) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error, decision).toBeInstanceOf(ForbiddenError);
      expect((error as ForbiddenError).status).toBe(403);
      expect((error as ForbiddenError).message).toBe(
        `An API token cannot ${decision}: joint decisions are made by a person signed in to Concord.`,
      );
    }
  });

  it("a surface stays unsigned when the owner's token signs, and agrees when the owners sign in person; the audit rows say how", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const surface = await createSurface(
      contextFor(netops),
      ZCreateSurface.parse({
        name: `Tokens ${uniqueSuffix()}`,
        criticality: "HIGH",
        netopsOwnerId: netops.id,
        secopsOwnerId: secops.id,
        elements: [],
      }),
    );
    await submitSurface(contextFor(netops), surface.id);
    await expect(signOffSurface(tokenContext(netops), surface.id)).rejects.toThrow(ForbiddenError);
    await expect(signOffSurface(tokenContext(secops), surface.id)).rejects.toThrow(ForbiddenError);
    expect(await db.surfaceSignOff.count({ where: { surfaceId: surface.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: surface.id, action: { in: ["surface.signoff", "surface.agree"] } } })).toBe(0);

    const session = (actor: TActor): TActorContext => ({
      actor,
      requestId: `test-${uniqueSuffix()}`,
      auth: { method: "session", sessionId: anyId() },
    });
    const netopsSession = session(netops);
    await signOffSurface(netopsSession, surface.id);
    expect((await signOffSurface(session(secops), surface.id)).status).toBe("AGREED");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: surface.id, action: "surface.signoff", actorId: netops.id } });
    expect(audit).toMatchObject({
      authMethod: "session",
      authId: netopsSession.auth?.method === "session" ? netopsSession.auth.sessionId : null,
    });
  });

  it("an admin cannot cast both teams' CAB votes: tokens act only as their issuer, and token votes are refused", async () => {
    const admin = await createTestUser("LEADERSHIP", ["ADMIN"]);
    const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const netCab = await createTestUser("NETOPS", ["CAB_MEMBER"]);
    const environment = `env-${uniqueSuffix()}`;
    await createScopedRule(netCab, environment, "FORCE_CAB", { fact: "flowsTouched", op: "gte", value: 0 });
    const { createChange } = await import("@/lib/changes/service");
    const { createSurfaceWithMap } = await import("@/lib/changes/test-fixtures");
    const { surface, nodes } = await createSurfaceWithMap(requester);
    const change = await createChange(contextFor(requester), {
      title: "Open partner",
      description: "",
      surfaceIds: [surface.id],
      environment,
      implementationPlan: "x",
      verificationPlan: "y",
      rollbackPlan: "z",
      operations: [
        {
          kind: "ADD",
          surfaceId: surface.id,
          sourceNodeId: nodes.partner.id,
          targetNodeId: nodes.api.id,
          flow: { protocol: "TCP", ports: "443", appProtocol: "", encryption: "TLS", authentication: "TOKEN", justification: "x" },
        },
      ],
      windowStart: null,
      windowEnd: null,
      ticketLinks: [],
      emergencyReason: null,
    });
    expect((await submitChange(contextFor(requester), change.id)).state).toBe("CAB_REVIEW");
    // The admin's own token acts as the admin, never as a CAB member; a service account has no team.
    const issued = await createApiToken(contextFor(admin), { name: "cab automation" });
    expect(issued.token.userId).toBe(admin.id);
    const bot = await createServiceAccount(contextFor(admin), { name: `bot ${uniqueSuffix()}`, roles: ["CONTRIBUTOR"] });
    const botActor = { id: bot.id, email: bot.email, name: bot.name, team: "NONE" as const, roles: ["CAB_MEMBER" as const] };
    await expect(voteOnChange(tokenContext(botActor), change.id, { decision: "APPROVE", comment: "" })).rejects.toThrow(ForbiddenError);
    await expect(voteOnChange(tokenContext(netCab, issued.token.id), change.id, { decision: "APPROVE", comment: "" })).rejects.toThrow(
      ForbiddenError,
    );
    expect(await db.changeApproval.count({ where: { changeId: change.id } })).toBe(0);
    expect(await db.changeApproval.count({ where: { userId: bot.id } })).toBe(0);
  });

  it("a rule proposed with a token carries no approval of its author's team", async () => {
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const rule = await proposeRule(tokenContext(netops), {
      name: `Token rule ${uniqueSuffix()}`,
      position: 5,
      condition: { fact: "flowsTouched", op: "gte", value: 9 },
      outcome: "FORCE_CAB",
      riskPoints: 0,
      extraApprovers: 0,
      rationale: "proposed by automation",
    });
    expect(await db.ruleApproval.count({ where: { ruleId: rule.id } })).toBe(0);
  });
});

import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { db } from "@/lib/db";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { createApiToken } from "@/lib/tokens/service";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { startWebhookReceiver, type TWebhookReceiver } from "@/lib/test/webhook-receiver";
import { deliverDueMessages } from "@/lib/outbox/deliver";
import { enqueueEvent } from "@/lib/outbox/enqueue";
import { createSurfaceWithMap } from "@/lib/changes/test-fixtures";
import { createChange } from "@/lib/changes/service";
import { submitChange, transitionChange, voteOnChange } from "@/lib/changes/workflow";
import { applyMapOperations } from "@/lib/maps/service";
import { approveRule, proposeRule } from "@/lib/change-policy/rules-service";
import { approveTemplate, proposeTemplate } from "@/lib/change-policy/templates-service";
import { createSurface, signOffSurface, submitSurface } from "@/lib/surfaces/service";
import { reopenSurfaceForReview } from "@/lib/surfaces/reopen";
import { ZCreateSurface } from "@/lib/surfaces/schemas";
import { POST as createRoute } from "@/app/api/v1/webhooks/route";
import {
  createWebhookSubscription,
  listWebhookDeliveries,
  listWebhookSubscriptions,
  redeliverWebhookMessage,
  rotateWebhookSecret,
  updateWebhookSubscription,
} from "./service";

let receiver: TWebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  // Undefined when the database setup before it failed: leave that error alone.
  await (receiver as TWebhookReceiver | undefined)?.close();
});

const admin = () => createTestUser("LEADERSHIP", ["ADMIN"]);

/** A custom event type no other test emits, queued for the given subscription. */
async function queueTestEvent(subscriptionId: string) {
  const eventType = `test.${uniqueSuffix()}`;
  await db.webhookSubscription.update({ where: { id: subscriptionId }, data: { eventTypes: { push: eventType } } });
  await db.$transaction((tx) => enqueueEvent(tx, eventType, { probe: eventType }));
  return eventType;
}

function requestsOf(eventType: string) {
  return receiver.received.filter((request) => (JSON.parse(request.body) as { type: string }).type === eventType);
}

describe("webhook subscriptions", () => {
  it("an admin subscribes a URL; the whsec_ secret is returned once, stored to sign, and never audited or listed", async () => {
    const person = await admin();
    const { subscription, secret } = await createWebhookSubscription(contextFor(person), {
      url: "https://hooks.example.com/concord",
      description: "SOAR",
      eventTypes: ["surface.agreed", "change.*"],
    });
    expect(secret).toMatch(/^whsec_/);
    expect(subscription).toMatchObject({
      url: "https://hooks.example.com/concord",
      description: "SOAR",
      active: true,
      pendingCount: 0,
      failedCount: 0,
    });
    expect(JSON.stringify(subscription)).not.toContain(secret);
    expect((await db.webhookSubscription.findUniqueOrThrow({ where: { id: subscription.id } })).secret).toBe(secret);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: subscription.id, action: "webhook.create" } });
    expect(audit.actorId).toBe(person.id);
    expect(JSON.stringify(audit.after)).not.toContain(secret);
    const listed = await listWebhookSubscriptions(contextFor(person));
    expect(listed.find((candidate) => candidate.id === subscription.id)).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain("whsec_");
  });

  it("refuses everyone but admins, and writes nothing", async () => {
    const contributor = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const before = await db.webhookSubscription.count();
    await expect(
      createWebhookSubscription(contextFor(contributor), { url: "https://hooks.example.com/x", eventTypes: ["*"] }),
    ).rejects.toThrow(ForbiddenError);
    await expect(listWebhookSubscriptions(contextFor(contributor))).rejects.toThrow(ForbiddenError);
    expect(await db.webhookSubscription.count()).toBe(before);
  });

  it("through the API: bad URLs and event types get 400 with the field and reason, and nothing is written", async () => {
    const person = await admin();
    const { plainToken } = await createApiToken(contextFor(person), { name: "webhook automation" });
    const post = (body: unknown) =>
      createRoute(
        new NextRequest("http://localhost/api/v1/webhooks", {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json", authorization: `Bearer ${plainToken}` },
        }),
        { params: Promise.resolve({}) },
      );
    const subscriptions = await db.webhookSubscription.count();
    const audits = await db.auditEvent.count();
    for (const [body, field, reason] of [
      [{ url: "ftp://hooks.example.com/", eventTypes: ["*"] }, "body.url", /http or https/],
      [{ url: "https://user:secret@hooks.example.com/", eventTypes: ["*"] }, "body.url", /user name or password/],
      [{ url: "not a url", eventTypes: ["*"] }, "body.url", /absolute URL/],
      [{ url: "https://hooks.example.com/", eventTypes: ["surface.deleted"] }, "body.eventTypes.0", /not a known event type/],
      [{ url: "https://hooks.example.com/", eventTypes: [] }, "body.eventTypes", /at least one/],
    ] as const) {
      const response = await post(body);
      expect(response.status).toBe(400);
      const fields = ((await response.json()) as { error: { fields: Array<{ path: string; message: string }> } }).error.fields;
      expect(fields.find((candidate) => candidate.path === field)?.message).toMatch(reason);
    }
    expect(await db.webhookSubscription.count()).toBe(subscriptions);
    expect(await db.auditEvent.count()).toBe(audits);
    const created = await post({ url: receiver.url, eventTypes: ["rule.*"] });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { secret: string }).secret).toMatch(/^whsec_/);
  });

  it("a disabled subscription gets no new events and holds its queue; enabling resumes; each switch is audited", async () => {
    const person = await admin();
    const { subscription } = await createWebhookSubscription(contextFor(person), { url: receiver.url, eventTypes: ["rule.activated"] });
    const queued = await queueTestEvent(subscription.id);
    const disabled = await updateWebhookSubscription(contextFor(person), subscription.id, { active: false });
    expect(disabled).toMatchObject({ active: false, pendingCount: 1 });
    const ignored = `test.${uniqueSuffix()}`;
    await db.webhookSubscription.update({ where: { id: subscription.id }, data: { eventTypes: { push: ignored } } });
    await db.$transaction((tx) => enqueueEvent(tx, ignored, {}));
    expect(await db.outboxMessage.count({ where: { subscriptionId: subscription.id } })).toBe(1);
    await deliverDueMessages({ subscriptionIds: [subscription.id] });
    expect(requestsOf(queued)).toHaveLength(0);
    expect((await listWebhookDeliveries(contextFor(person), subscription.id))[0]?.status).toBe("held");

    await updateWebhookSubscription(contextFor(person), subscription.id, { active: true });
    await deliverDueMessages({ subscriptionIds: [subscription.id] });
    expect(requestsOf(queued)).toHaveLength(1);
    const actions = (await db.auditEvent.findMany({ where: { entityId: subscription.id }, orderBy: { id: "asc" } })).map(
      (event) => event.action,
    );
    expect(actions).toEqual(["webhook.create", "webhook.disable", "webhook.enable"]);
  });

  it("rotating the secret signs from then on with the new one only", async () => {
    const person = await admin();
    const { subscription, secret: first } = await createWebhookSubscription(contextFor(person), {
      url: receiver.url,
      eventTypes: ["template.activated"],
    });
    const { secret: second } = await rotateWebhookSecret(contextFor(person), subscription.id);
    expect(second).not.toBe(first);
    const eventType = await queueTestEvent(subscription.id);
    await deliverDueMessages({ subscriptionIds: [subscription.id] });
    const [request] = requestsOf(eventType);
    expect(new Webhook(second).verify(request!.body, request!.headers)).toMatchObject({ type: eventType });
    expect(() => new Webhook(first).verify(request!.body, request!.headers)).toThrow();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: subscription.id, action: "webhook.secret.rotate" } });
    expect(JSON.stringify([audit.before, audit.after])).not.toContain(second);
  });

  it("the delivery log shows attempts and the last error; redelivery sends the same webhook-id again, and refuses a queued message", async () => {
    const person = await admin();
    const { subscription } = await createWebhookSubscription(contextFor(person), { url: receiver.url, eventTypes: ["rule.retired"] });
    const eventType = await queueTestEvent(subscription.id);
    const [queued] = await listWebhookDeliveries(contextFor(person), subscription.id);
    expect(queued).toMatchObject({ status: "pending", attempts: 0, attemptLog: [] });
    const audits = await db.auditEvent.count({ where: { entityId: subscription.id } });
    await expect(redeliverWebhookMessage(contextFor(person), subscription.id, queued!.id)).rejects.toThrow(RuleViolationError);
    expect(await db.auditEvent.count({ where: { entityId: subscription.id } })).toBe(audits);

    receiver.respondWith({ status: 500 });
    try {
      await deliverDueMessages({ subscriptionIds: [subscription.id] });
    } finally {
      receiver.respondWith({});
    }
    const [retrying] = await listWebhookDeliveries(contextFor(person), subscription.id, { status: "retrying" });
    expect(retrying).toMatchObject({
      id: queued!.id,
      attempts: 1,
      lastError: "HTTP 500",
      attemptLog: [expect.objectContaining({ number: 1, statusCode: 500, error: "HTTP 500" })],
    });
    await db.outboxMessage.update({ where: { id: BigInt(queued!.id) }, data: { nextAttemptAt: new Date() } });
    await deliverDueMessages({ subscriptionIds: [subscription.id] });
    const [delivered] = await listWebhookDeliveries(contextFor(person), subscription.id, { status: "delivered" });
    expect(delivered).toMatchObject({ attempts: 2, lastError: null });
    expect(delivered!.attemptLog.map((attempt) => attempt.statusCode)).toEqual([500, 204]);

    const again = await redeliverWebhookMessage(contextFor(person), subscription.id, queued!.id);
    expect(again).toMatchObject({ status: "pending", attempts: 0 });
    await deliverDueMessages({ subscriptionIds: [subscription.id] });
    const ids = requestsOf(eventType).map((request) => request.headers["webhook-id"]);
    expect(ids).toHaveLength(3);
    expect(new Set(ids)).toEqual(new Set([queued!.webhookId]));
    const [final] = await listWebhookDeliveries(contextFor(person), subscription.id);
    expect(final!.attemptLog.map((attempt) => attempt.number)).toEqual([1, 2, 3]);
    expect(await db.auditEvent.count({ where: { entityId: subscription.id, action: "webhook.redeliver" } })).toBe(1);
    await expect(redeliverWebhookMessage(contextFor(person), subscription.id, "999999999")).rejects.toThrow(NotFoundError);
  });
});

describe("events emitted in the transaction of what they report", () => {
  async function subscribeAll() {
    const person = await admin();
    const { subscription } = await createWebhookSubscription(contextFor(person), {
      url: "https://hooks.example.com/all",
      eventTypes: ["surface.*", "flow.*", "rule.*", "template.*", "change.submitted"],
    });
    const messages = async (type: string, match: (data: Record<string, unknown>) => boolean) =>
      (await db.outboxMessage.findMany({ where: { subscriptionId: subscription.id, eventType: type } }))
        .map((message) => (message.payload as { data: Record<string, unknown> }).data)
        .filter(match);
    return { messages };
  }

  it("surface agreed and reopened", async () => {
    const { messages } = await subscribeAll();
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const surface = await createSurface(
      contextFor(netops),
      ZCreateSurface.parse({
        name: `Surface ${uniqueSuffix()}`,
        criticality: "HIGH",
        netopsOwnerId: netops.id,
        secopsOwnerId: secops.id,
        elements: [{ type: "DATA", name: "DB", classification: "CONFIDENTIAL" }],
      }),
    );
    await submitSurface(contextFor(netops), surface.id);
    await signOffSurface(contextFor(netops), surface.id);
    expect(await messages("surface.agreed", (data) => data.surfaceId === surface.id)).toHaveLength(0);
    await signOffSurface(contextFor(secops), surface.id);
    expect(await messages("surface.agreed", (data) => data.surfaceId === surface.id)).toEqual([
      expect.objectContaining({ version: 1, actorId: secops.id }),
    ]);
    await db.$transaction((tx) => reopenSurfaceForReview(tx, contextFor(netops), surface.id, "Flow map edited"));
    expect(await messages("surface.reopened", (data) => data.surfaceId === surface.id)).toEqual([
      expect.objectContaining({ version: 2, reason: "Flow map edited" }),
    ]);
  });

  it("a flow's status changed on the map; an edit that is refused leaves no event", async () => {
    const { messages } = await subscribeAll();
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const { surface, edge } = await createSurfaceWithMap(netops);
    await applyMapOperations(contextFor(netops), surface.id, [
      { op: "updateEdge", id: edge.id, version: edge.version, patch: { status: "DENIED" } },
    ]);
    expect(await messages("flow.status_changed", (data) => data.flowId === edge.id)).toEqual([
      expect.objectContaining({ from: "APPROVED", to: "DENIED", surfaceId: surface.id }),
    ]);
    // A stale version is refused: no second event.
    await expect(
      applyMapOperations(contextFor(netops), surface.id, [
        { op: "updateEdge", id: edge.id, version: edge.version, patch: { status: "OBSERVED" } },
      ]),
    ).rejects.toThrow();
    expect(await messages("flow.status_changed", (data) => data.flowId === edge.id)).toHaveLength(1);
    await applyMapOperations(contextFor(netops), surface.id, [
      { op: "updateEdge", id: edge.id, version: edge.version + 1, patch: { justification: "still needed" } },
    ]);
    expect(await messages("flow.status_changed", (data) => data.flowId === edge.id)).toHaveLength(1);
  });

  it("rules and templates activated by the second team, and a change submitted", async () => {
    const { messages } = await subscribeAll();
    const netops = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const secops = await createTestUser("SECOPS", ["CONTRIBUTOR"]);
    const environment = `env-${uniqueSuffix()}`;
    const rule = await proposeRule(contextFor(netops), {
      name: `Webhook rule ${uniqueSuffix()}`,
      position: 1,
      outcome: "FORCE_CAB",
      riskPoints: 0,
      extraApprovers: 0,
      rationale: "test",
      condition: { all: [{ fact: "environment", op: "eq", value: environment }] },
    });
    expect(await messages("rule.activated", (data) => data.ruleId === rule.id)).toHaveLength(0);
    await approveRule(contextFor(secops), rule.id);
    expect(await messages("rule.activated", (data) => data.ruleId === rule.id)).toEqual([
      expect.objectContaining({ ruleKey: rule.ruleKey, actorId: secops.id }),
    ]);

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
        environments: [environment],
        tighteningOnly: false,
      },
    });
    await expect(approveTemplate(contextFor(secops), template.id)).rejects.toThrow();
    expect(await messages("template.activated", (data) => data.templateId === template.id)).toHaveLength(0);
    await approveTemplate(contextFor(netops), template.id);
    expect(await messages("template.activated", (data) => data.templateId === template.id)).toHaveLength(1);

    const { surface } = await createSurfaceWithMap(netops);
    const change = await createChange(contextFor(netops), {
      title: "Webhook change",
      description: "",
      surfaceIds: [surface.id],
      environment,
      operations: [],
      implementationPlan: "x",
      verificationPlan: "y",
      rollbackPlan: "z",
      windowStart: null,
      windowEnd: null,
      ticketLinks: [],
      emergencyReason: null,
    });
    await submitChange(contextFor(netops), change.id);
    expect(await messages("change.submitted", (data) => data.changeId === change.id)).toEqual([
      expect.objectContaining({ from: "DRAFT", to: "SUBMITTED", actorId: netops.id }),
    ]);
  });

  it("a verified change that approves an observed flow reports the flow's status change", async () => {
    const { messages } = await subscribeAll();
    const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const netCab = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const secCab = await createTestUser("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const { surface, edge } = await createSurfaceWithMap(requester);
    await db.flowEdge.update({ where: { id: edge.id }, data: { status: "OBSERVED" } });
    const start = new Date(Date.now() + 86_400_000);
    const change = await createChange(contextFor(requester), {
      title: "Trust the observed flow",
      description: "",
      surfaceIds: [surface.id],
      environment: `env-${uniqueSuffix()}`,
      operations: [
        {
          kind: "MODIFY",
          surfaceId: surface.id,
          edgeId: edge.id,
          flow: {
            protocol: "TCP",
            ports: "443",
            appProtocol: "https",
            encryption: "MTLS",
            authentication: "CERTIFICATE",
            justification: "web calls api",
          },
        },
      ],
      implementationPlan: "x",
      verificationPlan: "y",
      rollbackPlan: "z",
      windowStart: start,
      windowEnd: new Date(start.getTime() + 3_600_000),
      ticketLinks: [],
      emergencyReason: null,
    });
    const submitted = await submitChange(contextFor(requester), change.id);
    if (submitted.state !== "PRE_APPROVED") {
      await voteOnChange(contextFor(netCab), change.id, { decision: "APPROVE", comment: "" });
      await voteOnChange(contextFor(secCab), change.id, { decision: "APPROVE", comment: "" });
    }
    await transitionChange(contextFor(requester), change.id, { action: "schedule", reason: "" });
    await transitionChange(contextFor(requester), change.id, { action: "implement", reason: "" });
    expect(await messages("flow.status_changed", (data) => data.flowId === edge.id)).toHaveLength(0);
    await transitionChange(contextFor(netCab), change.id, { action: "verify", reason: "probe ok" });
    expect(await messages("flow.status_changed", (data) => data.flowId === edge.id)).toEqual([
      expect.objectContaining({ from: "OBSERVED", to: "APPROVED", changeId: change.id, surfaceId: surface.id }),
    ]);
  });
});

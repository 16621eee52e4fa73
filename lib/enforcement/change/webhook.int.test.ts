import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSurfaceWithMap } from "@/lib/changes/test-fixtures";
import { createChange } from "@/lib/changes/service";
import { submitChange, transitionChange, voteOnChange } from "@/lib/changes/workflow";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createWebhookSubscription } from "@/lib/webhooks/service";

type TPolicyChanged = {
  surfaceId: string;
  changeId: string;
  changeNumber: number;
  targets: Record<string, { files: Array<{ path: string; content: string }>; documents: unknown[]; error: string | null }>;
};

describe("policy.changed", () => {
  it("carries the surface's new policy per target when a change that alters flows is verified, and only then", async () => {
    const admin = await createTestUser("SECOPS", ["ADMIN"]);
    const { subscription } = await createWebhookSubscription(contextFor(admin), {
      url: "https://hooks.example.com/gitops",
      eventTypes: ["policy.changed"],
    });
    const sent = async () =>
      (await db.outboxMessage.findMany({ where: { subscriptionId: subscription.id, eventType: "policy.changed" } })).map(
        (message) => (message.payload as { data: TPolicyChanged }).data,
      );
    const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
    const netCab = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const secCab = await createTestUser("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
    const { surface, nodes } = await createSurfaceWithMap(requester);
    // The api is what the surface protects: a labelled workload linked to a DAAS element.
    const element = await db.daasElement.create({
      data: { surfaceId: surface.id, type: "APPLICATION", name: "API", classification: "RESTRICTED" },
    });
    await db.flowNode.update({
      where: { id: nodes.api.id },
      data: { labels: { app: "api", namespace: "shop" }, daasElementId: element.id },
    });
    await db.flowNode.update({ where: { id: nodes.web.id }, data: { labels: { app: "web", namespace: "shop" } } });
    const start = new Date(Date.now() + 86_400_000);
    const change = await createChange(contextFor(requester), {
      title: "Open the admin port",
      description: "",
      surfaceIds: [surface.id],
      environment: `env-${uniqueSuffix()}`,
      operations: [
        {
          kind: "ADD",
          surfaceId: surface.id,
          sourceNodeId: nodes.web.id,
          targetNodeId: nodes.api.id,
          flow: { protocol: "TCP", ports: "9443", appProtocol: "", encryption: "TLS", authentication: "TOKEN", justification: "admin" },
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
    expect(await sent()).toEqual([]);
    await transitionChange(contextFor(netCab), change.id, { action: "verify", reason: "probe ok" });
    const [event, ...more] = await sent();
    expect(more).toEqual([]);
    expect(event).toMatchObject({ surfaceId: surface.id, changeId: change.id, changeNumber: change.number });
    expect(Object.keys(event!.targets).sort()).toEqual(["aws", "cilium", "firewall", "istio", "kubernetes"]);
    const cilium = event!.targets.cilium!;
    expect(cilium.error).toBeNull();
    const policy = cilium.files.find((file) => file.path.endsWith("-cnp.yaml"));
    expect(policy?.content).toContain('port: "9443"');
    expect(policy?.content).toContain(`CHG-${change.number}`);
    expect(cilium.documents).toHaveLength(1);
  });
});

import { db, type Classification } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { contextFor, createTestUser, uniqueSuffix } from "@/lib/test/factories";
import { createChange } from "./service";
import { submitChange } from "./workflow";
import type { TCondition } from "@/lib/change-policy/conditions";
import type { TRuleOutcome } from "@/lib/change-policy/classifier";

/** A protect surface with a flow map of two nodes and one approved flow, for change tests. */
export async function createSurfaceWithMap(owner: TActor, classification: Classification = "RESTRICTED") {
  const suffix = uniqueSuffix();
  const surface = await db.protectSurface.create({
    data: { name: `Surface ${suffix}`, classification, criticality: "HIGH", contentHash: suffix, createdById: owner.id },
  });
  const map = await db.flowMap.create({ data: { surfaceId: surface.id } });
  const zone = await db.flowNode.create({ data: { mapId: map.id, kind: "ZONE", label: "App zone" } });
  const web = await db.flowNode.create({ data: { mapId: map.id, kind: "WORKLOAD", label: `web-${suffix}`, zoneId: zone.id } });
  const api = await db.flowNode.create({ data: { mapId: map.id, kind: "SERVICE", label: `api-${suffix}`, zoneId: zone.id } });
  const partner = await db.flowNode.create({ data: { mapId: map.id, kind: "EXTERNAL", label: `partner-${suffix}` } });
  const edge = await db.flowEdge.create({
    data: {
      mapId: map.id,
      sourceId: web.id,
      targetId: api.id,
      protocol: "TCP",
      ports: "443,8443",
      encryption: "TLS",
      authentication: "TOKEN",
      status: "APPROVED",
      justification: "web calls api",
    },
  });
  return { surface, map, nodes: { zone, web, api, partner }, edge };
}

/** An active rule scoped to one environment, so it classifies only the changes of the test that made it. */
export async function createScopedRule(
  author: TActor,
  environment: string,
  outcome: TRuleOutcome,
  condition: TCondition,
  extra: { riskPoints?: number; extraApprovers?: number; position?: number } = {},
) {
  return db.classificationRule.create({
    data: {
      ruleKey: `test-${uniqueSuffix()}`,
      name: `Scoped ${outcome} ${uniqueSuffix()}`,
      position: extra.position ?? 1,
      condition: { all: [{ fact: "environment", op: "eq", value: environment }, condition] },
      outcome,
      riskPoints: extra.riskPoints ?? 0,
      extraApprovers: extra.extraApprovers ?? 0,
      rationale: "test",
      status: "ACTIVE",
      authorId: author.id,
      activatedAt: new Date(),
    },
  });
}

/**
 * A change that opens a flow from a partner into a Restricted surface, submitted by a NetOps
 * contributor, so it waits for the CAB; with a CAB member of each team to vote on it.
 */
export async function submittedPartnerChange() {
  const requester = await createTestUser("NETOPS", ["CONTRIBUTOR"]);
  const netCab = await createTestUser("NETOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const secCab = await createTestUser("SECOPS", ["CONTRIBUTOR", "CAB_MEMBER"]);
  const { surface, nodes } = await createSurfaceWithMap(requester);
  const change = await createChange(contextFor(requester), {
    title: `Open partner ${uniqueSuffix()}`,
    description: "",
    surfaceIds: [surface.id],
    environment: `env-${uniqueSuffix()}`,
    operations: [
      {
        kind: "ADD",
        surfaceId: surface.id,
        sourceNodeId: nodes.partner.id,
        targetNodeId: nodes.api.id,
        flow: {
          protocol: "TCP",
          ports: "443",
          appProtocol: "",
          encryption: "MTLS",
          authentication: "CERTIFICATE",
          justification: "partner",
        },
      },
    ],
    implementationPlan: "x",
    verificationPlan: "y",
    rollbackPlan: "z",
    windowStart: null,
    windowEnd: null,
    ticketLinks: [],
    emergencyReason: null,
  });
  await submitChange(contextFor(requester), change.id);
  return { requester, netCab, secCab, surface, nodes, change };
}

import crypto from "node:crypto";
import { Readable } from "node:stream";
import type { TActor, TActorContext } from "@/lib/auth/actor";
import { createMeeting, actOnMeeting } from "@/lib/cab/service";
import { createScopedRule } from "@/lib/changes/test-fixtures";
import { ZCreateChange } from "@/lib/changes/schemas";
import { createChange } from "@/lib/changes/service";
import { submitChange } from "@/lib/changes/workflow";
import { db } from "@/lib/db";
import { ZImportQuery } from "@/lib/discovery/schemas";
import { importFlowLog } from "@/lib/discovery/service";

/**
 * Test-only seeding for the policy journeys: observed traffic imported through the discovery
 * service (a VPC flow log, as a collector would push it), and a change in CAB review on a meeting.
 */
const contextOf = (actor: TActor): TActorContext => ({ actor, requestId: `e2e-${crypto.randomUUID().slice(0, 8)}` });
const V2_HEADER = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

export async function importObservedConnections(
  importer: TActor,
  surfaceId: string,
  connection: { source: string; destination: string; port: number; count: number },
): Promise<void> {
  const start = Math.floor(Date.now() / 1000) - 7200;
  const lines = Array.from(
    { length: connection.count },
    (_, index) =>
      `2 123456789012 eni-0a1b2c3d4e ${connection.source} ${connection.destination} ${41000 + index} ${connection.port} 6 10 840 ${start + index} ${start + index + 30} ACCEPT OK`,
  );
  await importFlowLog(
    contextOf(importer),
    surfaceId,
    ZImportQuery.parse({ format: "vpc", source: "e2e-collector" }),
    Readable.from([`${[V2_HEADER, ...lines].join("\n")}\n`]),
  );
}

/**
 * A change that removes one approved flow, sent to the CAB by a rule (scoped to this test's own
 * environment) on the "would drop observed traffic" fact, and a started meeting whose agenda holds it.
 */
export async function removalInCabMeeting(input: { requester: TActor; chair: TActor; surfaceId: string; edgeId: string; title: string }) {
  const environment = `e2e-${crypto.randomUUID().slice(0, 8)}`;
  await createScopedRule(input.chair, environment, "FORCE_CAB", { fact: "wouldDropObservedTraffic", op: "eq", value: true });
  const draft = await createChange(
    contextOf(input.requester),
    ZCreateChange.parse({
      title: input.title,
      surfaceIds: [input.surfaceId],
      environment,
      operations: [{ kind: "REMOVE", surfaceId: input.surfaceId, edgeId: input.edgeId }],
      implementationPlan: "Remove the rule from the vault's policy.",
      verificationPlan: "Probe the port from the API.",
      rollbackPlan: "Re-apply the previous policy.",
    }),
  );
  const submitted = await submitChange(contextOf(input.requester), draft.id);
  const meeting = await createMeeting(contextOf(input.chair), {
    title: `CAB for ${input.title}`,
    scheduledAt: new Date(Date.now() + 3_600_000),
    pastRecord: false,
    attendeeIds: [],
  });
  await actOnMeeting(contextOf(input.chair), meeting.id, { action: "start" });
  return { change: submitted, meetingId: meeting.id };
}

/** The one flow between two nodes of a surface's map. */
export async function flowBetween(sourceId: string, targetId: string): Promise<string> {
  const edge = await db.flowEdge.findFirstOrThrow({ where: { sourceId, targetId }, select: { id: true } });
  return edge.id;
}

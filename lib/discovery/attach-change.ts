import "server-only";
import type { TActorContext } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { ConflictError, RuleViolationError } from "@/lib/errors";
import { createChange, updateChange } from "@/lib/changes/service";
import { getChange, listChanges } from "@/lib/changes/read";
import { flowAttributesOf } from "@/lib/changes/flow-snapshot";
import type { TFlowOperationInput } from "@/lib/changes/schemas";
import { loadReconciliation } from "./reconciliation";
import { ghostKey, type TAttachGhosts, type TAttachResult } from "./schemas";

type TChange = Awaited<ReturnType<typeof getChange>>["change"];

/** A stored operation as the change services take it again. */
function inputOf(operation: TChange["operations"][number]): TFlowOperationInput {
  if (operation.kind === "ADD" && operation.after)
    return {
      kind: "ADD",
      surfaceId: operation.surfaceId,
      sourceNodeId: operation.after.sourceId,
      targetNodeId: operation.after.targetId,
      flow: flowAttributesOf(operation.after),
    };
  if (operation.kind === "MODIFY" && operation.edgeId && operation.after)
    return { kind: "MODIFY", surfaceId: operation.surfaceId, edgeId: operation.edgeId, flow: flowAttributesOf(operation.after) };
  return { kind: "REMOVE", surfaceId: operation.surfaceId, edgeId: operation.edgeId ?? "" };
}

const sameAdd = (a: TFlowOperationInput, b: TFlowOperationInput) =>
  a.kind === "ADD" &&
  b.kind === "ADD" &&
  a.sourceNodeId === b.sourceNodeId &&
  a.targetNodeId === b.targetNodeId &&
  a.flow.protocol === b.flow.protocol &&
  a.flow.ports === b.flow.ports;

/** The requester's draft changes that include this surface: where ghost edges may go. */
export async function listDraftsForGhosts(context: TActorContext, surfaceId: string) {
  assertCan(context.actor, "change.write");
  const page = await listChanges(context, { state: "DRAFT", mine: "true", surfaceId, page: 1, pageSize: 100 });
  return page.changes.map((change) => ({ id: change.id, number: change.number, title: change.title }));
}

/**
 * Observed flows (ghost edges) put into a change instead of onto the map: each becomes an ADD
 * operation of a draft change, the requester's own (an existing draft, or a new one), written and
 * audited by the change services. The change then goes through classification and the CAB like
 * any other; nothing here proposes or approves a flow.
 */
export async function attachGhostsToChange(context: TActorContext, surfaceId: string, input: TAttachGhosts): Promise<TAttachResult> {
  assertCan(context.actor, "change.write");
  const reconciliation = await loadReconciliation(surfaceId, { ghostLimit: Number.MAX_SAFE_INTEGER });
  const ghostById = new Map(reconciliation.ghosts.map((ghost) => [ghostKey(ghost), ghost]));
  const operations = input.ghosts.map((wanted, index): TFlowOperationInput => {
    const ghost = ghostById.get(ghostKey(wanted));
    if (!ghost) throw new ConflictError(`Observed flow ${index + 1} is no longer unmapped traffic of this map; reload the overlay.`);
    if (ghost.deniedOnly)
      throw new RuleViolationError(`Observed flow ${index + 1} was only ever denied: it is not offered as a flow.`, "denied_only");
    return {
      kind: "ADD",
      surfaceId,
      sourceNodeId: ghost.sourceId,
      targetNodeId: ghost.targetId,
      flow: {
        protocol: ghost.protocol,
        ports: ghost.port === null || ghost.protocol === "ICMP" || ghost.protocol === "ANY" ? "" : String(ghost.port),
        appProtocol: "",
        encryption: "NONE",
        authentication: "NONE",
        justification: input.justification || `Observed: ${ghost.connections} connections, last seen ${ghost.lastSeen}.`,
      },
    };
  });

  if (!input.changeId) {
    const change = await createChange(context, {
      title: input.title!,
      description: "Flows observed in traffic that no drawn flow covers.",
      surfaceIds: [surfaceId],
      operations,
      environment: "production",
      implementationPlan: "",
      verificationPlan: "",
      rollbackPlan: "",
      windowStart: null,
      windowEnd: null,
      ticketLinks: [],
      emergencyReason: null,
    });
    return { changeId: change.id, changeNumber: change.number, added: operations.length, created: true };
  }

  const { change } = await getChange(context, input.changeId);
  if (change.state !== "DRAFT") throw new RuleViolationError("Observed flows are added to a draft change only.", "not_draft");
  const existing = change.operations.map(inputOf);
  const added = operations.filter((operation) => !existing.some((known) => sameAdd(known, operation)));
  if (existing.length + added.length > 50)
    throw new RuleViolationError("A change holds at most 50 flow operations.", "too_many_operations");
  const surfaceIds = [...new Set([...change.surfaces.map((surface) => surface.id), surfaceId])];
  // updateChange checks that the caller is the requester and that the version is the one read, and audits the edit.
  await updateChange(context, change.id, {
    title: change.title,
    description: change.description,
    surfaceIds,
    operations: [...existing, ...added],
    environment: change.environment,
    implementationPlan: change.implementationPlan,
    verificationPlan: change.verificationPlan,
    rollbackPlan: change.rollbackPlan,
    windowStart: change.windowStart ? new Date(change.windowStart) : null,
    windowEnd: change.windowEnd ? new Date(change.windowEnd) : null,
    ticketLinks: change.ticketLinks,
    emergencyReason: change.emergencyReason,
    version: change.version,
  });
  return { changeId: change.id, changeNumber: change.number, added: added.length, created: false };
}

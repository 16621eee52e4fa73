/**
 * A change's proposed flow operations applied to a surface as policy reads it: the "after" side of
 * the policy diff and of the impact preview. It mirrors what verification does to the map
 * (`lib/changes/apply-operations.ts`): an added flow becomes APPROVED, a modified one takes the new
 * fields and becomes APPROVED, a removed one is gone; every touched flow is traced to the change.
 */
import type { TApprovalTrace, TPolicyFlow, TPolicySurface } from "../model";

/** The fields of a proposed flow that enforcement reads (a change's stored snapshot carries more). */
export type TProposedFlow = {
  sourceId: string;
  targetId: string;
  protocol: TPolicyFlow["protocol"];
  ports: string;
  appProtocol: string;
  httpMethod?: string;
  httpPath?: string;
};

export type TProposedOperation =
  | { id: string; kind: "ADD"; after: TProposedFlow }
  | { id: string; kind: "MODIFY"; edgeId: string; after: TProposedFlow }
  | { id: string; kind: "REMOVE"; edgeId: string };

/** The id an added flow goes by until verification creates its edge: stable per operation. */
export function proposedFlowId(operationId: string): string {
  return `proposed-${operationId}`;
}

export function applyProposedOperations(
  surface: TPolicySurface,
  operations: readonly TProposedOperation[],
  change: { id: string; number: number },
): TPolicySurface {
  const approval: TApprovalTrace = { kind: "change", changeId: change.id, changeNumber: change.number };
  const flows = new Map(surface.flows.map((flow) => [flow.id, flow]));
  for (const operation of operations) {
    if (operation.kind === "ADD") {
      const id = proposedFlowId(operation.id);
      flows.set(id, { ...fieldsOf(operation.after), id, principal: "", status: "APPROVED", approval });
      continue;
    }
    const current = flows.get(operation.edgeId);
    // A flow already gone from the map: verification would refuse; the preview shows the rest.
    if (!current) continue;
    if (operation.kind === "REMOVE") flows.delete(operation.edgeId);
    else
      flows.set(operation.edgeId, {
        ...current,
        ...fieldsOf({ ...operation.after, sourceId: current.sourceId, targetId: current.targetId }),
        status: "APPROVED",
        approval,
      });
  }
  return { ...surface, flows: [...flows.values()] };
}

function fieldsOf(flow: TProposedFlow) {
  return {
    sourceId: flow.sourceId,
    targetId: flow.targetId,
    protocol: flow.protocol,
    ports: flow.ports,
    appProtocol: flow.appProtocol,
    ...(flow.httpMethod !== undefined ? { httpMethod: flow.httpMethod } : {}),
    ...(flow.httpPath !== undefined ? { httpPath: flow.httpPath } : {}),
  };
}

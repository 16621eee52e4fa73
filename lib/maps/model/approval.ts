import type { TFieldError } from "@/lib/errors";
import type { TFlowStatus, TMapEdge, TMapOperation } from "./schemas";

/**
 * Explicit trust is a joint decision. A flow becomes APPROVED only through a verified change that
 * approves it, or through both owners' sign-off of the surface version whose map holds it (see
 * lib/maps/agreement.ts). Map editing (drawing, the inspector, paste, undo, import) may propose,
 * observe or deny a flow, never approve one.
 */
export const MAP_EDIT_STATUSES = ["OBSERVED", "PROPOSED", "DENIED"] as const satisfies readonly TFlowStatus[];

export const APPROVAL_BY_EDIT_MESSAGE =
  "cannot be set to APPROVED by editing the map: a verified change that approves the flow, or both owners' sign-off of the surface, approves it";

/** Content of a flow: what an approval covers. Owner, justification, statement and traffic counters are not. */
const APPROVED_CONTENT = [
  "sourceId",
  "targetId",
  "protocol",
  "ports",
  "appProtocol",
  "principal",
  "httpMethod",
  "httpPath",
  "encryption",
  "authentication",
] as const;

/** Field errors for every operation of a map edit that would approve a flow. */
export function approvalByEditErrors(
  operations: readonly TMapOperation[],
  currentStatus: (edgeId: string) => TFlowStatus | undefined,
): TFieldError[] {
  return operations.flatMap((operation, index): TFieldError[] => {
    if (operation.op === "createEdge" && operation.edge.status === "APPROVED") {
      return [{ path: `operations.${index}.edge.status`, message: APPROVAL_BY_EDIT_MESSAGE }];
    }
    if (operation.op === "updateEdge" && operation.patch.status === "APPROVED" && currentStatus(operation.id) !== "APPROVED") {
      return [{ path: `operations.${index}.patch.status`, message: APPROVAL_BY_EDIT_MESSAGE }];
    }
    return [];
  });
}

/**
 * An approval covers what the flow allowed when it was given. Editing an approved flow's content
 * by hand makes it a proposal again (unless the same edit denies or observes it).
 */
export function withEditedApprovalsReproposed(
  operations: readonly TMapOperation[],
  current: (edgeId: string) => Pick<TMapEdge, (typeof APPROVED_CONTENT)[number] | "status"> | undefined,
): TMapOperation[] {
  return operations.map((operation) => {
    if (operation.op !== "updateEdge" || operation.patch.status !== undefined) return operation;
    const edge = current(operation.id);
    if (edge?.status !== "APPROVED") return operation;
    const changesContent = APPROVED_CONTENT.some((field) => operation.patch[field] !== undefined && operation.patch[field] !== edge[field]);
    return changesContent ? { ...operation, patch: { ...operation.patch, status: "PROPOSED" } } : operation;
  });
}

/** A copied or restored flow is a new proposal: the approval belonged to the original. */
export function asProposal<T extends { status: TFlowStatus }>(edge: T): T {
  return edge.status === "APPROVED" ? { ...edge, status: "PROPOSED" } : edge;
}

import type { FlowOpKind } from "@/lib/db/generated/enums.ts";
import { AUTHENTICATION_ORDER, CLASSIFICATION_ORDER, CRITICALITY_ORDER, ENCRYPTION_ORDER, type TFacts } from "./conditions";
import { portsWithin, protocolWithin } from "./ports";
import { matchTemplate } from "./templates";
import type { TClassifierInput, TClassifierOperation, TFlowSpec } from "./types";

const rank = (order: readonly string[], value: string) => order.indexOf(value);

/** True when the modified flow allows something the original did not. */
export function modifyLoosens(before: TFlowSpec, after: TFlowSpec): boolean {
  return (
    before.sourceId !== after.sourceId ||
    before.targetId !== after.targetId ||
    !protocolWithin(after.protocol, before.protocol) ||
    !portsWithin(after.ports, before.ports) ||
    rank(ENCRYPTION_ORDER, after.encryption) < rank(ENCRYPTION_ORDER, before.encryption) ||
    rank(AUTHENTICATION_ORDER, after.authentication) < rank(AUTHENTICATION_ORDER, before.authentication)
  );
}

/**
 * A change that modifies a flow leaves it APPROVED. For a flow not approved yet (observed,
 * proposed, denied, or of unknown status) that is explicit trust granted: an opening of access,
 * however narrow the flow's fields become.
 */
export function approvesUnapprovedFlow(operation: TClassifierOperation): boolean {
  return operation.kind === "ADD" || (operation.kind === "MODIFY" && operation.before.status !== "APPROVED");
}

export function operationLoosens(operation: TClassifierOperation): boolean {
  if (operation.kind === "ADD") return true;
  if (operation.kind === "REMOVE") return false;
  return approvesUnapprovedFlow(operation) || modifyLoosens(operation.before, operation.after);
}

function maxBy<T extends string>(order: readonly T[], values: T[]): T | null {
  if (values.length === 0) return null;
  return values.reduce((best, value) => (rank(order, value) > rank(order, best) ? value : best));
}

function minBy<T extends string>(order: readonly T[], values: T[]): T | null {
  if (values.length === 0) return null;
  return values.reduce((best, value) => (rank(order, value) < rank(order, best) ? value : best));
}

function overlaps(a: { start: Date; end: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.start.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.end.getTime();
}

/** The facts of a change; pure and total, so the same input always yields the same facts. */
export function computeFacts(input: TClassifierInput): { facts: TFacts; templateId: string | null } {
  const touchedSurfaceIds = new Set(input.operations.map((operation) => operation.surfaceId));
  for (const surface of input.surfaces) touchedSurfaceIds.add(surface.id);
  const surfaces = input.surfaces.filter((surface) => touchedSurfaceIds.has(surface.id));
  const flows = input.operations.flatMap((operation) =>
    [operation.before, operation.after].filter((flow): flow is TFlowSpec => flow !== null),
  );
  const opened = input.operations.flatMap((operation) => (operation.after ? [operation.after] : []));
  const loosening = input.operations.some(operationLoosens);
  const template = matchTemplate(input, loosening);
  const window = input.window;
  return {
    templateId: template?.id ?? null,
    facts: {
      loosening,
      tighteningOnly: input.operations.length > 0 && !loosening,
      approvesFlow: input.operations.some(approvesUnapprovedFlow),
      approvesObservedFlow: input.operations.some((operation) => operation.kind === "MODIFY" && operation.before.status === "OBSERVED"),
      maxClassification: maxBy(
        CLASSIFICATION_ORDER,
        surfaces.map((surface) => surface.classification),
      ),
      maxCriticality: maxBy(
        CRITICALITY_ORDER,
        surfaces.map((surface) => surface.criticality),
      ),
      crossesZone: flows.some((flow) => flow.sourceZone !== flow.targetZone),
      externalParty: flows.some((flow) => flow.sourceKind === "EXTERNAL" || flow.targetKind === "EXTERNAL"),
      minAddedEncryption: minBy(
        ENCRYPTION_ORDER,
        opened.map((flow) => flow.encryption),
      ),
      minAddedAuthentication: minBy(
        AUTHENTICATION_ORDER,
        opened.map((flow) => flow.authentication),
      ),
      flowsTouched: input.operations.length,
      environment: input.environment,
      inBlackout: window
        ? input.blackouts.some(
            (blackout) => (blackout.surfaceId === null || touchedSurfaceIds.has(blackout.surfaceId)) && overlaps(window, blackout),
          )
        : false,
      templateMatch: template !== null,
      hasImplementationPlan: input.plans.implementation.trim() !== "",
      hasVerificationPlan: input.plans.verification.trim() !== "",
      hasRollbackPlan: input.plans.rollback.trim() !== "",
      wouldDropObservedTraffic: (input.observedImpact?.droppedConnections ?? 0) > 0,
      observedConnectionsDropped: input.observedImpact?.droppedConnections ?? 0,
    },
  };
}

export type TOpKind = FlowOpKind;

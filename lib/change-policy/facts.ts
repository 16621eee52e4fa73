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

function overlaps(a: { start: Date; end: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.start.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.end.getTime();
}

/** What the operations of a change say, gathered in one pass (the classifier runs this for every change). */
function operationFacts(operations: readonly TClassifierOperation[]) {
  let loosening = false;
  let approvesFlow = false;
  let approvesObservedFlow = false;
  let crossesZone = false;
  let externalParty = false;
  let minEncryption: TFlowSpec["encryption"] | null = null;
  let minAuthentication: TFlowSpec["authentication"] | null = null;
  const readFlow = (flow: TFlowSpec) => {
    if (flow.sourceZone !== flow.targetZone) crossesZone = true;
    if (flow.sourceKind === "EXTERNAL" || flow.targetKind === "EXTERNAL") externalParty = true;
  };
  for (const operation of operations) {
    if (operationLoosens(operation)) loosening = true;
    if (approvesUnapprovedFlow(operation)) approvesFlow = true;
    if (operation.kind === "MODIFY" && operation.before.status === "OBSERVED") approvesObservedFlow = true;
    if (operation.before) readFlow(operation.before);
    if (operation.after) {
      readFlow(operation.after);
      const { encryption, authentication } = operation.after;
      if (minEncryption === null || rank(ENCRYPTION_ORDER, encryption) < rank(ENCRYPTION_ORDER, minEncryption)) minEncryption = encryption;
      if (minAuthentication === null || rank(AUTHENTICATION_ORDER, authentication) < rank(AUTHENTICATION_ORDER, minAuthentication)) {
        minAuthentication = authentication;
      }
    }
  }
  return {
    loosening,
    approvesFlow,
    approvesObservedFlow,
    crossesZone,
    externalParty,
    minAddedEncryption: minEncryption,
    minAddedAuthentication: minAuthentication,
  };
}

/**
 * The facts of a change; pure and total, so the same input always yields the same facts. Every
 * surface the change names counts as touched, with those its operations touch.
 */
export function computeFacts(input: TClassifierInput): { facts: TFacts; templateId: string | null } {
  const gathered = operationFacts(input.operations);
  const template = matchTemplate(input, gathered.loosening);
  const window = input.window;
  const touches = (surfaceId: string) =>
    input.surfaces.some((surface) => surface.id === surfaceId) || input.operations.some((operation) => operation.surfaceId === surfaceId);
  return {
    templateId: template?.id ?? null,
    facts: {
      loosening: gathered.loosening,
      tighteningOnly: input.operations.length > 0 && !gathered.loosening,
      approvesFlow: gathered.approvesFlow,
      approvesObservedFlow: gathered.approvesObservedFlow,
      maxClassification: maxBy(
        CLASSIFICATION_ORDER,
        input.surfaces.map((surface) => surface.classification),
      ),
      maxCriticality: maxBy(
        CRITICALITY_ORDER,
        input.surfaces.map((surface) => surface.criticality),
      ),
      crossesZone: gathered.crossesZone,
      externalParty: gathered.externalParty,
      minAddedEncryption: gathered.minAddedEncryption,
      minAddedAuthentication: gathered.minAddedAuthentication,
      flowsTouched: input.operations.length,
      environment: input.environment,
      inBlackout: window
        ? input.blackouts.some((blackout) => (blackout.surfaceId === null || touches(blackout.surfaceId)) && overlaps(window, blackout))
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

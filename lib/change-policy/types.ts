import type {
  Classification,
  Criticality,
  Encryption,
  FlowAuthentication,
  FlowStatus,
  NodeKind,
  Protocol,
} from "@/lib/db/generated/enums.ts";
import type { TTemplateParameters } from "./template-parameters";

/**
 * The shapes change policy works on. They live apart from the modules that compute with them so
 * that facts, templates and the classifier can share them without importing one another.
 */

/** A flow as a change records it, before and after: enough to show the diff and to apply it. */
export type TFlowSnapshot = {
  sourceId: string;
  targetId: string;
  sourceLabel: string;
  targetLabel: string;
  protocol: Protocol;
  ports: string;
  appProtocol: string;
  /** Absent in operations recorded before changes could name them: the map's value stands. */
  httpMethod?: string;
  httpPath?: string;
  encryption: Encryption;
  authentication: FlowAuthentication;
  justification: string;
};

/** Reads a stored JSON column as a flow snapshot (null when absent). */
export function asSnapshot(value: unknown): TFlowSnapshot | null {
  return value && typeof value === "object" ? (value as TFlowSnapshot) : null;
}

export type TTemplateForMatch = { id: string; name: string; parameters: TTemplateParameters };

/** A flow as the classifier sees it: endpoints resolved to their kind and zone. */
export type TFlowSpec = {
  sourceId: string;
  targetId: string;
  sourceKind: NodeKind;
  targetKind: NodeKind;
  sourceZone: string | null;
  targetZone: string | null;
  protocol: Protocol;
  ports: string;
  encryption: Encryption;
  authentication: FlowAuthentication;
  /** The flow's status on the map when the change is classified (flows a change modifies or removes). Unknown counts as not approved. */
  status?: FlowStatus;
};

export type TClassifierOperation =
  | { kind: "ADD"; surfaceId: string; before: null; after: TFlowSpec }
  | { kind: "REMOVE"; surfaceId: string; before: TFlowSpec; after: null }
  | { kind: "MODIFY"; surfaceId: string; before: TFlowSpec; after: TFlowSpec };

export type TClassifierSurface = { id: string; classification: Classification; criticality: Criticality };
export type TBlackout = { startsAt: Date; endsAt: Date; surfaceId: string | null };

/** Everything the classifier needs, already read from the database: it never reads anything else. */
export type TClassifierInput = {
  operations: TClassifierOperation[];
  surfaces: TClassifierSurface[];
  environment: string;
  window: { start: Date; end: Date } | null;
  plans: { implementation: string; verification: string; rollback: string };
  emergencyReason: string | null;
  blackouts: TBlackout[];
  templates: TTemplateForMatch[];
  /**
   * The staged impact preview: observed connections (discovery, the last POLICY_IMPACT_DAYS days)
   * that enforcement allows today and the change's policy would drop. Absent: nothing is known
   * (no observations read), which counts as none.
   */
  observedImpact?: { droppedConnections: number };
};

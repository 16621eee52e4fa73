import "server-only";
import { readAll, type TTx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { hasObservedTraffic, loadChangePreview, windowStart } from "@/lib/enforcement/change/load";
import type { TClassifierRule, TRuleOutcome } from "./classifier";
import type { TCondition } from "./conditions";
import { ZTemplateParameters } from "./template-parameters";
import {
  asSnapshot,
  type TClassifierInput,
  type TClassifierOperation,
  type TFlowSnapshot,
  type TFlowSpec,
  type TTemplateForMatch,
} from "./types";

type TRuleRow = {
  id: string;
  ruleKey: string;
  name: string;
  position: number;
  condition: unknown;
  outcome: string;
  riskPoints: number;
  extraApprovers: number;
};

export function toClassifierRule(row: TRuleRow): TClassifierRule {
  return { ...row, condition: row.condition as TCondition, outcome: row.outcome as TRuleOutcome };
}

export async function loadActiveRules(tx: TTx): Promise<TClassifierRule[]> {
  const rows = await tx.classificationRule.findMany({ where: { status: "ACTIVE" } });
  return rows.map(toClassifierRule);
}

export async function loadActiveTemplates(tx: TTx): Promise<TTemplateForMatch[]> {
  const rows = await tx.changeTemplate.findMany({ where: { status: "ACTIVE" }, select: { id: true, name: true, parameters: true } });
  return rows.flatMap((row) => {
    const parsed = ZTemplateParameters.safeParse(row.parameters);
    return parsed.success ? [{ id: row.id, name: row.name, parameters: parsed.data }] : [];
  });
}

type TChangeForInput = {
  environment: string;
  windowStart: Date | null;
  windowEnd: Date | null;
  implementationPlan: string;
  verificationPlan: string;
  rollbackPlan: string;
  emergencyReason: string | null;
  surfaces: Array<{ surfaceId: string }>;
  operations: Array<{ kind: "ADD" | "MODIFY" | "REMOVE"; surfaceId: string; edgeId?: string | null; before: unknown; after: unknown }>;
};

/**
 * Observed connections of the last POLICY_IMPACT_DAYS days that the change's policy would drop and
 * today's allows (the impact preview the CAB sees), summed over the surfaces it touches.
 */
async function droppedObservedConnections(tx: TTx, change: TChangeForInput): Promise<number> {
  if (change.operations.length === 0) return 0;
  const days = getEnv().POLICY_IMPACT_DAYS;
  // Every classification asks; most surfaces have no imported traffic, and then there is nothing to replay.
  const touched = [...new Set(change.operations.map((operation) => operation.surfaceId))];
  if (!(await hasObservedTraffic(tx, touched, windowStart(days)))) return 0;
  const previews = await loadChangePreview(
    tx,
    {
      // The trace of the change is irrelevant to what traffic passes: only the counts are read.
      id: "",
      number: 0,
      surfaceIds: [],
      operations: change.operations.map((operation, index) => ({ ...operation, id: String(index), edgeId: operation.edgeId ?? null })),
    },
    { days },
  );
  return previews.reduce((sum, preview) => sum + preview.impact.newlyDropped.connections, 0);
}

/** Reads what the classifier needs for one change: surfaces, endpoint kinds and zones, blackouts. */
export async function loadClassifierInput(tx: TTx, change: TChangeForInput, templates: TTemplateForMatch[]): Promise<TClassifierInput> {
  const surfaceIds = change.surfaces.map((surface) => surface.surfaceId);
  const snapshots = change.operations
    .flatMap((operation) => [asSnapshot(operation.before), asSnapshot(operation.after)])
    .filter((flow): flow is TFlowSnapshot => flow !== null);
  const nodeIds = [...new Set(snapshots.flatMap((flow) => [flow.sourceId, flow.targetId]))];
  const edgeIds = change.operations.flatMap((operation) => (operation.edgeId ? [operation.edgeId] : []));
  const [surfaces, nodes, blackouts, edges] = await readAll(tx, [
    () => tx.protectSurface.findMany({ where: { id: { in: surfaceIds } }, select: { id: true, classification: true, criticality: true } }),
    () => tx.flowNode.findMany({ where: { id: { in: nodeIds } }, select: { id: true, kind: true, zoneId: true } }),
    () =>
      change.windowStart
        ? tx.blackoutWindow.findMany({
            where: {
              OR: [{ surfaceId: null }, { surfaceId: { in: surfaceIds } }],
              endsAt: { gt: change.windowStart },
              startsAt: { lt: change.windowEnd ?? change.windowStart },
            },
          })
        : Promise.resolve([]),
    // The flows' current status is a fact: approving a flow not yet approved opens access.
    () =>
      edgeIds.length ? tx.flowEdge.findMany({ where: { id: { in: edgeIds } }, select: { id: true, status: true } }) : Promise.resolve([]),
  ]);
  const statusById = new Map(edges.map((edge) => [edge.id, edge.status]));
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const spec = (flow: TFlowSnapshot): TFlowSpec => {
    const source = nodeById.get(flow.sourceId);
    const target = nodeById.get(flow.targetId);
    return {
      sourceId: flow.sourceId,
      targetId: flow.targetId,
      sourceKind: source?.kind ?? "WORKLOAD",
      targetKind: target?.kind ?? "WORKLOAD",
      sourceZone: source?.zoneId ?? null,
      targetZone: target?.zoneId ?? null,
      protocol: flow.protocol,
      ports: flow.ports,
      encryption: flow.encryption,
      authentication: flow.authentication,
    };
  };
  const operations = change.operations.flatMap((operation): TClassifierOperation[] => {
    const before = asSnapshot(operation.before);
    const after = asSnapshot(operation.after);
    if (operation.kind === "ADD" && after) return [{ kind: "ADD", surfaceId: operation.surfaceId, before: null, after: spec(after) }];
    const status = operation.edgeId ? statusById.get(operation.edgeId) : undefined;
    if (operation.kind === "REMOVE" && before)
      return [{ kind: "REMOVE", surfaceId: operation.surfaceId, before: { ...spec(before), status }, after: null }];
    if (operation.kind === "MODIFY" && before && after)
      return [{ kind: "MODIFY", surfaceId: operation.surfaceId, before: { ...spec(before), status }, after: spec(after) }];
    return [];
  });
  return {
    operations,
    surfaces,
    environment: change.environment,
    window: change.windowStart && change.windowEnd ? { start: change.windowStart, end: change.windowEnd } : null,
    plans: { implementation: change.implementationPlan, verification: change.verificationPlan, rollback: change.rollbackPlan },
    emergencyReason: change.emergencyReason,
    blackouts: blackouts.map((blackout) => ({ startsAt: blackout.startsAt, endsAt: blackout.endsAt, surfaceId: blackout.surfaceId })),
    templates,
    observedImpact: { droppedConnections: await droppedObservedConnections(tx, change) },
  };
}

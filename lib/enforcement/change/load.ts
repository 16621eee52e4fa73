/**
 * Reads what a change's policy preview needs: each touched surface as policy reads it, the change's
 * operations as proposals, and the observed traffic of the last days summed per connection kind.
 * Shared by the preview service and by the classifier's input (the "would drop observed traffic"
 * fact), so both see the same numbers. No authorization here: callers check it.
 */
import { readAll, type TTx } from "@/lib/db";
import type { TEndpointDetails } from "@/lib/discovery/endpoints";
import { loadPolicySurface } from "../load";
import type { TPolicySurface } from "../model";
import { applyProposedOperations, type TProposedFlow, type TProposedOperation } from "./apply";
import { diffPolicy, type TTargetDiff } from "./diff";
import { policyMinutesLines } from "./minutes";
import { previewImpact, type TImpact, type TObservedConnectionKind } from "./impact";

const DAY_MS = 86_400_000;

export type TOperationRow = { id: string; kind: "ADD" | "MODIFY" | "REMOVE"; surfaceId: string; edgeId: string | null; after: unknown };

/** What a change's preview reads of the change row: the preview service and the minutes share it. */
export const CHANGE_PREVIEW_SELECT = {
  id: true,
  number: true,
  verifiedAt: true,
  surfaces: { select: { surfaceId: true } },
  operations: { select: { id: true, kind: true, surfaceId: true, edgeId: true, after: true }, orderBy: { position: "asc" } },
} as const;

type TChangePreviewRow = {
  id: string;
  number: number;
  surfaces: Array<{ surfaceId: string }>;
  operations: TOperationRow[];
};

/** A change row read with `CHANGE_PREVIEW_SELECT`, as `loadChangePreview` takes it. */
export function previewInputOf(change: TChangePreviewRow) {
  return {
    id: change.id,
    number: change.number,
    surfaceIds: change.surfaces.map((surface) => surface.surfaceId),
    operations: change.operations,
  };
}

/** A stored operation as a proposal; a row that cannot be read (no after, no edge) proposes nothing. */
export function toProposal(row: TOperationRow): TProposedOperation | null {
  const after = row.after && typeof row.after === "object" ? (row.after as TProposedFlow) : null;
  if (row.kind === "ADD") return after ? { id: row.id, kind: "ADD", after } : null;
  if (!row.edgeId) return null;
  if (row.kind === "REMOVE") return { id: row.id, kind: "REMOVE", edgeId: row.edgeId };
  return after ? { id: row.id, kind: "MODIFY", edgeId: row.edgeId, after } : null;
}

/** The first day of a preview window of `days` days ending at `now`. */
export function windowStart(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** Whether any of the surfaces saw traffic since `since`: without any, no change can drop observed traffic. */
export async function hasObservedTraffic(tx: TTx, surfaceIds: readonly string[], since: Date): Promise<boolean> {
  const day = new Date(since.toISOString().slice(0, 10));
  const found = await tx.discoveryObservation.findFirst({
    where: { surfaceId: { in: [...surfaceIds] }, day: { gte: day } },
    select: { surfaceId: true },
  });
  return found !== null;
}

export async function loadObservedKinds(
  tx: TTx,
  surfaceId: string,
  since: Date,
): Promise<{ observed: TObservedConnectionKind[]; endpoints: Map<string, TEndpointDetails> }> {
  const day = since.toISOString().slice(0, 10);
  const [observed, endpoints] = await readAll(tx, [
    () => tx.$queryRaw<TObservedConnectionKind[]>`
      SELECT "sourceKey", "destinationKey", "protocol", "destinationPort", sum("connections")::float8 AS connections
      FROM "DiscoveryObservation"
      WHERE "surfaceId" = ${surfaceId}::uuid AND "day" >= ${day}::date
      GROUP BY "sourceKey", "destinationKey", "protocol", "destinationPort"`,
    () => tx.$queryRaw<TEndpointDetails[]>`
      SELECT "key", "address", "hostname", "namespace", "labels" FROM "DiscoveryEndpoint" WHERE "surfaceId" = ${surfaceId}::uuid`,
  ]);
  return { observed, endpoints: new Map(endpoints.map((endpoint) => [endpoint.key, endpoint])) };
}

export type TSurfacePreview = {
  surfaceId: string;
  surfaceName: string;
  before: TPolicySurface;
  after: TPolicySurface;
  observedConnections: number;
  impact: TImpact;
};

/** Before and after per touched surface, and the impact on the observed traffic of the last `days` days. */
export async function loadChangePreview(
  tx: TTx,
  change: { id: string; number: number; surfaceIds: string[]; operations: TOperationRow[] },
  options: { days: number; now?: Date },
): Promise<TSurfacePreview[]> {
  const since = windowStart(options.days, options.now);
  const surfaceIds = [...new Set([...change.surfaceIds, ...change.operations.map((operation) => operation.surfaceId)])];
  const previews: TSurfacePreview[] = [];
  // One surface after another: a change touches a handful, and each read is a few statements on one connection.
  for (const surfaceId of surfaceIds) {
    const before = await loadPolicySurface(tx, surfaceId);
    const proposals = change.operations
      .filter((operation) => operation.surfaceId === surfaceId)
      .map(toProposal)
      .filter((proposal): proposal is TProposedOperation => proposal !== null);
    const after = applyProposedOperations(before, proposals, change);
    const { observed, endpoints } = await loadObservedKinds(tx, surfaceId, since);
    previews.push({
      surfaceId,
      surfaceName: before.name,
      before,
      after,
      observedConnections: observed.reduce((sum, kind) => sum + kind.connections, 0),
      impact: previewImpact({ nodes: before.nodes, before: before.flows, after: after.flows, observed, endpoints }),
    });
  }
  return previews;
}

export function diffOfPreview(preview: TSurfacePreview): TTargetDiff[] {
  return diffPolicy(preview.before, preview.after);
}

/**
 * The minutes' policy lines of each change on an agenda (in the caller's transaction, so minutes
 * frozen at a meeting's end describe the policy as it was decided). Verified changes have none.
 */
export async function loadPolicyMinutes(tx: TTx, changeIds: readonly string[], days: number): Promise<Map<string, string[]>> {
  const minutes = new Map<string, string[]>();
  const changes = await tx.change.findMany({ where: { id: { in: [...changeIds] } }, select: CHANGE_PREVIEW_SELECT });
  for (const change of changes) {
    if (change.verifiedAt || change.operations.length === 0) continue;
    const previews = await loadChangePreview(tx, previewInputOf(change), { days });
    minutes.set(
      change.id,
      policyMinutesLines(
        previews.map((preview) => ({ ...preview, targets: diffOfPreview(preview) })),
        days,
      ),
    );
  }
  return minutes;
}

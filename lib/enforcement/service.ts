import "server-only";
/**
 * Policy as code for a protect surface: reads the surface's map with the decision that approved
 * each flow, and hands it to the pure generators. Reading needs only `map.read`: the policy says
 * nothing the map does not already show.
 */
import { zipSync, strToU8 } from "fflate";
import { db, type TTx } from "@/lib/db";
import type { TActorContext } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { NotFoundError, ValidationError, type TFieldError } from "@/lib/errors";
import { describeAccess, type TAccess } from "./access";
import { mapFromAccess } from "./bootstrap";
import { driftOf } from "./drift";
import { generatePolicy } from "./generate";
import { readDeployedPolicy } from "./read-policy";
import type { TDriftReportResponse, TDriftRequest } from "./schemas";
import type { TSchemaProblem } from "./validate";
import { importMap } from "@/lib/maps/service";
import type { TMapEditResult } from "@/lib/maps/model/schemas";
import { POLICY_TARGETS, type TApprovalTrace, type TGeneratedPolicy, type TPolicySurface, type TPolicyTarget } from "./model";
import { slugOf } from "./trace";

export type TSurfacePolicy = TGeneratedPolicy & {
  surface: { id: string; name: string; status: string; version: number };
  flowLabels: Record<string, string>;
};

export async function loadPolicySurface(
  tx: TTx,
  surfaceId: string,
): Promise<TPolicySurface & { status: string; version: number; flowLabels: Record<string, string> }> {
  const surface = await tx.protectSurface.findFirst({
    where: { id: surfaceId },
    select: {
      id: true,
      name: true,
      status: true,
      version: true,
      flowMap: {
        select: {
          id: true,
          nodes: { select: { id: true, kind: true, label: true, identity: true, labels: true, addresses: true, daasElementId: true } },
          edges: {
            select: {
              id: true,
              sourceId: true,
              targetId: true,
              protocol: true,
              ports: true,
              appProtocol: true,
              principal: true,
              status: true,
            },
          },
        },
      },
    },
  });
  if (!surface) throw new NotFoundError("Protect surface not found");
  const nodes = surface.flowMap?.nodes ?? [];
  const edges = surface.flowMap?.edges ?? [];
  const approvals = await approvalsOf(
    tx,
    surface.flowMap?.id ?? null,
    edges.filter((edge) => edge.status === "APPROVED").map((edge) => edge.id),
    surface.version,
  );
  const labels = new Map(nodes.map((node) => [node.id, node.label]));
  return {
    id: surface.id,
    name: surface.name,
    status: surface.status,
    version: surface.version,
    nodes: nodes.map((node) => ({
      id: node.id,
      kind: node.kind,
      label: node.label,
      identity: node.identity,
      labels: (node.labels ?? {}) as Record<string, string>,
      addresses: node.addresses,
      protected: node.daasElementId !== null,
    })),
    flows: edges.map((edge) => ({ ...edge, approval: approvals.get(edge.id) ?? null })),
    flowLabels: Object.fromEntries(
      edges.map((edge) => [
        edge.id,
        `${labels.get(edge.sourceId) ?? "?"} → ${labels.get(edge.targetId) ?? "?"} ${edge.protocol}${edge.ports ? ` ${edge.ports}` : ""}`,
      ]),
    ),
  };
}

/**
 * The decision behind each approved flow: the newest map event that set it APPROVED, which names
 * its change when a verified change did it; otherwise it was the owners' agreement.
 */
async function approvalsOf(tx: TTx, mapId: string | null, edgeIds: string[], surfaceVersion: number): Promise<Map<string, TApprovalTrace>> {
  const approvals = new Map<string, TApprovalTrace>();
  if (!mapId || edgeIds.length === 0) return approvals;
  const events = await tx.mapEvent.findMany({
    where: { mapId, entityId: { in: edgeIds }, after: { path: ["status"], equals: "APPROVED" } },
    orderBy: { id: "desc" },
    select: { entityId: true, changeId: true, change: { select: { number: true } } },
  });
  for (const event of events) {
    if (approvals.has(event.entityId)) continue;
    approvals.set(
      event.entityId,
      event.changeId && event.change
        ? { kind: "change", changeId: event.changeId, changeNumber: event.change.number }
        : { kind: "agreement", surfaceVersion },
    );
  }
  return approvals;
}

export async function getSurfacePolicy(context: TActorContext, surfaceId: string, target: TPolicyTarget): Promise<TSurfacePolicy> {
  assertCan(context.actor, "map.read");
  const surface = await loadPolicySurface(db, surfaceId);
  return {
    ...generatePolicy(surface, target),
    surface: { id: surface.id, name: surface.name, status: surface.status, version: surface.version },
    flowLabels: surface.flowLabels,
  };
}

/** A GitOps-ready folder as a zip: one target's files, or every target's, with a README of what was left out. */
export async function getSurfacePolicyBundle(
  context: TActorContext,
  surfaceId: string,
  target: TPolicyTarget | "all",
): Promise<{ filename: string; zip: Uint8Array }> {
  assertCan(context.actor, "map.read");
  const surface = await loadPolicySurface(db, surfaceId);
  const targets = target === "all" ? [...POLICY_TARGETS] : [target];
  const files: Record<string, Uint8Array> = {};
  const notes: string[] = [
    `# Policy for protect surface "${surface.name}"`,
    "",
    `Generated by Concord from the map's approved flows (surface version ${surface.version}).`,
    "",
  ];
  for (const each of targets) {
    const generated = generatePolicy(surface, each);
    for (const file of generated.files) files[file.path] = strToU8(file.content);
    notes.push(
      `## ${each}`,
      "",
      generated.unsupported.length === 0 ? "Every approved flow is expressed." : "Flows this target cannot express:",
      "",
    );
    for (const entry of generated.unsupported)
      notes.push(`- ${surface.flowLabels[entry.flowId] ?? entry.flowId} (${entry.flowId}): ${entry.reason}`);
    notes.push("");
  }
  files["README.md"] = strToU8(`${notes.join("\n")}\n`);
  return {
    filename: `${slugOf(surface.name)}-${target}-policy.zip`,
    zip: zipSync(files, { level: 6, mtime: new Date("2026-01-01T00:00:00Z") }),
  };
}

/** Each problem of an uploaded policy file as a field error: the document's index and path, and the reason. */
function policyFieldErrors(problems: TSchemaProblem[]): TFieldError[] {
  return problems.map((problem) => ({
    path: `policy.documents.${problem.document}${problem.path === "/" ? "" : problem.path.replace(/\//g, ".")}`,
    message: problem.reason,
  }));
}

const entryOf = (access: TAccess) => ({
  description: describeAccess(access),
  document: access.origin.document,
  documentName: access.origin.name,
});

/**
 * Deployed policy against what the surface's approved flows imply: excess (allowed, never
 * approved) and missing (approved, not enforced). Reading it changes nothing, so `map.read` suffices;
 * a file Concord cannot read is a 400 naming each document.
 */
export async function checkPolicyDrift(context: TActorContext, surfaceId: string, request: TDriftRequest): Promise<TDriftReportResponse> {
  assertCan(context.actor, "map.read");
  const surface = await loadPolicySurface(db, surfaceId);
  const report = driftOf(surface, request.target, request.policy);
  if (report.problems.length > 0) throw new ValidationError(policyFieldErrors(report.problems), "The policy file cannot be read.");
  return {
    target: request.target,
    excess: report.excess.map(entryOf),
    missing: report.missing.map(entryOf),
    unselected: report.unselected,
    warnings: report.warnings,
  };
}

/** Deployed policy as PROPOSED flows on the surface's map, through the map's own import (never APPROVED). */
export async function bootstrapFromPolicy(
  context: TActorContext,
  surfaceId: string,
  policy: string,
): Promise<TMapEditResult & { skipped: string[] }> {
  assertCan(context.actor, "map.write");
  const read = readDeployedPolicy(policy);
  if (read.problems.length > 0) throw new ValidationError(policyFieldErrors(read.problems), "The policy file cannot be read.");
  const { document, skipped } = mapFromAccess(read.access);
  if (document.edges.length === 0)
    throw new ValidationError(
      [{ path: "policy", message: "allows no specific flow to import (allow-all rules are not flows)" }],
      "Nothing to import.",
    );
  const result = await importMap(context, surfaceId, document, "add");
  return { ...result, skipped: skipped.map(describeAccess) };
}

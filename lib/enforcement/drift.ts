/**
 * Drift of one surface on one target: the access its approved flows imply (its own generated
 * policy, read back with the same reader as the deployed files, so both sides are read alike)
 * against the access the deployed documents grant to the surface's workloads. Deployed policy of
 * workloads outside the surface is not this surface's business and is left out. A protected
 * workload that no deployed document selects accepts everything: it is listed as unselected.
 */
import { compareAccess, workloadKey, type TAccess, type TDrift } from "./access";
import { generatePolicy, toYamlDocuments } from "./generate";
import type { TPolicySurface } from "./model";
import { readDeployedPolicy } from "./read-policy";
import type { TSchemaProblem } from "./validate";

export type TWorkloadTarget = "kubernetes" | "cilium" | "istio";
export type TDriftReport = TDrift & { problems: TSchemaProblem[]; warnings: TSchemaProblem[]; unselected: string[] };

/** The access a surface's approved flows imply on a target, and the workloads its policy selects. */
export function approvedAccess(surface: TPolicySurface, target: TWorkloadTarget): { access: TAccess[]; subjects: string[] } {
  const { access, subjects } = readDeployedPolicy(toYamlDocuments(generatePolicy(surface, target).documents));
  return { access, subjects };
}

export function driftOf(surface: TPolicySurface, target: TWorkloadTarget, deployedText: string): TDriftReport {
  const deployed = readDeployedPolicy(deployedText);
  if (deployed.problems.length > 0)
    return { excess: [], missing: [], problems: deployed.problems, warnings: deployed.warnings, unselected: [] };
  const approved = approvedAccess(surface, target);
  const ours = new Set(approved.subjects);
  const relevant = deployed.access.filter((entry) => ours.has(workloadKey(entry.subject)));
  const selected = new Set(deployed.subjects);
  return {
    ...compareAccess(approved.access, relevant),
    problems: [],
    warnings: deployed.warnings,
    unselected: [...ours].filter((subject) => !selected.has(subject)).sort(),
  };
}

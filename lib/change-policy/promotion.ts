import type { Classification, FlowOpKind } from "@/lib/db/generated/enums.ts";
import type { TTemplateParameters } from "./template-parameters";
import type { TFlowSnapshot } from "./types";

export const PROMOTION_THRESHOLD = 3;

type TPassedChange = {
  id: string;
  number: number;
  environment: string;
  classifications: Classification[];
  verifiedAt: Date | null;
  rolledBackAt: Date | null;
  operations: Array<{ kind: FlowOpKind; after: TFlowSnapshot | null }>;
};

/**
 * A change is evidence that its kind is safe only when it was verified and never rolled back: a
 * change the CAB rejected, or one that failed, proves nothing (or the opposite).
 */
export function countsTowardPromotion(change: Pick<TPassedChange, "verifiedAt" | "rolledBackAt">): boolean {
  return change.verifiedAt !== null && change.rolledBackAt === null;
}

const CLASSIFICATION_ORDER: Classification[] = ["PUBLIC", "INTERNAL", "CONFIDENTIAL", "RESTRICTED"];

/** What makes two changes "the same kind": operation kinds, protocol, ports, crypto, environment, classification. */
export function changeKind(change: TPassedChange): string {
  const flows = change.operations
    .map((operation) =>
      [
        operation.kind,
        operation.after?.protocol ?? "-",
        operation.after?.ports ?? "-",
        operation.after?.encryption ?? "-",
        operation.after?.authentication ?? "-",
      ].join("/"),
    )
    .sort();
  const top = [...change.classifications].sort((a, b) => CLASSIFICATION_ORDER.indexOf(b) - CLASSIFICATION_ORDER.indexOf(a))[0] ?? "PUBLIC";
  return `${change.environment}|${top}|${flows.join(";")}`;
}

/**
 * Groups changes that passed the CAB by kind and suggests a template for each kind seen at least
 * PROMOTION_THRESHOLD times, with parameters that cover exactly what those changes did.
 */
export function promotionCandidates(changes: TPassedChange[]) {
  const groups = new Map<string, TPassedChange[]>();
  for (const change of changes) {
    if (change.operations.length === 0 || !countsTowardPromotion(change)) continue;
    const key = changeKind(change);
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return [...groups.entries()]
    .filter(([, members]) => members.length >= PROMOTION_THRESHOLD)
    .map(([kind, members]) => {
      const sample = members[0] as TPassedChange;
      const flows = sample.operations.map((operation) => operation.after).filter((flow): flow is TFlowSnapshot => flow !== null);
      const parameters: TTemplateParameters = {
        operationKinds: [...new Set(sample.operations.map((operation) => operation.kind))],
        maxFlows: sample.operations.length,
        protocols: flows.length ? [...new Set(flows.map((flow) => flow.protocol))] : ["TCP"],
        ports: [...new Set(flows.map((flow) => flow.ports).filter(Boolean))].join(","),
        minEncryption: flows.some((flow) => flow.encryption === "NONE")
          ? "NONE"
          : flows.some((flow) => flow.encryption === "TLS")
            ? "TLS"
            : flows.length
              ? "MTLS"
              : "NONE",
        minAuthentication: "NONE",
        maxClassification: kind.split("|")[1] as Classification,
        environments: [sample.environment],
        tighteningOnly: !sample.operations.some((operation) => operation.kind === "ADD"),
      };
      return { kind, passes: members.length, changeNumbers: members.map((member) => member.number).slice(0, 10), parameters };
    })
    .sort((a, b) => b.passes - a.passes);
}

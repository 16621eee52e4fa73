import { AUTHENTICATION_ORDER, CLASSIFICATION_ORDER, ENCRYPTION_ORDER } from "./conditions";
import { portsWithin } from "./ports";
import type { TTemplateParameters } from "./template-parameters";
import type { TClassifierInput, TTemplateForMatch } from "./types";

const rank = (order: readonly string[], value: string) => order.indexOf(value);

/** The reasons a change does not fit a template; empty when it fits. */
export function templateMisfits(input: TClassifierInput, loosening: boolean, parameters: TTemplateParameters): string[] {
  const reasons: string[] = [];
  if (input.operations.length === 0) reasons.push("the change has no flow operations");
  if (input.operations.length > parameters.maxFlows) reasons.push(`touches ${input.operations.length} flows, limit ${parameters.maxFlows}`);
  if (parameters.tighteningOnly && loosening) reasons.push("opens access; the template only allows tightening");
  for (const operation of input.operations) {
    if (!parameters.operationKinds.includes(operation.kind)) reasons.push(`${operation.kind} operations are not allowed`);
    const flow = operation.after;
    if (!flow) continue;
    if (!parameters.protocols.includes(flow.protocol)) reasons.push(`protocol ${flow.protocol} is not allowed`);
    if (parameters.ports !== "" && (flow.protocol === "ANY" || !portsWithin(flow.ports, parameters.ports))) {
      reasons.push(`ports ${flow.ports || "any"} exceed ${parameters.ports}`);
    }
    if (rank(ENCRYPTION_ORDER, flow.encryption) < rank(ENCRYPTION_ORDER, parameters.minEncryption))
      reasons.push(`encryption ${flow.encryption} is below ${parameters.minEncryption}`);
    if (rank(AUTHENTICATION_ORDER, flow.authentication) < rank(AUTHENTICATION_ORDER, parameters.minAuthentication)) {
      reasons.push(`authentication ${flow.authentication} is below ${parameters.minAuthentication}`);
    }
  }
  for (const surface of input.surfaces) {
    if (rank(CLASSIFICATION_ORDER, surface.classification) > rank(CLASSIFICATION_ORDER, parameters.maxClassification)) {
      reasons.push(`surface classified ${surface.classification}, limit ${parameters.maxClassification}`);
    }
  }
  if (parameters.environments.length > 0 && !parameters.environments.includes(input.environment))
    reasons.push(`environment ${input.environment} is not allowed`);
  return [...new Set(reasons)];
}

/** The first template (by name, then id, for determinism) the change fits, or null. */
export function matchTemplate(input: TClassifierInput, loosening: boolean): TTemplateForMatch | null {
  const sorted = [...input.templates].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return sorted.find((template) => templateMisfits(input, loosening, template.parameters).length === 0) ?? null;
}

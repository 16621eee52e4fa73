import { z } from "zod";
import type { TClassifierInput } from "./facts";
import { AUTHENTICATION_ORDER, CLASSIFICATION_ORDER, ENCRYPTION_ORDER } from "./conditions";
import { isValidPorts, portsWithin } from "@/lib/changes/ports";

/**
 * The parameters and limits of a standard change. A change fits a template when every operation,
 * every flow and every surface it touches stays inside all of them.
 */
export const ZTemplateParameters = z
  .object({
    operationKinds: z.array(z.enum(["ADD", "MODIFY", "REMOVE"])).min(1, "allow at least one kind of operation"),
    maxFlows: z.number().int().min(1).max(50),
    protocols: z.array(z.enum(["TCP", "UDP", "ICMP", "ANY"])).min(1, "allow at least one protocol"),
    /** Ports a flow may open, in the flow syntax ("443", "8000-8100"); empty allows any. */
    ports: z.string().max(200).refine((ports) => ports === "" || isValidPorts(ports), "must look like 443, 80,443 or 8000-8100"),
    minEncryption: z.enum(ENCRYPTION_ORDER),
    minAuthentication: z.enum(AUTHENTICATION_ORDER),
    maxClassification: z.enum(CLASSIFICATION_ORDER),
    environments: z.array(z.string().trim().min(1).max(40)).max(10),
    tighteningOnly: z.boolean(),
  })
  .meta({ id: "TemplateParameters" });
export type TTemplateParameters = z.infer<typeof ZTemplateParameters>;

export type TTemplateForMatch = { id: string; name: string; parameters: TTemplateParameters };

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
    if (rank(ENCRYPTION_ORDER, flow.encryption) < rank(ENCRYPTION_ORDER, parameters.minEncryption)) reasons.push(`encryption ${flow.encryption} is below ${parameters.minEncryption}`);
    if (rank(AUTHENTICATION_ORDER, flow.authentication) < rank(AUTHENTICATION_ORDER, parameters.minAuthentication)) {
      reasons.push(`authentication ${flow.authentication} is below ${parameters.minAuthentication}`);
    }
  }
  for (const surface of input.surfaces) {
    if (rank(CLASSIFICATION_ORDER, surface.classification) > rank(CLASSIFICATION_ORDER, parameters.maxClassification)) {
      reasons.push(`surface classified ${surface.classification}, limit ${parameters.maxClassification}`);
    }
  }
  if (parameters.environments.length > 0 && !parameters.environments.includes(input.environment)) reasons.push(`environment ${input.environment} is not allowed`);
  return [...new Set(reasons)];
}

/** The first template (by name, then id, for determinism) the change fits, or null. */
export function matchTemplate(input: TClassifierInput, loosening: boolean): TTemplateForMatch | null {
  const sorted = [...input.templates].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return sorted.find((template) => templateMisfits(input, loosening, template.parameters).length === 0) ?? null;
}

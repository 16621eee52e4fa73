import { z } from "zod";
import { AUTHENTICATION_ORDER, CLASSIFICATION_ORDER, ENCRYPTION_ORDER } from "./conditions";
import { isValidPorts } from "./ports";

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
    ports: z
      .string()
      .max(200)
      .refine((ports) => ports === "" || isValidPorts(ports), "must look like 443, 80,443 or 8000-8100"),
    minEncryption: z.enum(ENCRYPTION_ORDER),
    minAuthentication: z.enum(AUTHENTICATION_ORDER),
    maxClassification: z.enum(CLASSIFICATION_ORDER),
    environments: z.array(z.string().trim().min(1).max(40)).max(10),
    tighteningOnly: z.boolean(),
  })
  .meta({ id: "TemplateParameters" });
export type TTemplateParameters = z.infer<typeof ZTemplateParameters>;

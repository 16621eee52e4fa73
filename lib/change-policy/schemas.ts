import { z } from "zod";
import { zIsoDateTime } from "@/lib/api/bounds";
import { ZCondition } from "@/lib/change-policy/conditions";
import { RULE_OUTCOMES } from "@/lib/change-policy/classifier";
import { ZTemplateParameters } from "./template-parameters";
import { ZId } from "@/lib/users/schemas";

export const ZRuleProposal = z
  .object({
    /** Absent for a new rule; the ruleKey of the rule this revision replaces otherwise. */
    ruleKey: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]{3,60}$/, "lower-case letters, digits and dashes")
      .optional(),
    name: z.string().trim().min(3, "must be at least 3 characters").max(120),
    position: z.number().int().min(0).max(10_000),
    condition: ZCondition,
    outcome: z.enum(RULE_OUTCOMES),
    riskPoints: z.number().int().min(0).max(100).default(0),
    extraApprovers: z.number().int().min(0).max(5).default(0),
    rationale: z.string().trim().min(10, "explain why both teams want this rule").max(2000),
  })
  .meta({ id: "RuleProposal" });
export type TRuleProposal = z.infer<typeof ZRuleProposal>;

export const ZRuleRetirement = z
  .object({ reason: z.string().trim().min(10, "explain why both teams should stop using this rule").max(2000) })
  .meta({ id: "RuleRetirement" });
export type TRuleRetirement = z.infer<typeof ZRuleRetirement>;

export const ZRuleSetReplay = z
  .object({
    /** Proposed rule ids to include; active rules they revise are left out of the replay. */
    proposedRuleIds: z.array(ZId).max(200).default([]),
    /** Active rules to leave out of the replay (retirement being considered). */
    excludeRuleIds: z.array(ZId).max(200).default([]),
    lastN: z.number().int().min(1).max(500).default(50),
  })
  .meta({ id: "RuleSetReplay" });
export type TRuleSetReplay = z.infer<typeof ZRuleSetReplay>;

export const ZTemplateProposal = z
  .object({
    name: z.string().trim().min(3).max(120),
    description: z.string().trim().max(2000).default(""),
    parameters: ZTemplateParameters,
    /** Changes of this template rolled back before it is suspended and put before both teams; approved with the template. */
    failureThreshold: z.number().int("must be a whole number").min(1, "must be at least 1").max(100).default(2),
  })
  .meta({ id: "TemplateProposal" });
export type TTemplateProposal = z.input<typeof ZTemplateProposal>;

export const ZBlackoutInput = z
  .object({
    name: z.string().trim().min(3).max(120),
    startsAt: zIsoDateTime().transform((value) => new Date(value)),
    endsAt: zIsoDateTime().transform((value) => new Date(value)),
    surfaceId: ZId.nullable().default(null),
  })
  .refine((value) => value.endsAt > value.startsAt, { path: ["endsAt"], message: "must be after the start" })
  .meta({ id: "BlackoutInput" });
export type TBlackoutInput = z.infer<typeof ZBlackoutInput>;

/** The change calendar's range: changes and blackout windows that overlap it. */
export const ZCalendarRange = z.object({ from: zIsoDateTime(), to: zIsoDateTime() });

export const ZTemplateRetirement = z
  .object({ reason: z.string().trim().min(3, "say why the template should go").max(2000) })
  .meta({ id: "TemplateRetirement" });
export type TTemplateRetirement = z.infer<typeof ZTemplateRetirement>;

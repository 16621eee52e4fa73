import { z } from "zod";
import { ZId } from "@/lib/users/schemas";
import { ZStage } from "./catalog";

const ZDay = z.iso.date("must be a date (YYYY-MM-DD)");

export const ZScoreStatus = z
  .enum(["unscored", "awaiting_netops", "awaiting_secops", "disputed", "agreed"])
  .meta({ id: "MaturityScoreStatus" });

export const ZEvidenceIndicator = z.object({
  key: z.string(),
  name: z.string(),
  formula: z.string(),
  display: z.string(),
  meetsTarget: z.boolean().nullable(),
});

export const ZMaturityScore = z
  .object({
    functionKey: z.string(),
    label: z.string(),
    pillarKey: z.string(),
    pillarLabel: z.string(),
    kind: z.enum(["function", "capability"]),
    netopsStage: ZStage.nullable(),
    secopsStage: ZStage.nullable(),
    currentStage: ZStage.nullable(),
    status: ZScoreStatus,
    targetStage: ZStage.nullable(),
    targetDate: z.string().nullable(),
    overdue: z.boolean(),
    evidence: z.string(),
    links: z.array(z.string()),
    /** The agreed stage in the previous assessment, for comparison over time. */
    previousStage: ZStage.nullable(),
    /** Stages gained since the previous assessment (negative when lost); null unless both agreed. */
    delta: z.number().int().nullable(),
    indicators: z.array(ZEvidenceIndicator),
  })
  .meta({ id: "MaturityScore" });
export type TMaturityScore = z.infer<typeof ZMaturityScore>;

const ZPerson = z.object({ id: ZId, name: z.string() });

export const ZAssessmentSummary = z
  .object({
    id: ZId,
    title: z.string(),
    assessedOn: z.string(),
    catalog: z.object({ id: ZId, key: z.string(), version: z.string(), title: z.string() }),
    netopsAssessor: ZPerson,
    secopsAssessor: ZPerson,
    counts: z.object({ total: z.number().int(), agreed: z.number().int(), disputed: z.number().int(), overdue: z.number().int() }),
  })
  .meta({ id: "MaturityAssessmentSummary" });
export type TAssessmentSummary = z.infer<typeof ZAssessmentSummary>;

export const ZPillarSummary = z.object({
  pillarKey: z.string(),
  pillarLabel: z.string(),
  current: z.number().nullable(),
  target: z.number().nullable(),
  previous: z.number().nullable(),
  agreed: z.number().int(),
  disputed: z.number().int(),
  total: z.number().int(),
});
export type TPillarView = z.infer<typeof ZPillarSummary>;

export const ZAssessmentDetail = ZAssessmentSummary.extend({
  previous: z.object({ id: ZId, title: z.string(), assessedOn: z.string() }).nullable(),
  pillars: z.array(ZPillarSummary),
  scores: z.array(ZMaturityScore),
}).meta({ id: "MaturityAssessment" });
export type TAssessmentDetail = z.infer<typeof ZAssessmentDetail>;

export const ZCreateAssessment = z
  .object({
    title: z.string().trim().min(3, "must be at least 3 characters").max(160),
    assessedOn: ZDay,
    catalogId: ZId.optional(),
    netopsAssessorId: ZId,
    secopsAssessorId: ZId,
  })
  .meta({ id: "CreateMaturityAssessment" });
export type TCreateAssessment = z.infer<typeof ZCreateAssessment>;

export const ZUpdateScore = z
  .object({
    /** The caller's own team's stage: a NetOps assessor sets the NetOps stage, SecOps theirs. */
    stage: ZStage.nullable().optional(),
    targetStage: ZStage.nullable().optional(),
    targetDate: ZDay.nullable().optional(),
    evidence: z.string().max(5000).optional(),
    links: z
      .array(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000))
      .max(20)
      .optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "needs at least one field to change")
  .meta({ id: "UpdateMaturityScore" });
export type TUpdateScore = z.infer<typeof ZUpdateScore>;

export const ZAssessmentParams = z.object({ id: ZId });
export const ZScoreParams = z.object({ id: ZId, functionKey: z.string().regex(/^[a-z0-9.-]{3,200}$/, "must be a catalog item key") });

export const ZCatalogSummary = z
  .object({ id: ZId, key: z.string(), version: z.string(), title: z.string(), items: z.number().int() })
  .meta({ id: "MaturityCatalogSummary" });

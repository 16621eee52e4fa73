import { z } from "zod";
import { zIsoDateTime } from "@/lib/api/bounds";

export const ZMetricDirection = z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"]).meta({ id: "MetricDirection" });

export const ZKpiKey = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{2,63}$/, "must be 3–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter");
export const ZKpiParams = z.object({ key: ZKpiKey });

export const ZCreateKpi = z
  .object({
    key: ZKpiKey,
    name: z.string().trim().min(3, "must be at least 3 characters").max(160),
    unit: z.string().trim().min(1, "is required").max(40),
    direction: ZMetricDirection,
    target: z.number().finite().nullable().default(null),
    description: z.string().trim().max(2000).default(""),
  })
  .meta({ id: "CreateKpi" });
export type TCreateKpi = z.infer<typeof ZCreateKpi>;

export const ZKpiReadingInput = z
  .object({
    value: z.number("must be a number").finite(),
    /** When the value was observed; defaults to now. */
    observedAt: zIsoDateTime().optional(),
  })
  .meta({ id: "KpiReadingInput" });
export type TKpiReadingInput = z.infer<typeof ZKpiReadingInput>;

export const ZKpiReading = z.object({ value: z.number(), observedAt: z.string() }).meta({ id: "KpiReading" });

export const ZKpi = z
  .object({
    key: z.string(),
    name: z.string(),
    unit: z.string(),
    direction: ZMetricDirection,
    target: z.number().nullable(),
    description: z.string(),
    latest: ZKpiReading.nullable(),
    readings: z.array(ZKpiReading),
  })
  .meta({ id: "Kpi" });
export type TKpi = z.infer<typeof ZKpi>;

export const ZIndicatorParams = z.object({ key: z.string().regex(/^[a-z0-9_.-]{3,80}$/, "must be an indicator key") });

import { z } from "zod";
import { zIsoDateTime } from "@/lib/api/bounds";
import { FIGURE_LIMIT, unitKind, valueBounds, valueProblem } from "./units";

/** Any figure a person or automation sends: finite and within ±FIGURE_LIMIT. */
const zFigure = () =>
  z
    .number("must be a number")
    .finite("must be a number")
    .min(-FIGURE_LIMIT, `must be at least ${-FIGURE_LIMIT}`)
    .max(FIGURE_LIMIT, `must be at most ${FIGURE_LIMIT}`);

export const ZMetricDirection = z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"]).meta({ id: "MetricDirection" });

export const ZKpiKey = z
  .string()
  .regex(/^[a-z][a-z0-9_.-]{2,63}$/, "must be 3–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter");
export const ZKpiParams = z.object({ key: ZKpiKey });

export const KPI_NAME_MAX = 160;
export const KPI_UNIT_MAX = 40;
export const KPI_DESCRIPTION_MAX = 2000;

export const ZCreateKpi = z
  .object({
    key: ZKpiKey,
    name: z.string().trim().min(3, "must be at least 3 characters").max(KPI_NAME_MAX, `must be at most ${KPI_NAME_MAX} characters`),
    unit: z.string().trim().min(1, "is required").max(KPI_UNIT_MAX, `must be at most ${KPI_UNIT_MAX} characters`),
    direction: ZMetricDirection,
    target: zFigure().nullable().default(null),
    /** Bounds of a reading, replacing the unit's own (a percentage is otherwise 0–100). */
    minValue: zFigure().nullable().default(null),
    maxValue: zFigure().nullable().default(null),
    description: z.string().trim().max(KPI_DESCRIPTION_MAX, `must be at most ${KPI_DESCRIPTION_MAX} characters`).default(""),
  })
  .superRefine((kpi, issues) => {
    if (kpi.minValue !== null && kpi.maxValue !== null && kpi.minValue >= kpi.maxValue) {
      issues.addIssue({ code: "custom", path: ["maxValue"], message: "must be greater than the lowest value" });
      return;
    }
    if (unitKind(kpi.unit) === "count" && kpi.minValue !== null && kpi.minValue < 0) {
      issues.addIssue({ code: "custom", path: ["minValue"], message: "must not be negative for a count" });
    }
    const problem = kpi.target === null ? null : valueProblem(kpi.target, { ...valueBounds(kpi.unit, kpi), integer: false });
    if (problem) issues.addIssue({ code: "custom", path: ["target"], message: problem });
  })
  .meta({ id: "CreateKpi" });
export type TCreateKpi = z.infer<typeof ZCreateKpi>;

export const ZKpiReadingInput = z
  .object({
    /** Checked against the KPI's unit and declared bounds by the service (a percentage is 0–100). */
    value: zFigure(),
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
    minValue: z.number().nullable(),
    maxValue: z.number().nullable(),
    headline: z.boolean(),
    description: z.string(),
    latest: ZKpiReading.nullable(),
    readings: z.array(ZKpiReading),
  })
  .meta({ id: "Kpi" });
export type TKpi = z.infer<typeof ZKpi>;

export const ZIndicatorParams = z.object({ key: z.string().regex(/^[a-z0-9_.-]{3,80}$/, "must be an indicator key") });

/** Whether a metric (an indicator or an external KPI) is one of the dashboard's headline cards. */
export const ZHeadlineChoice = z.object({ headline: z.boolean("must be true or false") }).meta({ id: "HeadlineChoice" });
export type THeadlineChoice = z.infer<typeof ZHeadlineChoice>;
export const ZMetricKeyParams = z.object({ key: z.string().regex(/^[a-z][a-z0-9_.-]{2,79}$/, "must be an indicator or KPI key") });

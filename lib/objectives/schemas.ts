import { z } from "zod";
import { ZId } from "@/lib/users/schemas";

export const ZCreateObjective = z
  .object({
    title: z.string().trim().min(3, "must be at least 3 characters").max(200),
    description: z.string().trim().max(2000).default(""),
    netopsLeadId: ZId,
    secopsLeadId: ZId,
    dueDate: z.iso.date("must be a date (YYYY-MM-DD)").nullable().default(null),
    keyResults: z
      .array(
        z.object({
          title: z.string().trim().min(3, "must be at least 3 characters").max(200),
          metricKey: z.string().trim().min(3).max(80),
          baseline: z.number().finite(),
          target: z.number().finite(),
        }),
      )
      .min(1, "needs at least one key result")
      .max(10),
  })
  .meta({ id: "CreateObjective" });
export type TCreateObjective = z.infer<typeof ZCreateObjective>;

export const ZObjective = z
  .object({
    id: ZId,
    title: z.string(),
    description: z.string(),
    dueDate: z.string().nullable(),
    netopsLead: z.object({ id: ZId, name: z.string() }),
    secopsLead: z.object({ id: ZId, name: z.string() }),
    progress: z.number().nullable(),
    keyResults: z.array(
      z.object({
        id: ZId,
        title: z.string(),
        metricKey: z.string(),
        metricName: z.string(),
        source: z.enum(["indicator", "kpi"]),
        /** The metric's unit, for the one formatter (`lib/metrics/format.ts`). */
        unit: z.string(),
        baseline: z.number(),
        target: z.number(),
        current: z.number().nullable(),
        progress: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: "Objective" });
export type TObjective = z.infer<typeof ZObjective>;

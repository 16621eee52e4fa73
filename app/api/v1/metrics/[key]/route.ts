import { apiRoute } from "@/lib/api/route";
import { ZKpiParams, ZKpiReadingInput } from "@/lib/metrics/schemas";
import { recordKpiReading } from "@/lib/metrics/kpis";

/** Automation feeds an external KPI here with `Authorization: Bearer <API token>`. */
export const POST = apiRoute(
  { permission: "metrics.write", params: ZKpiParams, body: ZKpiReadingInput },
  async ({ context, params, body }) => Response.json(await recordKpiReading(context, params.key, body), { status: 201 }),
);

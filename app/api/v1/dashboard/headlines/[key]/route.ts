import { apiRoute } from "@/lib/api/route";
import { ZHeadlineChoice, ZMetricKeyParams } from "@/lib/metrics/schemas";
import { setHeadline } from "@/lib/metrics/headlines";

/** Chooses whether an indicator or KPI is a headline card of the executive dashboard. */
export const PUT = apiRoute(
  { permission: "metrics.write", params: ZMetricKeyParams, body: ZHeadlineChoice },
  async ({ context, params, body }) => setHeadline(context, params.key, body),
);

import { apiRoute } from "@/lib/api/route";
import { ZIndicatorParams } from "@/lib/metrics/schemas";
import { getIndicatorDrilldown } from "@/lib/overview/service";

export const GET = apiRoute({ permission: "dashboard.read", params: ZIndicatorParams }, async ({ context, params }) =>
  getIndicatorDrilldown(context, params.key),
);

import { apiRoute } from "@/lib/api/route";
import { ZHistoryQuery, ZSurfaceParams } from "@/lib/maps/model/schemas";
import { listMapEvents } from "@/lib/maps/service";

export const GET = apiRoute({ permission: "map.read", params: ZSurfaceParams, query: ZHistoryQuery }, async ({ context, params, query }) =>
  listMapEvents(
    context,
    params.id,
    query.after === undefined ? { limit: query.limit, newestFirst: true } : { after: query.after, limit: query.limit },
  ),
);

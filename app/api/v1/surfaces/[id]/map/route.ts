import { apiRoute } from "@/lib/api/route";
import { ZMapReadQuery, ZSurfaceParams } from "@/lib/maps/model/schemas";
import { getMap } from "@/lib/maps/service";
import { mapJson } from "@/lib/maps/snapshots";

export const GET = apiRoute(
  { permission: "map.read", params: ZSurfaceParams, query: ZMapReadQuery },
  async ({ context, params, query }) =>
    new Response(mapJson(await getMap(context, params.id, query.atVersion)), { headers: { "content-type": "application/json" } }),
);

import { apiRoute } from "@/lib/api/route";
import { ZMapReadQuery, ZSurfaceParams } from "@/lib/maps/schemas";
import { getMap } from "@/lib/maps/service";

export const GET = apiRoute({ permission: "map.read", params: ZSurfaceParams, query: ZMapReadQuery }, async ({ context, params, query }) =>
  getMap(context, params.id, query.atVersion),
);

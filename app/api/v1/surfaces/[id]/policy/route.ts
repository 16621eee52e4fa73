import { apiRoute } from "@/lib/api/route";
import { ZPolicyParams, ZPolicyQuery } from "@/lib/enforcement/schemas";
import { getSurfacePolicy } from "@/lib/enforcement/service";

export const GET = apiRoute({ permission: "map.read", params: ZPolicyParams, query: ZPolicyQuery }, async ({ context, params, query }) =>
  Response.json(await getSurfacePolicy(context, params.id, query.target)),
);

import { apiRoute } from "@/lib/api/route";
import { ZChangeIdParams } from "@/lib/changes/schemas";
import { getChangePolicyPreview } from "@/lib/enforcement/change/service";
import { ZChangePolicyQuery } from "@/lib/enforcement/schemas";

export const GET = apiRoute(
  { permission: "change.read", params: ZChangeIdParams, query: ZChangePolicyQuery },
  async ({ context, params, query }) => Response.json(await getChangePolicyPreview(context, params.id, query.days)),
);

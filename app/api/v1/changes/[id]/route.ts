import { apiRoute } from "@/lib/api/route";
import { getChange } from "@/lib/changes/read";
import { ZChangeIdParams, ZUpdateChange } from "@/lib/changes/schemas";
import { updateChange } from "@/lib/changes/service";

export const GET = apiRoute({ permission: "change.read", params: ZChangeIdParams }, async ({ context, params }) =>
  getChange(context, params.id),
);

export const PATCH = apiRoute(
  { permission: "change.write", params: ZChangeIdParams, body: ZUpdateChange },
  async ({ context, params, body }) => updateChange(context, params.id, body),
);

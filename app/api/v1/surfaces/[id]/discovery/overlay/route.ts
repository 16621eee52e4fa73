import { apiRoute } from "@/lib/api/route";
import { ZSurfaceParams } from "@/lib/discovery/schemas";
import { getReconciliation } from "@/lib/discovery/reconciliation";

export const GET = apiRoute({ permission: "map.read", params: ZSurfaceParams }, async ({ context, params }) =>
  getReconciliation(context, params.id),
);

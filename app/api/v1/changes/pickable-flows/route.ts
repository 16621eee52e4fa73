import { apiRoute } from "@/lib/api/route";
import { listFlowsForChange, ZPickableFlowsQuery } from "@/lib/changes/flows";

export const GET = apiRoute({ permission: "change.read", query: ZPickableFlowsQuery }, async ({ context, query }) =>
  listFlowsForChange(context, query.surfaceIds),
);

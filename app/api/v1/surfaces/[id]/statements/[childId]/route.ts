import { apiRoute } from "@/lib/api/route";
import { ZKiplingInput, ZSurfaceChildParams } from "@/lib/surfaces/schemas";
import { deleteStatement, updateStatement } from "@/lib/surfaces/collaboration";

export const PUT = apiRoute(
  { permission: "surface.write", params: ZSurfaceChildParams, body: ZKiplingInput },
  async ({ context, params, body }) => updateStatement(context, params.id, params.childId, body),
);

export const DELETE = apiRoute({ permission: "surface.write", params: ZSurfaceChildParams }, async ({ context, params }) =>
  deleteStatement(context, params.id, params.childId),
);

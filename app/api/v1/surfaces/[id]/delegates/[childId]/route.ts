import { apiRoute } from "@/lib/api/route";
import { ZSurfaceChildParams } from "@/lib/surfaces/schemas";
import { removeDelegate } from "@/lib/surfaces/collaboration";

export const DELETE = apiRoute({ permission: "surface.write", params: ZSurfaceChildParams }, async ({ context, params }) =>
  removeDelegate(context, params.id, params.childId),
);

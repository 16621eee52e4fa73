import { apiRoute } from "@/lib/api/route";
import { ZSurfaceIdParams, ZUpdateSurface } from "@/lib/surfaces/schemas";
import { deleteSurface, getSurface, updateSurface } from "@/lib/surfaces/service";

export const GET = apiRoute({ permission: "surface.read", params: ZSurfaceIdParams }, async ({ context, params }) =>
  getSurface(context, params.id),
);

export const PUT = apiRoute(
  { permission: "surface.write", params: ZSurfaceIdParams, body: ZUpdateSurface },
  async ({ context, params, body }) => updateSurface(context, params.id, body),
);

export const DELETE = apiRoute({ permission: "surface.delete", decision: true, params: ZSurfaceIdParams }, async ({ context, params }) =>
  deleteSurface(context, params.id),
);

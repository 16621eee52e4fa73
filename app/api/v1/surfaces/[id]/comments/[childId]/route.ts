import { apiRoute } from "@/lib/api/route";
import { ZResolveComment, ZSurfaceChildParams } from "@/lib/surfaces/schemas";
import { resolveComment } from "@/lib/surfaces/collaboration";

export const PATCH = apiRoute(
  { permission: "surface.comment", params: ZSurfaceChildParams, body: ZResolveComment },
  async ({ context, params, body }) => resolveComment(context, params.id, params.childId, body),
);

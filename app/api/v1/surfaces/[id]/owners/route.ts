import { apiRoute } from "@/lib/api/route";
import { ZSurfaceIdParams } from "@/lib/surfaces/schemas";
import { replaceSurfaceOwner } from "@/lib/surfaces/ownership";
import { ZReplaceOwner } from "@/lib/surfaces/ownership-schemas";

/** The service decides who may replace an owner (the owner, or an admin with a reason). */
export const PUT = apiRoute(
  { permission: "surface.read", params: ZSurfaceIdParams, body: ZReplaceOwner },
  async ({ context, params, body }) => replaceSurfaceOwner(context, params.id, body),
);

import { apiRoute } from "@/lib/api/route";
import { ZDelegateInput, ZSurfaceIdParams } from "@/lib/surfaces/schemas";
import { addDelegate } from "@/lib/surfaces/collaboration";

export const POST = apiRoute(
  { permission: "surface.write", params: ZSurfaceIdParams, body: ZDelegateInput },
  async ({ context, params, body }) => Response.json(await addDelegate(context, params.id, body.userId), { status: 201 }),
);

import { apiRoute } from "@/lib/api/route";
import { ZSignOffBody, ZSurfaceIdParams } from "@/lib/surfaces/schemas";
import { signOffSurface, withdrawSignOff } from "@/lib/surfaces/service";

export const POST = apiRoute(
  { permission: "surface.signoff", decision: true, params: ZSurfaceIdParams, body: ZSignOffBody.optional() },
  async ({ context, params, body }) => signOffSurface(context, params.id, body?.version),
);

/** Withdraws the caller's own sign-off. */
export const DELETE = apiRoute({ permission: "surface.signoff", params: ZSurfaceIdParams }, async ({ context, params }) =>
  withdrawSignOff(context, params.id),
);

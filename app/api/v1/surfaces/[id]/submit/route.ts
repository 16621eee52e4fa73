import { apiRoute } from "@/lib/api/route";
import { ZSurfaceIdParams } from "@/lib/surfaces/schemas";
import { submitSurface } from "@/lib/surfaces/service";

export const POST = apiRoute({ permission: "surface.write", params: ZSurfaceIdParams }, async ({ context, params }) =>
  submitSurface(context, params.id),
);

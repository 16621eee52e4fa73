import { apiRoute } from "@/lib/api/route";
import { ZSurfaceIdParams } from "@/lib/surfaces/schemas";
import { listVersions } from "@/lib/surfaces/service";

export const GET = apiRoute({ permission: "surface.read", params: ZSurfaceIdParams }, async ({ context, params }) => ({
  versions: await listVersions(context, params.id),
}));

import { apiRoute } from "@/lib/api/route";
import { ZCreateSurface, ZSurfaceListQuery } from "@/lib/surfaces/schemas";
import { createSurface, listSurfaces } from "@/lib/surfaces/service";

export const GET = apiRoute({ permission: "surface.read", query: ZSurfaceListQuery }, async ({ context, query }) =>
  listSurfaces(context, query),
);

export const POST = apiRoute({ permission: "surface.write", body: ZCreateSurface }, async ({ context, body }) =>
  Response.json(await createSurface(context, body), { status: 201 }),
);

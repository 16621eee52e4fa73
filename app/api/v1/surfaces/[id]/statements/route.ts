import { apiRoute } from "@/lib/api/route";
import { ZKiplingInput, ZSurfaceIdParams } from "@/lib/surfaces/schemas";
import { createStatement, listStatements } from "@/lib/surfaces/collaboration";

export const GET = apiRoute({ permission: "surface.read", params: ZSurfaceIdParams }, async ({ context, params }) => ({
  statements: await listStatements(context, params.id),
}));

export const POST = apiRoute(
  { permission: "surface.write", params: ZSurfaceIdParams, body: ZKiplingInput },
  async ({ context, params, body }) => Response.json(await createStatement(context, params.id, body), { status: 201 }),
);

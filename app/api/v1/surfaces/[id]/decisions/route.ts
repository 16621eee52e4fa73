import { apiRoute } from "@/lib/api/route";
import { ZDecisionInput, ZSurfaceIdParams } from "@/lib/surfaces/schemas";
import { listDecisions, recordDecision } from "@/lib/surfaces/collaboration";

export const GET = apiRoute({ permission: "surface.read", params: ZSurfaceIdParams }, async ({ context, params }) => ({
  decisions: await listDecisions(context, params.id),
}));

export const POST = apiRoute(
  { permission: "surface.comment", params: ZSurfaceIdParams, body: ZDecisionInput },
  async ({ context, params, body }) => Response.json(await recordDecision(context, params.id, body.text), { status: 201 }),
);

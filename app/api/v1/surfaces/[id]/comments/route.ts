import { apiRoute } from "@/lib/api/route";
import { ZCommentInput, ZSurfaceIdParams } from "@/lib/surfaces/schemas";
import { addComment, listComments } from "@/lib/surfaces/collaboration";

export const GET = apiRoute({ permission: "surface.read", params: ZSurfaceIdParams }, async ({ context, params }) => ({
  comments: await listComments(context, params.id),
}));

export const POST = apiRoute(
  { permission: "surface.comment", params: ZSurfaceIdParams, body: ZCommentInput },
  async ({ context, params, body }) => Response.json(await addComment(context, params.id, body), { status: 201 }),
);

import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { ZAttachGhosts, ZSurfaceParams } from "@/lib/discovery/schemas";
import { attachGhostsToChange, listDraftsForGhosts } from "@/lib/discovery/attach-change";

export const GET = apiRoute({ permission: "change.write", params: ZSurfaceParams }, async ({ context, params }) =>
  NextResponse.json(await listDraftsForGhosts(context, params.id)),
);

export const POST = apiRoute(
  { permission: "change.write", params: ZSurfaceParams, body: ZAttachGhosts },
  async ({ context, params, body }) => NextResponse.json(await attachGhostsToChange(context, params.id, body), { status: 201 }),
);

import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { ZProposeGhosts, ZSurfaceParams } from "@/lib/discovery/schemas";
import { proposeGhosts } from "@/lib/discovery/service";

export const POST = apiRoute({ permission: "map.write", params: ZSurfaceParams, body: ZProposeGhosts }, async ({ context, params, body }) =>
  NextResponse.json(await proposeGhosts(context, params.id, body), { status: 201 }),
);

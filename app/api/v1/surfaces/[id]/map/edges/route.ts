import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { ZEdgeCreate, ZSurfaceParams } from "@/lib/maps/model/schemas";
import { createEdge } from "@/lib/maps/service";

export const POST = apiRoute({ permission: "map.write", params: ZSurfaceParams, body: ZEdgeCreate }, async ({ context, params, body }) =>
  NextResponse.json(await createEdge(context, params.id, body), { status: 201 }),
);

import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { ZNodeCreate, ZSurfaceParams } from "@/lib/maps/model/schemas";
import { createNode } from "@/lib/maps/service";

export const POST = apiRoute({ permission: "map.write", params: ZSurfaceParams, body: ZNodeCreate }, async ({ context, params, body }) =>
  NextResponse.json(await createNode(context, params.id, body), { status: 201 }),
);

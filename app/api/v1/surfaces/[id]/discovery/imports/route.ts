import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { ValidationError } from "@/lib/errors";
import { ZImportQuery, ZSurfaceParams } from "@/lib/discovery/schemas";
import { importFlowLog } from "@/lib/discovery/service";

/** No `body` schema: the request body is the flow log itself, streamed, so apiRoute's JSON body cap does not apply. */
export const POST = apiRoute(
  { permission: "discovery.import", params: ZSurfaceParams, query: ZImportQuery },
  async ({ context, params, query, request }) => {
    if (!request.body)
      throw new ValidationError([{ path: "(body)", message: "must be the flow log file" }], "Send the flow log as the request body.");
    return NextResponse.json(await importFlowLog(context, params.id, query, request.body, request.signal), { status: 201 });
  },
);

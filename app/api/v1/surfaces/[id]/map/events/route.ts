import { apiRoute } from "@/lib/api/route";
import { INT32_MAX } from "@/lib/api/bounds";
import { ZEventsQuery, ZSurfaceParams } from "@/lib/maps/model/schemas";
import { openMapStream } from "@/lib/maps/stream";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  { permission: "map.read", params: ZSurfaceParams, query: ZEventsQuery },
  async ({ context, params, query, request }) => {
    // A reconnecting EventSource says which map version it last received.
    const lastEventId = Number(request.headers.get("last-event-id") ?? "");
    const after = Number.isInteger(lastEventId) && lastEventId > 0 && lastEventId <= INT32_MAX ? lastEventId : query.after;
    return openMapStream(context, params.id, after, request.signal);
  },
);

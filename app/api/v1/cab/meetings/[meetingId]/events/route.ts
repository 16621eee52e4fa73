import { apiRoute } from "@/lib/api/route";
import { ZMeetingParams } from "@/lib/cab/schemas";
import { openMeetingStream } from "@/lib/cab/stream";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "cab.read", params: ZMeetingParams }, async ({ context, params, request }) =>
  openMeetingStream(context, params.meetingId, request.signal),
);

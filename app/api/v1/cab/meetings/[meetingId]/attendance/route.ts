import { apiRoute } from "@/lib/api/route";
import { ZMeetingParams } from "@/lib/cab/schemas";
import { joinMeeting } from "@/lib/cab/service";

export const POST = apiRoute({ permission: "cab.read", params: ZMeetingParams }, async ({ context, params }) =>
  joinMeeting(context, params.meetingId),
);

import { apiRoute } from "@/lib/api/route";
import { ZMeetingAction, ZMeetingParams } from "@/lib/cab/schemas";
import { actOnMeeting, getMeeting } from "@/lib/cab/service";

export const GET = apiRoute({ permission: "cab.read", params: ZMeetingParams }, async ({ context, params }) =>
  getMeeting(context, params.meetingId),
);

export const POST = apiRoute(
  { permission: "cab.manage", params: ZMeetingParams, body: ZMeetingAction },
  async ({ context, params, body }) => actOnMeeting(context, params.meetingId, body),
);

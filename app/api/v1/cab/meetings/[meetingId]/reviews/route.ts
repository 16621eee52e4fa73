import { apiRoute } from "@/lib/api/route";
import { ZCabReview, ZMeetingParams } from "@/lib/cab/schemas";
import { reviewRetrospective } from "@/lib/cab/service";

export const POST = apiRoute(
  { permission: "change.approve", decision: true, params: ZMeetingParams, body: ZCabReview },
  async ({ context, params, body }) => reviewRetrospective(context, params.meetingId, body),
);

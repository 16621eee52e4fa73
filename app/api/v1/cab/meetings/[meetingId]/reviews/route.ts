import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ZMeetingParams } from "@/lib/cab/schemas";
import { reviewRetrospective } from "@/lib/cab/service";

const ZReview = z.object({ changeId: z.uuid(), decision: z.enum(["APPROVE", "REJECT"]), comment: z.string().trim().max(2000).default("") });

export const POST = apiRoute({ permission: "change.approve", decision: true, params: ZMeetingParams, body: ZReview }, async ({ context, params, body }) =>
  reviewRetrospective(context, params.meetingId, body.changeId, body.decision, body.comment),
);

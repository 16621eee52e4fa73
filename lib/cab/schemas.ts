import { z } from "zod";
import { zIsoDateTime } from "@/lib/api/bounds";
import { ZId } from "@/lib/users/schemas";

export const ZCreateMeeting = z
  .object({
    title: z.string().trim().min(3).max(120),
    scheduledAt: zIsoDateTime().transform((value) => new Date(value)),
    attendeeIds: z.array(ZId).max(50).default([]),
  })
  .meta({ id: "CreateCabMeeting" });
export type TCreateMeeting = z.infer<typeof ZCreateMeeting>;

export const ZMeetingParams = z.object({ meetingId: ZId });
export const ZMeetingAction = z.object({ action: z.enum(["start", "end", "refresh-agenda"]) }).meta({ id: "CabMeetingAction" });

/** A retrospective review of an emergency change, recorded at a CAB meeting. */
export const ZCabReview = z
  .object({ changeId: ZId, decision: z.enum(["APPROVE", "REJECT"]), comment: z.string().trim().max(2000).default("") })
  .meta({ id: "CabRetrospectiveReview" });
export type TCabReview = z.infer<typeof ZCabReview>;

import { z } from "zod";
import { ZId } from "@/lib/users/schemas";

/** Meetings are dated within a sane range: the bounds keep a typo (year 20266) out of the calendar. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

export const MEETING_TITLE_MAX = 120;

export const ZCreateMeeting = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, "must be at least 3 characters")
      .max(MEETING_TITLE_MAX, `must be at most ${MEETING_TITLE_MAX} characters`),
    scheduledAt: z.iso
      .datetime({ offset: true, message: "must be a date and time" })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() >= EARLIEST && date.getTime() < LATEST, "must be between the years 2000 and 2099"),
    /** A record of a meeting already held, entered afterwards: the only meeting that may be dated in the past. */
    pastRecord: z.boolean().default(false),
    attendeeIds: z.array(ZId).max(50).default([]),
  })
  .meta({ id: "CreateCabMeeting" });
export type TCreateMeeting = z.infer<typeof ZCreateMeeting>;

export const ZMeetingParams = z.object({ meetingId: ZId });

/** An undecided item the chair carries, when ending a meeting, to a meeting still to be held. */
export const ZCarry = z.object({ itemId: ZId, toMeetingId: ZId });

export const ZMeetingAction = z
  .discriminatedUnion("action", [
    z.object({ action: z.enum(["start", "refresh-agenda"]) }),
    z.object({
      action: z.literal("end"),
      /** Undecided items not listed here are deferred: the next meeting's agenda takes them up again. */
      carry: z.array(ZCarry).max(200).default([]),
    }),
  ])
  .meta({ id: "CabMeetingAction" });
export type TMeetingActionInput = z.infer<typeof ZMeetingAction>;

/** A retrospective review of an emergency change, recorded at a CAB meeting. */
export const ZCabReview = z
  .object({ changeId: ZId, decision: z.enum(["APPROVE", "REJECT"]), comment: z.string().trim().max(2000).default("") })
  .meta({ id: "CabRetrospectiveReview" });
export type TCabReview = z.infer<typeof ZCabReview>;

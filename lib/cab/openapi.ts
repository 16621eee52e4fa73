import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZCabReview, ZCreateMeeting, ZMeetingAction, ZMeetingParams } from "./schemas";

const ZObject = z.record(z.string(), z.unknown());
const cab = "CAB";

/** The CAB meeting, review, minutes and inbox operations. */
export const cabPaths: ZodOpenApiPathsObject = {
  "/api/v1/cab/meetings": {
    get: operation({ summary: "CAB meetings", tag: cab, permission: "cab.read", response: ZObject }),
    post: operation({
      summary: "Schedule a CAB meeting (agenda builds itself)",
      tag: cab,
      permission: "cab.manage",
      body: ZCreateMeeting,
      response: ZObject,
      status: 201,
    }),
  },
  "/api/v1/cab/meetings/{meetingId}": {
    get: operation({
      summary: "A meeting with its agenda and votes",
      tag: cab,
      permission: "cab.read",
      params: ZMeetingParams,
      response: ZObject,
    }),
    post: operation({
      summary:
        "Start, end or refresh the agenda. Ending records each decided item's decision, carries the undecided items listed in `carry` to the meeting chosen for each (a meeting still to be held), and defers the others",
      tag: cab,
      permission: "cab.manage",
      params: ZMeetingParams,
      body: ZMeetingAction,
      response: ZObject,
      conflicts: true,
    }),
  },
  "/api/v1/cab/meetings/{meetingId}/events": {
    get: operation({
      summary:
        "Live stream (server-sent events) of a meeting: `hello`, then `updated` whenever a vote, comment, agenda change or outcome changes what the meeting shows (id = a digest of it), on any instance",
      tag: cab,
      permission: "cab.read",
      params: ZMeetingParams,
      response: z.string(),
      responseType: "text/event-stream",
    }),
  },
  "/api/v1/cab/meetings/{meetingId}/attendance": {
    post: operation({
      summary: "Join a meeting in progress: the caller is among its attendees and in its minutes",
      tag: cab,
      permission: "cab.read",
      params: ZMeetingParams,
      response: ZObject,
      conflicts: true,
    }),
  },
  "/api/v1/cab/meetings/{meetingId}/reviews": {
    post: operation({
      summary: "Review an emergency change after the fact (retrospective approval or rejection)",
      tag: cab,
      permission: "change.approve",
      params: ZMeetingParams,
      body: ZCabReview,
      response: ZObject,
      conflicts: true,
    }),
  },
  "/api/v1/cab/meetings/{meetingId}/minutes": {
    get: operation({
      summary: "Minutes as Markdown",
      tag: cab,
      permission: "cab.read",
      params: ZMeetingParams,
      response: z.string(),
      responseType: "text/markdown",
    }),
  },
  "/api/v1/cab/meetings/{meetingId}/minutes.pdf": {
    get: operation({
      summary: "The same minutes as a PDF",
      tag: cab,
      permission: "cab.read",
      params: ZMeetingParams,
      response: z.string(),
      responseType: "application/pdf",
    }),
  },
  "/api/v1/cab/inbox": {
    get: operation({ summary: "The caller's pending votes", tag: cab, permission: "cab.read", response: ZObject }),
  },
};

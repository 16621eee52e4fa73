"use client";

import { useCallback, useRef } from "react";
import { queryOptions, useQuery, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { invalidateAll, touchingMutation, useTouchingMutation } from "@/lib/api/mutations";
import { useServerEvents } from "@/lib/live/use-server-events";
import { apiFetch } from "@/lib/api/client";
import { changeKeys } from "@/lib/changes/keys";
import { voteOnChange } from "@/lib/changes/queries";
import { notificationKeys } from "@/lib/notifications/keys";
import type { TApprovalStatus } from "@/lib/changes/approvals";
import { cabKeys } from "./keys";
import type { TMeeting } from "./service";

export { cabKeys } from "./keys";

export type TMeetingSummary = {
  id: string;
  title: string;
  pastRecord: boolean;
  scheduledAt: string;
  startedAt: string | null;
  endedAt: string | null;
  items: number;
  attendees: number;
};
export type TPendingVote = {
  id: string;
  number: number;
  title: string;
  state: string;
  track: string | null;
  riskScore: number;
  status: TApprovalStatus;
};
export type TCarry = { itemId: string; toMeetingId: string };
export type TMeetingAction = { action: "start" | "refresh-agenda" } | { action: "end"; carry: TCarry[] };

const base = "/api/v1/cab";

export const cabQueries = {
  meetings: () =>
    queryOptions({
      queryKey: cabKeys.list(),
      queryFn: () => apiFetch<{ meetings: TMeetingSummary[]; timeZone: string }>(`${base}/meetings`),
    }),
  meeting: (id: string) => queryOptions({ queryKey: cabKeys.detail(id), queryFn: () => apiFetch<TMeeting>(`${base}/meetings/${id}`) }),
  inbox: () => queryOptions({ queryKey: cabKeys.inbox(), queryFn: () => apiFetch<{ pending: TPendingVote[] }>(`${base}/inbox`) }),
};

export const useMeetings = () => useQuery(cabQueries.meetings());
export const useMeeting = (id: string) => useQuery(cabQueries.meeting(id));
export const useInbox = () => useQuery(cabQueries.inbox());

/** Where a meeting's live stream is read from (server-sent events). */
export const meetingEventsUrl = (id: string) => `${base}/meetings/${id}/events`;

/** Where a meeting's minutes download from, as Markdown or PDF. */
export const meetingMinutesUrl = (id: string, format: "md" | "pdf") => `${base}/meetings/${id}/minutes${format === "pdf" ? ".pdf" : ""}`;

/**
 * What each CAB write touches. Scheduling, starting, ending or refreshing a meeting touches only
 * meetings. A vote in a meeting is also a vote on the change (its page, lists, the voters' inboxes,
 * the notifications it sends); a retrospective review leaves the change as it is.
 */
export const cabInvalidations = {
  meetingScheduled: (): QueryKey[] => [cabKeys.lists()],
  meetingActedOn: (id: string, carriedTo: string[] = []): QueryKey[] => [
    cabKeys.lists(),
    cabKeys.detail(id),
    ...[...new Set(carriedTo)].map((target) => cabKeys.detail(target)),
  ],
  joined: (id: string): QueryKey[] => [cabKeys.detail(id), cabKeys.lists()],
  /**
   * Someone else (in this room or at another desk, on any instance) voted, commented, moved the
   * agenda or recorded an outcome: the meeting, the list's counts and the inbox are re-read.
   */
  live: (id: string): QueryKey[] => [cabKeys.detail(id), cabKeys.lists(), cabKeys.inbox()],
  voted: (meetingId: string, changeId: string): QueryKey[] => [
    cabKeys.detail(meetingId),
    cabKeys.inbox(),
    changeKeys.detail(changeId),
    changeKeys.lists(),
    changeKeys.calendars(),
    notificationKeys.all,
  ],
  reviewed: (meetingId: string): QueryKey[] => [cabKeys.detail(meetingId)],
};

export type TScheduleMeeting = { title: string; scheduledAt: string; pastRecord?: boolean; attendeeIds: string[] };
export type TMeetingVote = { changeId: string; decision: "APPROVE" | "REJECT"; comment: string; retrospective: boolean };

export const cabMutations = {
  schedule: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: (body: TScheduleMeeting) => apiFetch<{ id: string }>(`${base}/meetings`, { method: "POST", body }),
      touched: () => cabInvalidations.meetingScheduled(),
      success: "Meeting scheduled",
    }),
  act: (queryClient: QueryClient, id: string) =>
    touchingMutation(queryClient, {
      mutationFn: (body: TMeetingAction) => apiFetch<TMeeting>(`${base}/meetings/${id}`, { method: "POST", body }),
      touched: (_result, body) =>
        cabInvalidations.meetingActedOn(id, body.action === "end" ? body.carry.map((entry) => entry.toMeetingId) : []),
      success: "Meeting updated",
    }),
  join: (queryClient: QueryClient, id: string) =>
    touchingMutation(queryClient, {
      mutationFn: () => apiFetch<TMeeting>(`${base}/meetings/${id}/attendance`, { method: "POST" }),
      touched: () => cabInvalidations.joined(id),
    }),
  /** A vote on an agenda item: a retrospective review of an emergency, or the change's own approval vote. */
  vote: (queryClient: QueryClient, meetingId: string) =>
    touchingMutation(queryClient, {
      mutationFn: ({ changeId, decision, comment, retrospective }: TMeetingVote) =>
        retrospective
          ? apiFetch(`${base}/meetings/${meetingId}/reviews`, { method: "POST", body: { changeId, decision, comment } })
          : voteOnChange(changeId, { decision, comment, meetingId }),
      touched: (_result, vote) =>
        vote.retrospective ? cabInvalidations.reviewed(meetingId) : cabInvalidations.voted(meetingId, vote.changeId),
      success: "Vote recorded",
    }),
};

export const useScheduleMeeting = () => useTouchingMutation(cabMutations.schedule);
export const useMeetingAction = (id: string) => useTouchingMutation(cabMutations.act, id);
export const useMeetingVote = (meetingId: string) => useTouchingMutation(cabMutations.vote, meetingId);
export const useJoinMeeting = (id: string) => useTouchingMutation(cabMutations.join, id);

/**
 * Keeps an open meeting screen current: every vote, comment, agenda change or outcome anyone records
 * re-reads the meeting from the cache's point of view within the second, with no click. After a
 * reconnect (`hello` again) it re-reads too, for whatever happened meanwhile.
 */
export function useMeetingLive(id: string, enabled = true) {
  const queryClient = useQueryClient();
  const greeted = useRef(false);
  const onEvent = useCallback(
    (name: string) => {
      if (name === "hello" && !greeted.current) {
        greeted.current = true;
        return;
      }
      void invalidateAll(queryClient, cabInvalidations.live(id));
    },
    [queryClient, id],
  );
  return useServerEvents(meetingEventsUrl(id), ["hello", "updated"], onEvent, enabled);
}

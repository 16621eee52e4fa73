"use client";

import { keepPreviousData, queryOptions, useQuery, type QueryClient, type QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import { touchingMutation, useTouchingMutation } from "@/lib/api/mutations";
import { apiFetch, toSearch } from "@/lib/api/client";
import { cabKeys } from "@/lib/cab/keys";
import { templateKeys } from "@/lib/change-policy/keys";
import { notificationKeys } from "@/lib/notifications/keys";
import type { listFlowsForChange } from "./flows";
import { changeKeys, type TChangeListFilters } from "./keys";
import type { TChange } from "./read";
import type { ZCreateChange } from "./schemas";

export { changeKeys, type TChangeListFilters } from "./keys";

export type TChangeListItem = {
  id: string;
  number: number;
  title: string;
  state: TChange["state"];
  track: TChange["track"];
  riskScore: number;
  windowStart: string | null;
  createdAt: string;
  requester: { name: string; team: string };
  surfaces: Array<{ id: string; name: string }>;
};
export type TChangePage = { total: number; page: number; pageSize: number; changes: TChangeListItem[] };
export type TChangeDetail = {
  change: TChange;
  conflicts: Array<{ id: string; number: number; title: string; windowStart: string | null; windowEnd: string | null }>;
};
/** The maps a change can pick flows from: the service's own answer, so the form cannot drift from it. */
export type TPickableFlows = Awaited<ReturnType<typeof listFlowsForChange>>;
export type TCalendar = {
  changes: Array<{ id: string; number: number; title: string; state: string; windowStart: string | null; windowEnd: string | null }>;
  blackouts: Array<{ id: string; name: string; startsAt: string; endsAt: string; surfaceName: string | null }>;
};

const base = "/api/v1/changes";

export const changeQueries = {
  list: (filters: TChangeListFilters) =>
    queryOptions({
      queryKey: changeKeys.list(filters),
      queryFn: () => apiFetch<TChangePage>(`${base}${toSearch(filters)}`),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) => queryOptions({ queryKey: changeKeys.detail(id), queryFn: () => apiFetch<TChangeDetail>(`${base}/${id}`) }),
  calendar: (from: string, to: string) =>
    queryOptions({
      queryKey: changeKeys.calendar(from, to),
      queryFn: () => apiFetch<TCalendar>(`${base}/calendar${toSearch({ from, to })}`),
    }),
  pickableFlows: (surfaceIds: string[]) =>
    queryOptions({
      queryKey: changeKeys.pickableFlows(surfaceIds),
      queryFn: () => apiFetch<TPickableFlows>(`${base}/pickable-flows${toSearch({ surfaceIds: surfaceIds.join(",") })}`),
      enabled: surfaceIds.length > 0,
    }),
};

export const useChangeList = (filters: TChangeListFilters) => useQuery(changeQueries.list(filters));
export const useChange = (id: string) => useQuery(changeQueries.detail(id));
export const useChangeCalendar = (from: string, to: string) => useQuery(changeQueries.calendar(from, to));
export const usePickableFlows = (surfaceIds: string[]) => useQuery(changeQueries.pickableFlows(surfaceIds));

/**
 * What each kind of write touches, beyond the change itself. An edit moves the change in lists and
 * the calendar. A decision (submit, vote, transition) also moves it in and out of CAB inboxes and
 * agendas, counts towards or suspends a template, and notifies people.
 */
export const changeInvalidations = {
  edited: (id?: string): QueryKey[] => [changeKeys.lists(), changeKeys.calendars(), ...(id ? [changeKeys.detail(id)] : [])],
  decided: (id: string): QueryKey[] => [
    ...changeInvalidations.edited(id),
    cabKeys.inbox(),
    cabKeys.details(),
    templateKeys.lists(),
    notificationKeys.all,
  ],
};

export type TChangeSave = { body: z.input<typeof ZCreateChange>; editing?: { id: string; version: number }; submit: boolean };
export type TTransitionInput = { action: string; reason?: string; windowStart?: string; windowEnd?: string };
export type TVoteInput = { decision: "APPROVE" | "REJECT"; comment: string; meetingId?: string };

/** Posts a CAB member's vote on a change (from its page, or in a meeting with the meeting's id). */
export function voteOnChange(changeId: string, body: TVoteInput) {
  return apiFetch(`${base}/${changeId}/approvals`, { method: "POST", body });
}

export const changeMutations = {
  /**
   * Saves a new change or an edit, then submits it when asked: one step for the person, two
   * requests. Answers the change's id; a 400's field errors stay on the thrown ApiRequestError.
   */
  save: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: async ({ body, editing, submit }: TChangeSave) => {
        const saved = editing
          ? await apiFetch<{ id: string }>(`${base}/${editing.id}`, { method: "PATCH", body: { ...body, version: editing.version } })
          : await apiFetch<{ id: string }>(base, { method: "POST", body });
        if (submit) await apiFetch(`${base}/${saved.id}/submit`, { method: "POST" });
        return { id: saved.id, submitted: submit };
      },
      touched: (saved) => (saved.submitted ? changeInvalidations.decided(saved.id) : changeInvalidations.edited(saved.id)),
      success: "Change saved",
    }),
  submit: (queryClient: QueryClient, id: string) =>
    touchingMutation(queryClient, {
      mutationFn: () => apiFetch(`${base}/${id}/submit`, { method: "POST" }),
      touched: () => changeInvalidations.decided(id),
      success: "Submitted and classified",
    }),
  transition: (queryClient: QueryClient, id: string) =>
    touchingMutation(queryClient, {
      mutationFn: (body: TTransitionInput) => apiFetch(`${base}/${id}/transitions`, { method: "POST", body }),
      touched: () => changeInvalidations.decided(id),
      success: "Change updated",
    }),
  vote: (queryClient: QueryClient, id: string) =>
    touchingMutation(queryClient, {
      mutationFn: (body: TVoteInput) => voteOnChange(id, body),
      touched: () => changeInvalidations.decided(id),
      success: "Vote recorded",
    }),
};

export const useSaveChange = () => useTouchingMutation(changeMutations.save);
export const useSubmitChange = (id: string) => useTouchingMutation(changeMutations.submit, id);
export const useTransitionChange = (id: string) => useTouchingMutation(changeMutations.transition, id);
export const useVoteOnChange = (id: string) => useTouchingMutation(changeMutations.vote, id);

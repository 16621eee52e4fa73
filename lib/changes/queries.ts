"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { ApiRequestError, apiFetch } from "@/lib/api/client";
import { notificationKeys } from "@/lib/notifications/queries";
import type { TRuleReplay } from "@/lib/change-policy/rules-service";
import type { TRuleSetReplay } from "@/lib/change-policy/schemas";
import type { TChange } from "./read";

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
export type TChangeDetail = { change: TChange; conflicts: Array<{ id: string; number: number; title: string; windowStart: string | null; windowEnd: string | null }> };

export const changeKeys = {
  all: ["changes"] as const,
  list: (params: Record<string, string>) => ["changes", "list", params] as const,
  detail: (id: string) => ["changes", "detail", id] as const,
  flows: (surfaceIds: string[]) => ["changes", "flows", surfaceIds] as const,
  rules: ["rules"] as const,
  templates: ["templates"] as const,
  calendar: (from: string, to: string) => ["changes", "calendar", from, to] as const,
  meetings: ["cab", "meetings"] as const,
  meeting: (id: string) => ["cab", "meeting", id] as const,
  inbox: ["cab", "inbox"] as const,
};

export function useChangeList(params: Record<string, string>) {
  const search = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== "")).toString();
  return useQuery({
    queryKey: changeKeys.list(params),
    queryFn: () => apiFetch<{ total: number; page: number; pageSize: number; changes: TChangeListItem[] }>(`/api/v1/changes?${search}`),
    placeholderData: keepPreviousData,
  });
}

export function useChange(id: string) {
  return useQuery({ queryKey: changeKeys.detail(id), queryFn: () => apiFetch<TChangeDetail>(`/api/v1/changes/${id}`) });
}

/** A mutation that toasts its failure and refreshes every change-related query on success. */
export function useChangeMutation<TInput, TResult = unknown>(run: (input: TInput) => Promise<TResult>, success?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      if (success) toast.success(success);
      await Promise.all([queryClient.invalidateQueries({ queryKey: changeKeys.all }), queryClient.invalidateQueries({ queryKey: ["cab"] }), queryClient.invalidateQueries({ queryKey: ["rules"] }), queryClient.invalidateQueries({ queryKey: ["templates"] }), queryClient.invalidateQueries({ queryKey: notificationKeys.all })]);
    },
    onError: (error) => toast.error(error instanceof ApiRequestError ? error.describe() : error.message),
  });
}

/** Replays recent changes against a rule set under consideration; it changes nothing, so it refreshes nothing. */
export function replayRules(body: Partial<TRuleSetReplay>): Promise<TRuleReplay> {
  return apiFetch<TRuleReplay>("/api/v1/rules/replay", { method: "POST", body });
}

export function useRuleReplay() {
  return useMutation({ mutationFn: replayRules, onError: (error) => toast.error(error instanceof ApiRequestError ? error.describe() : error.message) });
}

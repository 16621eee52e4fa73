"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { accountKeys } from "./keys";
import type { TAccountSession } from "./schemas";

export const accountQueries = {
  sessions: () =>
    queryOptions({
      queryKey: accountKeys.sessions(),
      queryFn: () => apiFetch<{ sessions: TAccountSession[] }>("/api/v1/account/sessions").then((payload) => payload.sessions),
    }),
};

export function useOwnSessions() {
  return useQuery(accountQueries.sessions());
}

function useInvalidateSessions() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: accountKeys.sessions() });
}

export function useRevokeSession() {
  const invalidate = useInvalidateSessions();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ended: number }>(`/api/v1/account/sessions/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useRevokeOtherSessions() {
  const invalidate = useInvalidateSessions();
  return useMutation({
    mutationFn: () => apiFetch<{ ended: number }>("/api/v1/account/sessions", { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export { accountKeys };

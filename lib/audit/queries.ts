"use client";

import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/lib/api/client";
import type { TAuditEventView, TAuditVerification } from "./schemas";

export type TAuditFilters = { action?: string; entityType?: string; entityId?: string; actorId?: string; from?: string; to?: string };
type TAuditPage = { events: TAuditEventView[]; nextBefore: string | null };
export type { TAuditVerification };
type TCheckpointRun = { checkpoint: { seq: string; eventCount: string; headId: string | null } | null; sinkFailures: string[] };

export const auditKeys = {
  all: ["audit"] as const,
  lists: () => [...auditKeys.all, "list"] as const,
  list: (filters: TAuditFilters) => [...auditKeys.lists(), filters] as const,
};

export const AUDIT_PAGE_SIZE = 50;

export const auditQueries = {
  /** Newest first, one page at a time: each page names the id to continue before (keyset paging). */
  events: (filters: TAuditFilters) =>
    infiniteQueryOptions({
      queryKey: auditKeys.list(filters),
      queryFn: ({ pageParam }) =>
        apiFetch<TAuditPage>(`/api/v1/audit${toSearch({ ...filters, before: pageParam, limit: AUDIT_PAGE_SIZE })}`),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.nextBefore ?? undefined,
    }),
};

export const useAuditEvents = (filters: TAuditFilters) => useInfiniteQuery(auditQueries.events(filters));

/** Walks the whole chain on the server; run on demand, never cached. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => apiFetch<TAuditVerification>("/api/v1/audit/verify") });
}

/** Signs the chain's head now; the checkpoint's own audit event shows up in the list. */
export function useCreateCheckpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<TCheckpointRun>("/api/v1/audit/checkpoints", { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.lists() }),
  });
}

"use client";

// The audit domain's client queries. They live with the admin components because lib/audit is
// server-only today; move them to lib/audit/queries.ts if another area needs them.
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import type { TAuditEventView, TAuditVerification } from "@/lib/audit/schemas";
import { apiFetch, toSearch } from "@/lib/api/client";

export type TAuditFilters = { action?: string; entityType?: string; entityId?: string; actorId?: string; from?: string; to?: string };
type TAuditPage = { events: TAuditEventView[]; nextBefore: string | null };
export type { TAuditVerification };
type TCheckpointRun = { checkpoint: { seq: string; eventCount: string; headId: string | null } | null; sinkFailures: string[] };

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: TAuditFilters) => [...auditKeys.all, "list", filters] as const,
};

export const AUDIT_PAGE_SIZE = 50;

/** Newest first, one page at a time: each page names the id to continue before (keyset paging). */
export function useAuditEvents(filters: TAuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => apiFetch<TAuditPage>(`/api/v1/audit${toSearch({ ...filters, before: pageParam, limit: String(AUDIT_PAGE_SIZE) })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

/** Walks the whole chain on the server; run on demand, never cached. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => apiFetch<TAuditVerification>("/api/v1/audit/verify") });
}

/** Signs the chain's head now; the checkpoint's own audit event shows up in the list. */
export function useCreateCheckpoint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<TCheckpointRun>("/api/v1/audit/checkpoints", { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: auditKeys.all }),
  });
}

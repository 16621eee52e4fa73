"use client";

// The audit domain's client queries. They live with the admin components because lib/audit is
// server-only today; move them to lib/audit/queries.ts if another area needs them.
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import type { TAuditEventView } from "@/lib/audit/schemas";
import { apiFetch, toSearch } from "@/lib/api/client";

export type TAuditFilters = { action?: string; entityType?: string; entityId?: string; actorId?: string; from?: string; to?: string };
type TAuditPage = { events: TAuditEventView[]; nextBefore: string | null };
export type TAuditVerification = { checked: number; ok: boolean; firstBreak: { id: string; reason: "prev_hash_mismatch" | "hash_mismatch" } | null };

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

"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { auditKeys } from "@/lib/audit/queries";
import { apiFetch, toSearch } from "@/lib/api/client";
import { tokenKeys } from "./keys";
import type { TApiToken, TCreateApiToken, TCreateServiceAccount, TServiceAccount } from "./schemas";

export const tokenQueries = {
  list: (filters: { includeRevoked: boolean }) =>
    queryOptions({
      queryKey: tokenKeys.list(filters),
      queryFn: () =>
        apiFetch<{ tokens: TApiToken[] }>(
          `/api/v1/tokens${toSearch({ includeRevoked: filters.includeRevoked ? "true" : undefined })}`,
        ).then((payload) => payload.tokens),
    }),
  serviceAccounts: () =>
    queryOptions({
      queryKey: tokenKeys.serviceAccounts(),
      queryFn: () =>
        apiFetch<{ serviceAccounts: TServiceAccount[] }>("/api/v1/service-accounts").then((payload) => payload.serviceAccounts),
    }),
};

export function useApiTokens(filters: { includeRevoked: boolean }) {
  return useQuery(tokenQueries.list(filters));
}

function useInvalidateTokens() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: tokenKeys.all }), queryClient.invalidateQueries({ queryKey: auditKeys.all })]);
}

export function useCreateApiToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: (input: TCreateApiToken) =>
      apiFetch<{ token: TApiToken; plainToken: string }>("/api/v1/tokens", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export function useRevokeApiToken() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TApiToken>(`/api/v1/tokens/${id}`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export function useServiceAccounts() {
  return useQuery(tokenQueries.serviceAccounts());
}

export function useCreateServiceAccount() {
  const invalidate = useInvalidateTokens();
  return useMutation({
    mutationFn: (input: TCreateServiceAccount) => apiFetch<TServiceAccount>("/api/v1/service-accounts", { method: "POST", body: input }),
    onSuccess: invalidate,
  });
}

export { tokenKeys };

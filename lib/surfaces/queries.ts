"use client";

import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/lib/api/client";
import type {
  TComment,
  TCommentInput,
  TCreateSurface,
  TDecision,
  TKipling,
  TKiplingInput,
  TSurface,
  TSurfacePage,
  TSurfaceVersion,
  TUpdateSurface,
} from "./schemas";
import type { TReplaceOwner } from "./ownership-schemas";

export type TListFilters = Record<string, string | number | undefined>;

export const surfaceKeys = {
  all: ["surfaces"] as const,
  list: (filters: TListFilters) => ["surfaces", "list", filters] as const,
  detail: (id: string) => ["surfaces", "detail", id] as const,
  versions: (id: string) => ["surfaces", "detail", id, "versions"] as const,
  comments: (id: string) => ["surfaces", "detail", id, "comments"] as const,
  decisions: (id: string) => ["surfaces", "detail", id, "decisions"] as const,
  statements: (id: string) => ["surfaces", "detail", id, "statements"] as const,
};

/** Where the surfaces matching the list's filters download from, as CSV or JSON. */
export const surfaceExportUrl = (filters: TListFilters, format: "csv" | "json") =>
  `/api/v1/surfaces/export${toSearch({ ...filters, format })}`;

export const surfaceQueries = {
  list: (filters: TListFilters) =>
    queryOptions({
      queryKey: surfaceKeys.list(filters),
      queryFn: () => apiFetch<TSurfacePage>(`/api/v1/surfaces${toSearch(filters)}`),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) => queryOptions({ queryKey: surfaceKeys.detail(id), queryFn: () => apiFetch<TSurface>(`/api/v1/surfaces/${id}`) }),
};

export const useSurfaceList = (filters: TListFilters) => useQuery(surfaceQueries.list(filters));

export function useSurface(id: string, initialData?: TSurface) {
  return useQuery({ ...surfaceQueries.detail(id), initialData });
}

export function useSurfaceVersions(id: string) {
  return useQuery({
    queryKey: surfaceKeys.versions(id),
    queryFn: async () => (await apiFetch<{ versions: TSurfaceVersion[] }>(`/api/v1/surfaces/${id}/versions`)).versions,
  });
}

export function useComments(id: string) {
  return useQuery({
    queryKey: surfaceKeys.comments(id),
    queryFn: async () => (await apiFetch<{ comments: TComment[] }>(`/api/v1/surfaces/${id}/comments`)).comments,
  });
}

export function useDecisions(id: string) {
  return useQuery({
    queryKey: surfaceKeys.decisions(id),
    queryFn: async () => (await apiFetch<{ decisions: TDecision[] }>(`/api/v1/surfaces/${id}/decisions`)).decisions,
  });
}

export function useStatements(id: string) {
  return useQuery({
    queryKey: surfaceKeys.statements(id),
    queryFn: async () => (await apiFetch<{ statements: TKipling[] }>(`/api/v1/surfaces/${id}/statements`)).statements,
  });
}

/** Writes that answer the surface itself (with what the person may do next) rather than an id. */
const isSurface = (result: unknown): result is TSurface => typeof result === "object" && result !== null && "abilities" in result;

/** Every surface mutation refreshes the surface (and lists); the server's answer is the new state. */
function useSurfaceMutation<TInput, TResult>(id: string, mutationFn: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (result) => {
      if (isSurface(result)) queryClient.setQueryData(surfaceQueries.detail(id).queryKey, result);
      void queryClient.invalidateQueries({ queryKey: surfaceKeys.all });
    },
  });
}

export function useCreateSurface() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateSurface) => apiFetch<TSurface>("/api/v1/surfaces", { method: "POST", body: input }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surfaceKeys.all }),
  });
}

export const useUpdateSurface = (id: string) =>
  useSurfaceMutation(id, (input: TUpdateSurface) => apiFetch<TSurface>(`/api/v1/surfaces/${id}`, { method: "PUT", body: input }));
export const useReplaceOwner = (id: string) =>
  useSurfaceMutation(id, (input: TReplaceOwner) => apiFetch<TSurface>(`/api/v1/surfaces/${id}/owners`, { method: "PUT", body: input }));
export const useSubmitSurface = (id: string) =>
  useSurfaceMutation(id, () => apiFetch<TSurface>(`/api/v1/surfaces/${id}/submit`, { method: "POST" }));
export const useSignOff = (id: string) =>
  useSurfaceMutation(id, (version: number) => apiFetch<TSurface>(`/api/v1/surfaces/${id}/signoffs`, { method: "POST", body: { version } }));
export const useWithdrawSignOff = (id: string) =>
  useSurfaceMutation(id, () => apiFetch<TSurface>(`/api/v1/surfaces/${id}/signoffs`, { method: "DELETE" }));
export const useDeleteSurface = (id: string) =>
  useSurfaceMutation(id, () => apiFetch<{ deleted: true }>(`/api/v1/surfaces/${id}`, { method: "DELETE" }));
export const useAddDelegate = (id: string) =>
  useSurfaceMutation(id, (userId: string) =>
    apiFetch<{ id: string }>(`/api/v1/surfaces/${id}/delegates`, { method: "POST", body: { userId } }),
  );
export const useRemoveDelegate = (id: string) =>
  useSurfaceMutation(id, (delegateId: string) =>
    apiFetch<{ deleted: true }>(`/api/v1/surfaces/${id}/delegates/${delegateId}`, { method: "DELETE" }),
  );
export const useAddComment = (id: string) =>
  useSurfaceMutation(id, (input: TCommentInput) =>
    apiFetch<{ id: string }>(`/api/v1/surfaces/${id}/comments`, { method: "POST", body: input }),
  );
export const useResolveComment = (id: string) =>
  useSurfaceMutation(id, ({ commentId, resolved }: { commentId: string; resolved: boolean }) =>
    apiFetch<{ id: string }>(`/api/v1/surfaces/${id}/comments/${commentId}`, { method: "PATCH", body: { resolved } }),
  );
export const useRecordDecision = (id: string) =>
  useSurfaceMutation(id, (text: string) =>
    apiFetch<{ id: string }>(`/api/v1/surfaces/${id}/decisions`, { method: "POST", body: { text } }),
  );
export const useSaveStatement = (id: string) =>
  useSurfaceMutation(id, ({ statementId, input }: { statementId?: string; input: TKiplingInput }) =>
    apiFetch<TKipling>(statementId ? `/api/v1/surfaces/${id}/statements/${statementId}` : `/api/v1/surfaces/${id}/statements`, {
      method: statementId ? "PUT" : "POST",
      body: input,
    }),
  );
export const useDeleteStatement = (id: string) =>
  useSurfaceMutation(id, (statementId: string) =>
    apiFetch<{ deleted: true }>(`/api/v1/surfaces/${id}/statements/${statementId}`, { method: "DELETE" }),
  );

export function useImportSurfaces() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (surfaces: unknown[]) =>
      apiFetch<{ imported: number; ids: string[] }>("/api/v1/surfaces/import", { method: "POST", body: { surfaces } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: surfaceKeys.all }),
  });
}

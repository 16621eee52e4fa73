"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, toSearch } from "@/lib/api/client";
import { mapKeys } from "@/lib/maps/queries";
import { changeKeys } from "@/lib/changes/keys";
import type { TAttachGhosts, TAttachResult, TDiscoveryImport, TProposeGhosts, TReconciliationResponse, TCsvMappingRecord } from "./schemas";

export const discoveryKeys = {
  all: ["discovery"] as const,
  imports: (surfaceId?: string) => ["discovery", "imports", surfaceId ?? "all"] as const,
  import: (id: string) => ["discovery", "import", id] as const,
  overlay: (surfaceId: string) => ["discovery", "overlay", surfaceId] as const,
  csvMapping: (source: string) => ["discovery", "csv-mapping", source] as const,
  drafts: (surfaceId: string) => ["discovery", "drafts", surfaceId] as const,
};

/** The caller's draft changes of a surface, where observed flows can be added. */
export const draftsForGhostsQuery = (surfaceId: string) =>
  queryOptions({
    queryKey: discoveryKeys.drafts(surfaceId),
    queryFn: () => apiFetch<Array<{ id: string; number: number; title: string }>>(`/api/v1/surfaces/${surfaceId}/discovery/attach`),
  });

export function useDraftsForGhosts(surfaceId: string, enabled: boolean) {
  return useQuery({ ...draftsForGhostsQuery(surfaceId), enabled });
}

/** Adds picked ghost edges to a draft change (or a new one); the change's lists and page show it. */
export function useAttachGhosts(surfaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TAttachGhosts) =>
      apiFetch<TAttachResult>(`/api/v1/surfaces/${surfaceId}/discovery/attach`, { method: "POST", body: input }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: discoveryKeys.drafts(surfaceId) });
      void queryClient.invalidateQueries({ queryKey: changeKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: changeKeys.detail(result.changeId) });
    },
  });
}

export const importsQuery = (surfaceId?: string) =>
  queryOptions({
    queryKey: discoveryKeys.imports(surfaceId),
    queryFn: () => apiFetch<TDiscoveryImport[]>(`/api/v1/discovery/imports${toSearch({ surfaceId, limit: "100" })}`),
  });

export const overlayQuery = (surfaceId: string) =>
  queryOptions({
    queryKey: discoveryKeys.overlay(surfaceId),
    queryFn: () => apiFetch<TReconciliationResponse>(`/api/v1/surfaces/${surfaceId}/discovery/overlay`),
  });

export function useImports(surfaceId?: string) {
  return useQuery(importsQuery(surfaceId));
}

export function useOverlay(surfaceId: string, enabled: boolean) {
  return useQuery({ ...overlayQuery(surfaceId), enabled });
}

/**
 * A running import's counters, polled while it runs (the upload's own progress gives the bytes
 * sooner). Read from the surface's newest imports: the import's row exists only once the server has
 * started reading the upload, and a poll that comes first is not an error.
 */
export function useImportProgress(id: string | null, surfaceId: string) {
  return useQuery({
    queryKey: discoveryKeys.import(id ?? "none"),
    queryFn: async () =>
      (await apiFetch<TDiscoveryImport[]>(`/api/v1/discovery/imports${toSearch({ surfaceId, limit: "10" })}`)).find(
        (row) => row.id === id,
      ) ?? null,
    enabled: id !== null,
    retry: false,
    refetchInterval: (query) => (query.state.data && query.state.data.status !== "RUNNING" ? false : 500),
  });
}

export function useUndoImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TDiscoveryImport>(`/api/v1/discovery/imports/${id}/undo`, { method: "POST" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: discoveryKeys.all }),
  });
}

export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<TDiscoveryImport>(`/api/v1/discovery/imports/${id}/cancel`, { method: "POST" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: discoveryKeys.all }),
  });
}

export function useProposeGhosts(surfaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TProposeGhosts) =>
      apiFetch<{ proposed: number; mapVersion: number; edgeIds: string[] }>(`/api/v1/surfaces/${surfaceId}/discovery/propose`, {
        method: "POST",
        body: input,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: discoveryKeys.overlay(surfaceId) });
      void queryClient.invalidateQueries({ queryKey: mapKeys.map(surfaceId) });
    },
  });
}

export function useCsvMapping(source: string, enabled: boolean) {
  return useQuery({
    queryKey: discoveryKeys.csvMapping(source),
    queryFn: () => apiFetch<TCsvMappingRecord>(`/api/v1/discovery/csv-mappings/${encodeURIComponent(source)}`),
    enabled: enabled && source.trim() !== "",
  });
}

export function useSaveCsvMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ source, mapping }: { source: string; mapping: Record<string, unknown> }) =>
      apiFetch<TCsvMappingRecord>(`/api/v1/discovery/csv-mappings/${encodeURIComponent(source)}`, { method: "PUT", body: { mapping } }),
    onSuccess: (saved) => queryClient.setQueryData(discoveryKeys.csvMapping(saved.sourceName), saved),
  });
}

export type TUploadOptions = {
  surfaceId: string;
  file: File;
  format: string;
  source: string;
  strict: boolean;
  fields?: string;
  importId: string;
};

/**
 * Sends the file as the request body (streamed by the browser, never read into a string) with
 * upload progress; XMLHttpRequest because fetch reports no upload progress.
 */
export function uploadFlowLog(
  options: TUploadOptions,
  onBytes: (sent: number, total: number) => void,
): { done: Promise<TDiscoveryImport>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const search = toSearch({
    format: options.format,
    source: options.source,
    strict: String(options.strict),
    importId: options.importId,
    fields: options.fields || undefined,
  });
  const done = new Promise<TDiscoveryImport>((resolve, reject) => {
    xhr.upload.onprogress = (event) => onBytes(event.loaded, event.lengthComputable ? event.total : options.file.size);
    xhr.onload = () => {
      const payload = JSON.parse(xhr.responseText || "null") as (TDiscoveryImport & { error?: { message: string } }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && payload) resolve(payload);
      else reject(new Error(payload?.error?.message ?? `The server answered ${xhr.status}.`));
    };
    xhr.onerror = () => reject(new Error("The upload failed."));
    xhr.onabort = () => reject(new Error("The import was cancelled."));
  });
  xhr.open("POST", `/api/v1/surfaces/${options.surfaceId}/discovery/imports${search}`);
  xhr.setRequestHeader("content-type", "application/octet-stream");
  xhr.send(options.file);
  return { done, abort: () => xhr.abort() };
}

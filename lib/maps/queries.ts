"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiRequestError, apiFetch } from "@/lib/api/client";
import { applyEditResult } from "./canvas/query-cache";
import type { TFlowMap, TMapEditResult, TMapEvent, TMapImportMode, TMapOperation } from "./model/schemas";

const base = (surfaceId: string) => `/api/v1/surfaces/${surfaceId}/map`;

export const mapKeys = {
  all: ["maps"] as const,
  map: (surfaceId: string) => ["maps", surfaceId, "live"] as const,
  at: (surfaceId: string, version: number) => ["maps", surfaceId, "at", version] as const,
  history: (surfaceId: string) => ["maps", surfaceId, "history"] as const,
};

export function useFlowMap(surfaceId: string, initialData: TFlowMap) {
  return useQuery({
    queryKey: mapKeys.map(surfaceId),
    queryFn: () => apiFetch<TFlowMap>(base(surfaceId)),
    initialData,
    staleTime: Infinity,
  });
}

/** A surface's current map where no page handed it over (a change's diff, the CAB). */
export function useSurfaceMap(surfaceId: string) {
  return useQuery({ queryKey: mapKeys.map(surfaceId), queryFn: () => apiFetch<TFlowMap>(base(surfaceId)) });
}

export function useFlowMapAt(surfaceId: string, version: number | null) {
  return useQuery({
    queryKey: mapKeys.at(surfaceId, version ?? -1),
    queryFn: () => apiFetch<TFlowMap>(`${base(surfaceId)}?atVersion=${version}`),
    enabled: version !== null,
    staleTime: Infinity,
  });
}

export function useMapHistory(surfaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: mapKeys.history(surfaceId),
    queryFn: () => apiFetch<{ version: number; events: TMapEvent[] }>(`${base(surfaceId)}/history?limit=300`),
    enabled,
  });
}

export type TMapEdit = { operations: TMapOperation[]; reason: "edit" | "paste" | "layout" | "undo" | "redo" | "move" };

/**
 * Every change on the canvas saves through here at once. The map editor's store puts the result into
 * the cached map (it is the one writer of it); the live stream then confirms the edit for everyone.
 */
export function useMapEdit(surfaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: TMapEdit) => apiFetch<TMapEditResult>(`${base(surfaceId)}/batch`, { method: "POST", body: edit }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: mapKeys.history(surfaceId) }),
  });
}

export function useMapImport(surfaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ document, mode }: { document: unknown; mode: TMapImportMode }) =>
      apiFetch<TMapEditResult>(`${base(surfaceId)}/import?mode=${mode}`, { method: "POST", body: document }),
    onSuccess: (result) => {
      queryClient.setQueryData<TFlowMap>(mapKeys.map(surfaceId), (map) => (map ? applyEditResult(map, result) : map));
      void queryClient.invalidateQueries({ queryKey: mapKeys.history(surfaceId) });
    },
  });
}

export function sendPresence(surfaceId: string, body: { connectionId: string; editing: string | null; state?: "here" | "left" }): void {
  void fetch(`${base(surfaceId)}/presence`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    keepalive: true,
  }).catch(() => undefined);
}

/** Field errors of a failed edit keyed by field name ("operations.0.patch.ports" → "ports"). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiRequestError) || error.fields.length === 0) return {};
  return Object.fromEntries(
    error.fields.map((field) => [field.path.split(".").slice(3).join(".") || field.path.split(".").at(-1) || field.path, field.message]),
  );
}

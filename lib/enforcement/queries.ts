"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { mapKeys } from "@/lib/maps/queries";
import type { TMapEditResult } from "@/lib/maps/model/schemas";
import { enforcementKeys } from "./keys";
import type { TChangePolicyPreview, TDriftReportResponse, TDriftRequest } from "./schemas";

const base = (surfaceId: string) => `/api/v1/surfaces/${surfaceId}/policy`;

/** Comparing deployed policy writes nothing, so nothing is invalidated. */
export function usePolicyDriftCheck(surfaceId: string) {
  return useMutation({
    mutationFn: (request: TDriftRequest) => apiFetch<TDriftReportResponse>(`${base(surfaceId)}/drift`, { method: "POST", body: request }),
  });
}

/** Importing deployed policy adds PROPOSED flows: the map is what changed. */
export function usePolicyBootstrap(surfaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (policy: string) =>
      apiFetch<TMapEditResult & { skipped: string[] }>(`${base(surfaceId)}/bootstrap`, { method: "POST", body: { policy } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mapKeys.map(surfaceId) }),
  });
}

export const enforcementQueries = {
  changePolicy: (changeId: string) =>
    queryOptions({
      queryKey: enforcementKeys.changePolicy(changeId),
      queryFn: () => apiFetch<TChangePolicyPreview>(`/api/v1/changes/${changeId}/policy`),
    }),
};

/** The before/after policy and observed-traffic impact of a change. */
export const useChangePolicyPreview = (changeId: string) => useQuery(enforcementQueries.changePolicy(changeId));

"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { kpiKeys } from "./keys";
import type { TCreateKpi, TKpi, TKpiReadingInput } from "./schemas";

export const kpiQueries = {
  list: () => queryOptions({ queryKey: kpiKeys.all, queryFn: async () => (await apiFetch<{ kpis: TKpi[] }>("/api/v1/metrics")).kpis }),
};

export function useKpis(initialData: TKpi[]) {
  return useQuery({ ...kpiQueries.list(), initialData });
}

export function useCreateKpi() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateKpi) => apiFetch<TKpi>("/api/v1/metrics", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export function useRecordReading() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, input }: { key: string; input: TKpiReadingInput }) =>
      apiFetch(`/api/v1/metrics/${encodeURIComponent(key)}`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

/** Puts a metric among the dashboard's headline cards or back into the table. */
export function useSetHeadline() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, headline }: { key: string; headline: boolean }) =>
      apiFetch<{ key: string; headline: boolean }>(`/api/v1/dashboard/headlines/${encodeURIComponent(key)}`, {
        method: "PUT",
        body: { headline },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: kpiKeys.all }),
  });
}

export { kpiKeys };

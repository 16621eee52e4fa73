"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { maturityKeys } from "./keys";
import type { TAssessmentDetail, TAssessmentSummary, TCreateAssessment, TMaturityScore, TUpdateScore } from "./schemas";

export const maturityQueries = {
  assessment: (id: string) =>
    queryOptions({
      queryKey: maturityKeys.assessment(id),
      queryFn: () => apiFetch<TAssessmentDetail>(`/api/v1/maturity/assessments/${id}`),
    }),
};

export function useAssessment(id: string, initialData: TAssessmentDetail) {
  return useQuery({ ...maturityQueries.assessment(id), initialData });
}

export function useUpdateScore(assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ functionKey, input }: { functionKey: string; input: TUpdateScore }) =>
      apiFetch<TMaturityScore>(`/api/v1/maturity/assessments/${assessmentId}/scores/${encodeURIComponent(functionKey)}`, {
        method: "PUT",
        body: input,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: maturityKeys.all }),
  });
}

export function useCreateAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateAssessment) => apiFetch<TAssessmentSummary>("/api/v1/maturity/assessments", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: maturityKeys.all }),
  });
}

export { maturityKeys };

"use client";

import { useMutation } from "@tanstack/react-query";
import { apiJson } from "@/lib/metrics/api-client";
import type { TCreateObjective } from "./schemas";

export function useCreateObjective() {
  return useMutation({
    mutationFn: (input: TCreateObjective) => apiJson<{ id: string }>("/api/v1/dashboard/objectives", { method: "POST", body: input }),
  });
}

"use client";

import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import type { TCreateObjective } from "./schemas";

export function useCreateObjective() {
  return useMutation({
    mutationFn: (input: TCreateObjective) => apiFetch<{ id: string }>("/api/v1/dashboard/objectives", { method: "POST", body: input }),
  });
}

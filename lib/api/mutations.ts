"use client";

import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "./client";

/** The query keys a write touched, from its answer and what was sent. */
export type TTouched<TInput, TResult> = (result: TResult, input: TInput) => QueryKey[];

/**
 * A mutation that toasts its failure and, on success, its message and a refresh of exactly the
 * queries it touched: each domain's query module lists those, so no write refreshes the world.
 */
export function useTouchingMutation<TInput, TResult>(run: (input: TInput) => Promise<TResult>, touched: TTouched<TInput, TResult>, success?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async (result, input) => {
      if (success) toast.success(success);
      await invalidateAll(queryClient, touched(result, input));
    },
    onError: (error) => toast.error(describeError(error)),
  });
}

/** Refreshes every query under each of the keys. */
export async function invalidateAll(queryClient: ReturnType<typeof useQueryClient>, keys: QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

"use client";

import { mutationOptions, useMutation, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { toast } from "sonner";
import { describeError } from "./client";

/** A write: what it sends, the query keys it touched (from its answer and its input), and what to say when it worked. */
export type TWrite<TInput, TResult> = {
  mutationFn: (input: TInput) => Promise<TResult>;
  touched: (result: TResult, input: TInput) => QueryKey[];
  success?: string;
};

/**
 * Mutation options that toast a failure and, on success, the message and a refresh of exactly the
 * queries the write touched: each domain's query module lists those, so no write refreshes the
 * world. Plain options (no React), so that tests run them with a QueryClient and a MutationObserver.
 */
export function touchingMutation<TInput, TResult>(queryClient: QueryClient, write: TWrite<TInput, TResult>) {
  return mutationOptions<TResult, Error, TInput>({
    mutationFn: write.mutationFn,
    onSuccess: async (result, input) => {
      if (write.success) toast.success(write.success);
      await invalidateAll(queryClient, write.touched(result, input));
    },
    onError: (error) => toast.error(describeError(error)),
  });
}

/** The hook for a domain's mutation factory: `useTouchingMutation(changeMutations.submit, id)`. */
export function useTouchingMutation<TArgs extends unknown[], TInput, TResult>(
  factory: (queryClient: QueryClient, ...args: TArgs) => ReturnType<typeof touchingMutation<TInput, TResult>>,
  ...args: TArgs
) {
  const queryClient = useQueryClient();
  return useMutation(factory(queryClient, ...args));
}

/** Refreshes every query under each of the keys. */
export async function invalidateAll(queryClient: QueryClient, keys: QueryKey[]): Promise<void> {
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

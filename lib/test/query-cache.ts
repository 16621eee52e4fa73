import { MutationObserver, QueryClient, type QueryKey } from "@tanstack/react-query";
import { vi } from "vitest";
import type { touchingMutation } from "@/lib/api/mutations";

/** One cached query of every family the app has, so a test sees exactly which ones a write refreshes. */
export const EVERY_FAMILY: Record<string, QueryKey> = {
  changeList: ["changes", "list", {}],
  changeListFiltered: ["changes", "list", { state: "DRAFT" }],
  changeA: ["changes", "detail", "change-a"],
  changeB: ["changes", "detail", "change-b"],
  calendar: ["changes", "calendar", "2026-12-01", "2027-01-04"],
  pickableFlows: ["changes", "pickable-flows", ["surface-1"]],
  meetingList: ["cab", "list", "meetings"],
  meeting1: ["cab", "detail", "meeting-1"],
  meeting2: ["cab", "detail", "meeting-2"],
  inbox: ["cab", "inbox"],
  rules: ["rules", "list", "board"],
  replayWithout: ["rules", "replay", "without", "rule-1"],
  templates: ["templates", "list", "catalog"],
  notifications: ["notifications", "mine"],
  surfaces: ["surfaces", "list", {}],
  map: ["maps", "surface-1", "live"],
};

/** A client holding one fresh entry per family; nothing observes them, so invalidating fetches nothing. */
export function seededQueryClient(): QueryClient {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  for (const key of Object.values(EVERY_FAMILY)) queryClient.setQueryData(key, { seeded: true });
  return queryClient;
}

/** The names (of EVERY_FAMILY) of the entries marked stale, sorted. */
export function invalidatedFamilies(queryClient: QueryClient): string[] {
  return Object.entries(EVERY_FAMILY)
    .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
    .map(([name]) => name)
    .sort();
}

export type TRequest = { url: string; method: string; body: unknown };

/** Answers every request with `answer` (status 200 unless given) and records what was asked. */
export function stubApi(answer: unknown = {}, status = 200): TRequest[] {
  const requests: TRequest[] = [];
  vi.stubGlobal("fetch", async (url: string, init?: RequestInit) => {
    requests.push({ url, method: init?.method ?? "GET", body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return new Response(JSON.stringify(answer), { status, headers: { "content-type": "application/json" } });
  });
  return requests;
}

/** Runs a mutation built by a domain's factory, outside React, as a component's hook would. */
export async function runMutation<TInput, TResult>(
  queryClient: QueryClient,
  options: ReturnType<typeof touchingMutation<TInput, TResult>>,
  input: TInput,
): Promise<TResult> {
  return new MutationObserver(queryClient, options).mutate(input);
}

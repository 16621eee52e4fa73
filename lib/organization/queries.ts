"use client";

import { queryOptions, useQuery, type QueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api/client";
import { touchingMutation, useTouchingMutation } from "@/lib/api/mutations";
import { cabKeys } from "@/lib/cab/keys";
import { organizationKeys } from "./keys";
import type { TOrganizationSettings } from "./schemas";

const url = "/api/v1/organization";

export const organizationQueries = {
  settings: () => queryOptions({ queryKey: organizationKeys.settings(), queryFn: () => apiFetch<TOrganizationSettings>(url) }),
};

export const useOrganizationSettings = () => useQuery(organizationQueries.settings());

export const organizationMutations = {
  /** Meetings show their times in the zone, so they are read again too. */
  update: (queryClient: QueryClient) =>
    touchingMutation(queryClient, {
      mutationFn: (body: TOrganizationSettings) => apiFetch<TOrganizationSettings>(url, { method: "PUT", body }),
      touched: () => [organizationKeys.all, cabKeys.all],
      success: "Time zone saved",
    }),
};

export const useUpdateOrganizationSettings = () => useTouchingMutation(organizationMutations.update);

"use client";

import { queryOptions, useMutation, useQuery, useQueryClient, keepPreviousData } from "@tanstack/react-query";
import { auditKeys } from "@/lib/audit/queries";
import { apiFetch, toSearch } from "@/lib/api/client";
import { userKeys } from "./keys";
import type { TCreateUser, TUpdateUser, TUser, TUserListQuery } from "./schemas";

export const userQueries = {
  list: (filters: TUserListQuery) =>
    queryOptions({
      queryKey: userKeys.list(filters),
      queryFn: () => apiFetch<{ users: TUser[] }>(`/api/v1/users${toSearch(filters)}`).then((payload) => payload.users),
      placeholderData: keepPreviousData,
    }),
};

export function useUsers(filters: TUserListQuery) {
  return useQuery(userQueries.list(filters));
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: userKeys.all }), queryClient.invalidateQueries({ queryKey: auditKeys.all })]);
}

/** The form's password input is a string; empty means "invite with a one-time password". */
export type TCreateUserInput = Omit<TCreateUser, "password"> & { password?: string };

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (input: TCreateUserInput) =>
      apiFetch<{ user: TUser; temporaryPassword: string | null }>("/api/v1/users", {
        method: "POST",
        body: { ...input, password: input.password || undefined },
      }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: TUpdateUser }) =>
      apiFetch<TUser>(`/api/v1/users/${id}`, { method: "PATCH", body: changes }),
    onSuccess: invalidate,
  });
}

export function useSetUserStatus() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: TUser["status"] }) =>
      apiFetch<TUser>(`/api/v1/users/${id}/status`, { method: "PUT", body: { status } }),
    onSuccess: invalidate,
  });
}

export function useEndUserSessions() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => apiFetch<{ ended: number }>(`/api/v1/users/${id}/sessions`, { method: "DELETE" }),
    onSuccess: invalidate,
  });
}

export { userKeys };

"use client";

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { apiFetch, describeError } from "@/lib/api/client";
import { notificationKeys } from "./keys";
import type { TNotification } from "./service";

export { notificationKeys } from "./keys";

export type TNotificationList = { unread: number; notifications: TNotification[] };

/** Often enough that a vote request shows up during a meeting, rarely enough to cost nothing. */
const REFRESH_MS = 30_000;

export const notificationQueries = {
  mine: () =>
    queryOptions({
      queryKey: notificationKeys.mine(),
      queryFn: () => apiFetch<TNotificationList>("/api/v1/notifications"),
      refetchInterval: REFRESH_MS,
    }),
};

export function useMyNotifications() {
  return useQuery(notificationQueries.mine());
}

/** Marks the given notifications read, or all of them without ids; the list shows it at once. */
export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | undefined) => apiFetch<{ updated: number }>("/api/v1/notifications", { method: "POST", body: { ids } }),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.mine() });
      const readAt = new Date().toISOString();
      queryClient.setQueryData(notificationQueries.mine().queryKey, (list) => {
        if (!list) return list;
        const notifications = list.notifications.map((item) =>
          item.readAt === null && (!ids || ids.includes(item.id)) ? { ...item, readAt } : item,
        );
        return {
          notifications,
          unread: ids
            ? Math.max(0, list.unread - list.notifications.filter((item) => item.readAt === null && ids.includes(item.id)).length)
            : 0,
        };
      });
    },
    onError: (error) => toast.error(describeError(error)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

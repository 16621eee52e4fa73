"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { apiFetch } from "@/lib/api/client";
import { useChangeMutation } from "@/lib/changes/queries";

type TNotifications = { unread: number; notifications: Array<{ id: string; title: string; body: string; link: string | null; readAt: string | null; createdAt: string }> };

const notificationKey = ["changes", "notifications"] as const;

/** The signed-in person's unread change and rule notifications, newest first. */
export function NotificationsPanel() {
  const query = useQuery({ queryKey: notificationKey, queryFn: () => apiFetch<TNotifications>("/api/v1/notifications?unread=true"), refetchInterval: 30_000 });
  const markRead = useChangeMutation((ids: string[] | undefined) => apiFetch("/api/v1/notifications", { method: "POST", body: { ids } }));
  if (query.isPending || query.isError || query.data.notifications.length === 0) return null;
  return (
    <Card className="mb-4" role="region" aria-label="Notifications">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="font-semibold">Notifications <span className="text-sm font-normal text-muted">({query.data.unread} unread)</span></h2>
        <Button size="sm" variant="ghost" onClick={() => markRead.mutate(undefined)} disabled={markRead.isPending}>Mark all read</Button>
      </div>
      <ul className="grid gap-1 text-sm" aria-label="Unread notifications">
        {query.data.notifications.slice(0, 5).map((notification) => (
          <li key={notification.id} className="flex flex-wrap items-baseline justify-between gap-2">
            <span>
              {notification.link ? (
                <Link className="text-accent hover:underline" href={notification.link} onClick={() => markRead.mutate([notification.id])}>{notification.title}</Link>
              ) : notification.title}
              {notification.body && <span className="text-muted"> — {notification.body}</span>}
            </span>
            <span className="text-xs text-muted">{new Date(notification.createdAt).toLocaleString()}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

"use client";

import { Popover } from "radix-ui";
import { Bell } from "lucide-react";
import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import { Button } from "@/components/ui/button";
import { QueryStates } from "@/components/ui/query-state";
import { useMarkNotificationsRead, useMyNotifications } from "@/lib/notifications/queries";
import { cn } from "@/lib/ui/cn";

/** The bell in the header: what needs the person's attention, on every page. */
export function NotificationBell() {
  const query = useMyNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = query.data?.unread ?? 0;
  const label = unread === 0 ? "Notifications, none unread" : `Notifications, ${unread} unread`;
  return (
    <Popover.Root>
      <Popover.Trigger className="relative rounded-md p-2 text-muted hover:bg-surface-2 hover:text-fg" aria-label={label}>
        <Bell aria-hidden className="h-5 w-5" />
        {unread > 0 && (
          <span
            aria-hidden
            className="absolute right-0.5 top-0.5 min-w-4 rounded-full bg-danger px-1 text-center text-[10px] font-semibold leading-4 text-white"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={6}
          className="z-50 w-96 max-w-[calc(100vw-1rem)] rounded-md border border-border bg-surface p-3 text-fg shadow-lg"
          aria-label="Notifications"
        >
          <div className="mb-2 flex items-center justify-between gap-2">
            <h2 className="font-semibold">
              Notifications <span className="text-sm font-normal text-muted">({unread} unread)</span>
            </h2>
            <Button size="sm" variant="ghost" onClick={() => markRead.mutate(undefined)} disabled={unread === 0 || markRead.isPending}>
              Mark all read
            </Button>
          </div>
          <QueryStates query={query} loading="Loading notifications…" failed="Notifications could not be loaded">
            {(loaded) =>
              loaded.notifications.length === 0 ? (
                <p className="py-6 text-center text-sm text-muted">
                  Nothing yet. Submissions, votes and decisions on your changes show up here.
                </p>
              ) : (
                <ul className="max-h-96 divide-y divide-border overflow-y-auto text-sm" aria-label="Recent notifications">
                  {loaded.notifications.map((notification) => (
                    <li
                      key={notification.id}
                      className={cn("flex items-start gap-2 py-2", notification.readAt && "opacity-70")}
                      data-unread={notification.readAt === null}
                    >
                      <span
                        aria-hidden
                        className={cn("mt-1.5 h-2 w-2 shrink-0 rounded-full", notification.readAt ? "bg-transparent" : "bg-accent")}
                      />
                      <span className="min-w-0 flex-1">
                        {notification.link ? (
                          <Popover.Close asChild>
                            <Link
                              className="font-medium text-accent hover:underline"
                              href={notification.link}
                              onClick={() => notification.readAt === null && markRead.mutate([notification.id])}
                            >
                              {notification.title}
                            </Link>
                          </Popover.Close>
                        ) : (
                          <span className="font-medium">{notification.title}</span>
                        )}
                        {notification.readAt === null && <span className="sr-only"> (unread)</span>}
                        {notification.body && <span className="block text-muted">{notification.body}</span>}
                        <time className="block text-xs text-muted" dateTime={notification.createdAt}>
                          {formatDistanceToNow(new Date(notification.createdAt), { addSuffix: true })}
                        </time>
                      </span>
                      {notification.readAt === null && (
                        <Button
                          size="sm"
                          variant="ghost"
                          onClick={() => markRead.mutate([notification.id])}
                          aria-label={`Mark "${notification.title}" read`}
                        >
                          Read
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              )
            }
          </QueryStates>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

import "server-only";
import { db, type TTx } from "@/lib/db";
import { type TActorContext, requireSignedIn } from "@/lib/auth/actor";

export const NOTIFICATION_TYPES = [
  "change.submitted",
  "change.needs_vote",
  "change.needs_info",
  "change.approved",
  "change.rejected",
  "change.scheduled",
  "change.failed",
  "rule.needs_approval",
  "rule.activated",
  "surface.owner_replaced",
  "surface.signoff_needed",
  "surface.reopened",
  "template.suspended",
  "template.retirement_proposed",
  "template.retired",
] as const;
export type TNotificationType = (typeof NOTIFICATION_TYPES)[number];

export type TNotificationInput = { type: TNotificationType; title: string; body?: string; link?: string };

/** Writes in-app notifications inside the caller's transaction, so they exist exactly when the event does. */
export async function notify(tx: TTx, userIds: Iterable<string>, notification: TNotificationInput): Promise<void> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return;
  await tx.notification.createMany({
    data: recipients.map((userId) => ({
      userId,
      type: notification.type,
      title: notification.title,
      body: notification.body ?? "",
      link: notification.link ?? null,
    })),
  });
}

export type TNotification = {
  id: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
};

export async function listMyNotifications(
  context: TActorContext,
  { unreadOnly = false }: { unreadOnly?: boolean } = {},
): Promise<{ notifications: TNotification[]; unread: number }> {
  const userId = requireSignedIn(context).id;
  const [rows, unread] = await Promise.all([
    db.notification.findMany({ where: { userId, readAt: unreadOnly ? null : undefined }, orderBy: { createdAt: "desc" }, take: 50 }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    unread,
    notifications: rows.map((row) => ({ ...row, readAt: row.readAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() })),
  };
}

/** Marks the caller's own notifications read (all of them when no ids are given). Not audited: it is personal state. */
export async function markNotificationsRead(context: TActorContext, ids: string[] | undefined): Promise<{ updated: number }> {
  const userId = requireSignedIn(context).id;
  const result = await db.notification.updateMany({
    where: { userId, readAt: null, id: ids ? { in: ids } : undefined },
    data: { readAt: new Date() },
  });
  return { updated: result.count };
}

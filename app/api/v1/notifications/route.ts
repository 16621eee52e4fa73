import { apiRoute } from "@/lib/api/route";
import { ZMarkNotificationsRead, ZNotificationsQuery } from "@/lib/notifications/schemas";
import { listMyNotifications, markNotificationsRead } from "@/lib/notifications/service";

export const GET = apiRoute({ permission: "dashboard.read", query: ZNotificationsQuery }, async ({ context, query }) =>
  listMyNotifications(context, { unreadOnly: query.unread === "true" }),
);

export const POST = apiRoute({ permission: "dashboard.read", body: ZMarkNotificationsRead }, async ({ context, body }) =>
  markNotificationsRead(context, body.ids),
);

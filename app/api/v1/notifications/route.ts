import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { listMyNotifications, markNotificationsRead } from "@/lib/notifications/service";

export const GET = apiRoute({ permission: "dashboard.read", query: z.object({ unread: z.enum(["true", "false"]).optional() }) }, async ({ context, query }) =>
  listMyNotifications(context, query.unread === "true"),
);

export const POST = apiRoute({ permission: "dashboard.read", body: z.object({ ids: z.array(z.uuid()).max(200).optional() }) }, async ({ context, body }) =>
  markNotificationsRead(context, body.ids),
);

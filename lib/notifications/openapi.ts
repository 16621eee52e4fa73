import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZMarkNotificationsRead, ZNotificationsQuery } from "./schemas";

const tag = "Notifications";

const ZNotification = z
  .object({
    id: z.uuid(),
    type: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Notification" });

/** The caller's own in-app notifications (the bell). */
export const notificationPaths: ZodOpenApiPathsObject = {
  "/api/v1/notifications": {
    get: operation({
      summary: "The caller's latest notifications and unread count",
      tag,
      permission: "dashboard.read",
      query: ZNotificationsQuery,
      response: z.object({ notifications: z.array(ZNotification), unread: z.number().int() }),
    }),
    post: operation({
      summary: "Mark the caller's notifications read (all of them without ids)",
      tag,
      permission: "dashboard.read",
      body: ZMarkNotificationsRead,
      response: z.object({ updated: z.number().int() }),
    }),
  },
};

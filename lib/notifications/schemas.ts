import { z } from "zod";

export const ZNotificationsQuery = z.object({ unread: z.enum(["true", "false"]).optional() });

/** No ids: every unread notification of the caller. */
export const ZMarkNotificationsRead = z.object({ ids: z.array(z.uuid()).max(200).optional() }).meta({ id: "MarkNotificationsRead" });

import { z } from "zod";

export const ZSessionIdParams = z.object({ id: z.uuid("must be a session id") });

export const ZAccountSession = z
  .object({
    id: z.string(),
    /** The session this request was made with. */
    current: z.boolean(),
    device: z.object({ label: z.string(), type: z.enum(["desktop", "mobile", "tablet", "tv", "unknown"]) }),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: "AccountSession" });
export type TAccountSession = z.infer<typeof ZAccountSession>;

export const ZAccountSessions = z.object({ sessions: z.array(ZAccountSession) }).meta({ id: "AccountSessions" });

export const ZSessionsEnded = z.object({ ended: z.number().int() }).meta({ id: "SessionsEnded" });

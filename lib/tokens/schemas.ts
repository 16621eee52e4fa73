import { z } from "zod";
import { ZId } from "@/lib/users/schemas";

export const ZApiToken = z
  .object({
    id: ZId,
    name: z.string(),
    userId: ZId,
    userName: z.string(),
    userEmail: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreateApiToken = z
  .object({
    userId: ZId,
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
  })
  .meta({ id: "CreateApiToken" });
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

export const ZApiTokenListQuery = z.object({
  userId: ZId.optional(),
  /** "true" lists revoked tokens too; by default only live ones. */
  includeRevoked: z.enum(["true", "false"]).optional(),
});
export type TApiTokenListQuery = z.infer<typeof ZApiTokenListQuery>;

export const ZCreatedApiToken = z
  .object({
    token: ZApiToken,
    /** The bearer secret. Only its hash is stored: this is the one time it can be read. */
    plainToken: z.string(),
  })
  .meta({ id: "CreatedApiToken" });

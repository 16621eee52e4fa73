import { z } from "zod";
import { ZId } from "@/lib/users/schemas";

export const ZApiToken = z
  .object({
    id: ZId,
    name: z.string(),
    /** Whom the token acts as: the person who issued it, or a service account. */
    userId: ZId,
    userName: z.string(),
    userEmail: z.string(),
    actsAs: z.enum(["PERSON", "SERVICE_ACCOUNT"]),
    createdById: ZId.nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiToken" });
export type TApiToken = z.infer<typeof ZApiToken>;

const TOKEN_FOR_OTHERS = "is not accepted: a token acts only as the person who issues it, or as a service account (serviceAccountId)";

/** Strict, so an attempt to name another person (`userId`) is refused with the reason. */
export const ZCreateApiToken = z
  .strictObject(
    {
      name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
      /** Leave out for a token that acts as you; give a service account's id for automation of its own. */
      serviceAccountId: ZId.optional(),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" && issue.keys.includes("userId") ? `userId ${TOKEN_FOR_OTHERS}` : undefined) },
  )
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

/** Automation with an identity of its own: no team, never counted in a joint decision, never signs in. */
export const ZServiceAccount = z
  .object({
    id: ZId,
    name: z.string(),
    email: z.string(),
    roles: z.array(z.enum(["VIEWER", "CONTRIBUTOR"])),
    status: z.enum(["ACTIVE", "DISABLED"]),
    liveTokens: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "ServiceAccount" });
export type TServiceAccount = z.infer<typeof ZServiceAccount>;

export const SERVICE_ACCOUNT_ROLES = ["VIEWER", "CONTRIBUTOR"] as const;

export const ZCreateServiceAccount = z
  .object({
    name: z.string().trim().min(1, "is required").max(100, "must be at most 100 characters"),
    roles: z
      .array(z.enum(SERVICE_ACCOUNT_ROLES, "must be VIEWER or CONTRIBUTOR: a service account never decides nor administers"))
      .min(1, "needs at least one role")
      .max(2)
      .transform((roles) => [...new Set(roles)]),
  })
  .meta({ id: "CreateServiceAccount" });
export type TCreateServiceAccount = z.infer<typeof ZCreateServiceAccount>;

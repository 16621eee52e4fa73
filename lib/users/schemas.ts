import { z } from "zod";
import { Role, Team, UserStatus } from "@/lib/db/generated/enums";

// The database's own enums (Prisma's generated ones), not restated lists.
export const ZTeam = z.enum(Team).exclude(["NONE"]).meta({ id: "Team" });
/** Teams as stored: service accounts are in none (NONE). People are always in one of ZTeam. */
export const ZStoredTeam = z.enum(Team).meta({ id: "StoredTeam" });
export const ZRole = z.enum(Role).meta({ id: "Role" });
export const ZUserStatus = z.enum(UserStatus).meta({ id: "UserStatus" });

export const ZId = z.uuid("must be a valid id");
export const ZIdParams = z.object({ id: ZId });

const ZRoles = z
  .array(ZRole)
  .min(1, "needs at least one role")
  .max(5)
  .transform((roles) => [...new Set(roles)]);

export const ZUser = z
  .object({
    id: ZId,
    email: z.email(),
    name: z.string(),
    team: ZStoredTeam,
    roles: z.array(ZRole),
    status: ZUserStatus,
    hasPassword: z.boolean(),
    sso: z.boolean(),
    lastLoginAt: z.string().nullable(),
    activeSessions: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type TUser = z.infer<typeof ZUser>;

export const ZCreateUser = z
  .object({
    email: z
      .email("must be an email address")
      .max(320)
      .transform((email) => email.toLowerCase()),
    name: z.string().trim().min(1, "is required").max(120),
    team: ZTeam,
    roles: ZRoles,
    /** Leave empty to invite: a one-time password is generated and shown once. */
    password: z.string().min(12, "must be at least 12 characters").max(256).optional(),
  })
  .meta({ id: "CreateUser" });
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    name: z.string().trim().min(1, "is required").max(120).optional(),
    team: ZTeam.optional(),
    roles: ZRoles.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, "needs at least one field to change")
  .meta({ id: "UpdateUser" });
export type TUpdateUser = z.infer<typeof ZUpdateUser>;

export const ZUserListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  team: ZTeam.optional(),
  role: ZRole.optional(),
  status: ZUserStatus.optional(),
});
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZCreatedUser = z.object({ user: ZUser, temporaryPassword: z.string().nullable() }).meta({ id: "CreatedUser" });

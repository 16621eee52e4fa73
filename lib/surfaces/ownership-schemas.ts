import { z } from "zod";
import { ZId } from "@/lib/users/schemas";

export const ZReplaceOwner = z
  .object({
    team: z.enum(["NETOPS", "SECOPS"]),
    userId: ZId,
    /** Required when an admin replaces an owner; recorded in the audit trail and told to the replaced owner. */
    reason: z.string().trim().max(2000).default(""),
    /** The version the caller saw; a stale version gets 409. */
    version: z.number().int().min(1),
  })
  .meta({ id: "ReplaceSurfaceOwner" });
export type TReplaceOwner = z.infer<typeof ZReplaceOwner>;

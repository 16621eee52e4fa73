import { z } from "zod";
import { isTimeZone } from "./time-zone";

export const ZTimeZone = z
  .string()
  .trim()
  .min(1, "choose a time zone")
  .max(64, "must be at most 64 characters")
  .refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin or UTC");

export const ZOrganizationSettings = z.object({ timeZone: ZTimeZone }).meta({ id: "OrganizationSettings" });
export type TOrganizationSettings = z.infer<typeof ZOrganizationSettings>;

import type { ZodOpenApiPathsObject } from "zod-openapi";
import { operation } from "@/lib/api/openapi";
import { ZOrganizationSettings } from "./schemas";

export const organizationPaths: ZodOpenApiPathsObject = {
  "/api/v1/organization": {
    get: operation({
      summary: "The organization's settings (time zone)",
      tag: "Organization",
      permission: "dashboard.read",
      response: ZOrganizationSettings,
    }),
    put: operation({
      summary: "Change the organization's settings",
      tag: "Organization",
      permission: "admin.users",
      body: ZOrganizationSettings,
      response: ZOrganizationSettings,
      decision: true,
    }),
  },
};

import { apiRoute } from "@/lib/api/route";
import { ZOrganizationSettings } from "@/lib/organization/schemas";
import { getOrganizationSettings, updateOrganizationSettings } from "@/lib/organization/service";

export const GET = apiRoute({ permission: "dashboard.read" }, async ({ context }) => getOrganizationSettings(context));

export const PUT = apiRoute({ permission: "admin.users", decision: true, body: ZOrganizationSettings }, async ({ context, body }) =>
  updateOrganizationSettings(context, body),
);

import { apiRoute } from "@/lib/api/route";
import { ALL_PERMISSIONS, can } from "@/lib/auth/permissions";

export const GET = apiRoute({ permission: "dashboard.read" }, async ({ actor }) => ({
  ...actor,
  permissions: ALL_PERMISSIONS.filter((permission) => can(actor, permission)),
}));

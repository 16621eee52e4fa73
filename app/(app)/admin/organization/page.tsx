import { requireActor } from "@/lib/auth/current";
import { OrganizationSettingsAdmin } from "@/components/admin/organization/organization-settings";

export const metadata = { title: "Organization · Admin" };

export default async function AdminOrganizationPage() {
  await requireActor("admin.users");
  return <OrganizationSettingsAdmin />;
}

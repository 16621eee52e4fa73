import { requireActor } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/card";

export const metadata = { title: "Admin" };

export default async function AdminPage() {
  await requireActor("admin.users");
  return <PageHeader title="Administration" description="Users, sessions and the audit trail." />;
}

import { requireActor } from "@/lib/auth/current";
import { AuditTrail } from "@/components/admin/audit/audit-trail";

export const metadata = { title: "Audit trail · Admin" };

export default async function AdminAuditPage() {
  await requireActor("admin.audit");
  return <AuditTrail />;
}

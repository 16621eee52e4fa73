import { requireActor } from "@/lib/auth/current";
import { MfaPolicyAdmin } from "@/components/admin/security/mfa-policy-admin";

export const metadata = { title: "Sign-in security · Admin" };

export default async function AdminSecurityPage() {
  await requireActor("admin.users");
  return <MfaPolicyAdmin />;
}

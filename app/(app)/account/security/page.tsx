import { requireActor } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/card";
import { SecuritySettings } from "@/components/account/security-settings";

export const metadata = { title: "Security · Account" };

export default async function AccountSecurityPage() {
  await requireActor();
  return (
    <>
      <PageHeader title="Security" description="Second factors for signing in and for confirming decisions." />
      <SecuritySettings />
    </>
  );
}

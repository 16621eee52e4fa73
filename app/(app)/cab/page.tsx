import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/card";
import { CabHome } from "@/components/cab/cab-home";

export const metadata = { title: "CAB" };

export default async function CabPage() {
  const actor = await requireActor("cab.read");
  return (
    <>
      <PageHeader
        title="Change advisory board"
        description="Meetings, their agendas (built from changes in CAB review and emergencies awaiting review) and your pending votes."
      />
      <CabHome canManage={can(actor, "cab.manage")} />
    </>
  );
}

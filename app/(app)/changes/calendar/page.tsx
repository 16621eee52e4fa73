import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listSurfaceChoices } from "@/lib/changes/flows";
import { PageHeader } from "@/components/ui/card";
import { ChangesNav } from "@/components/changes/changes-nav";
import { ChangeCalendar } from "@/components/changes/change-calendar";

export const metadata = { title: "Change calendar" };

export default async function CalendarPage() {
  const actor = await requireActor("change.read");
  const canManage = can(actor, "cab.manage");
  const surfaces = canManage ? await listSurfaceChoices(pageContext(actor)) : [];
  return (
    <>
      <PageHeader title="Change calendar" description="Scheduled change windows and blackouts; scheduling inside a blackout is refused." />
      <ChangesNav current="/changes/calendar" />
      <ChangeCalendar canManage={canManage} surfaces={surfaces} />
    </>
  );
}

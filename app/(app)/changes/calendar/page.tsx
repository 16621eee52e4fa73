import { requireActor } from "@/lib/auth/current";
import { PageHeader } from "@/components/ui/card";
import { ChangesNav } from "@/components/changes/changes-nav";
import { ChangeCalendar } from "@/components/changes/change-calendar";

export const metadata = { title: "Change calendar" };

export default async function CalendarPage() {
  await requireActor("change.read");
  return (
    <>
      <PageHeader title="Change calendar" description="Scheduled change windows and blackouts; scheduling inside a blackout is refused." />
      <ChangesNav current="/changes/calendar" />
      <ChangeCalendar />
    </>
  );
}

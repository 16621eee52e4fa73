import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { listPeople } from "@/lib/surfaces/service";
import { PageHeader } from "@/components/ui/card";
import { SurfaceList } from "@/components/surfaces/surface-list";

export const metadata = { title: "Protect surfaces" };

export default async function SurfacesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("surface.read");
  const people = await listPeople(pageContext(actor));
  const { waiting } = await searchParams;
  return (
    <>
      <PageHeader
        title="Protect surfaces"
        description="The smallest things worth protecting, each owned by NetOps and SecOps together and agreed with a sign-off from both teams."
      />
      <SurfaceList people={people} actorTeam={actor.team} canWrite={can(actor, "surface.write")} initialWaiting={waiting === "true"} />
    </>
  );
}

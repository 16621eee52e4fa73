import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { listPeople } from "@/lib/surfaces/service";
import { PageHeader } from "@/components/ui/card";
import { NewSurface } from "@/components/surfaces/new-surface";

export const metadata = { title: "New protect surface" };

export default async function NewSurfacePage() {
  const actor = await requireActor("surface.write");
  const people = await listPeople(pageContext(actor));
  return (
    <>
      <PageHeader title="New protect surface" description="Starts as a draft. Set both owners, then submit it for review by both teams." />
      <NewSurface people={people} actorId={actor.id} />
    </>
  );
}

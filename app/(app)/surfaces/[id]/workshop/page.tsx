import { requireActor } from "@/lib/auth/current";
import { loadOr404, pageContext, requireUuidParam } from "@/lib/auth/page";
import { getSurface, listPeople } from "@/lib/surfaces/service";
import { Workshop } from "@/components/surfaces/workshop";

export const metadata = { title: "Surface workshop" };

export default async function WorkshopPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("surface.read");
  const id = await requireUuidParam(params, "id");
  const context = pageContext(actor);
  const surface = await loadOr404(() => getSurface(context, id));
  return <Workshop initial={surface} people={await listPeople(context)} actorId={actor.id} />;
}

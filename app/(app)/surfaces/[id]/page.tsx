import { requireActor } from "@/lib/auth/current";
import { loadOr404, pageContext, requireUuidParam } from "@/lib/auth/page";
import { getSurface, listPeople } from "@/lib/surfaces/service";
import { SurfaceDetail } from "@/components/surfaces/surface-detail";

export const metadata = { title: "Protect surface" };

export default async function SurfacePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("surface.read");
  const id = await requireUuidParam(params, "id");
  const context = pageContext(actor);
  const surface = await loadOr404(() => getSurface(context, id));
  const people = await listPeople(context);
  return <SurfaceDetail initial={surface} people={people} actorId={actor.id} />;
}

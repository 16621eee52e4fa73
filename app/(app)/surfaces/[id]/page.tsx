import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { NotFoundError } from "@/lib/errors";
import { getSurface, listPeople } from "@/lib/surfaces/service";
import { ZId } from "@/lib/users/schemas";
import { SurfaceDetail } from "@/components/surfaces/surface-detail";

export const metadata = { title: "Protect surface" };

export default async function SurfacePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("surface.read");
  const { id } = await params;
  if (!ZId.safeParse(id).success) notFound();
  const context = { actor, requestId: "page-surface" };
  const surface = await getSurface(context, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const people = await listPeople(context);
  return <SurfaceDetail initial={surface} people={people} actorId={actor.id} />;
}

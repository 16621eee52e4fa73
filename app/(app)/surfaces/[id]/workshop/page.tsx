import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { NotFoundError } from "@/lib/errors";
import { getSurface, listPeople } from "@/lib/surfaces/service";
import { ZId } from "@/lib/users/schemas";
import { Workshop } from "@/components/surfaces/workshop";

export const metadata = { title: "Surface workshop" };

export default async function WorkshopPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("surface.read");
  const { id } = await params;
  if (!ZId.safeParse(id).success) notFound();
  const context = { actor, requestId: "page-workshop" };
  const surface = await getSurface(context, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return <Workshop initial={surface} people={await listPeople(context)} actorId={actor.id} />;
}

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/current";
import { loadOr404, pageContext, requireUuidParam } from "@/lib/auth/page";
import { listSurfaceChoices } from "@/lib/changes/flows";
import { EDITABLE_STATES } from "@/lib/changes/lifecycle";
import { getChange } from "@/lib/changes/read";
import { PageHeader } from "@/components/ui/card";
import { ChangeForm } from "@/components/changes/change-form";
import { toFormInitial } from "@/components/changes/form-initial";

export const metadata = { title: "Edit change" };

export default async function EditChangePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("change.write");
  const id = await requireUuidParam(params, "id");
  const context = pageContext(actor);
  const detail = await loadOr404(() => getChange(context, id));
  const { change } = detail;
  if (change.requester.id !== actor.id || !EDITABLE_STATES.includes(change.state)) redirect(`/changes/${id}`);
  const surfaces = await listSurfaceChoices(context);
  return (
    <>
      <PageHeader
        title={`Edit #${change.number}`}
        description="Saving a different content voids every vote cast so far; an approved change goes back to review."
      />
      <ChangeForm surfaces={surfaces} initial={toFormInitial(change)} />
    </>
  );
}

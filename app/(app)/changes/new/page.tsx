import { requireActor } from "@/lib/auth/current";
import { pageContext } from "@/lib/auth/page";
import { listSurfaceChoices } from "@/lib/changes/flows";
import { PageHeader } from "@/components/ui/card";
import { ChangeForm } from "@/components/changes/change-form";

export const metadata = { title: "New change" };

export default async function NewChangePage() {
  const actor = await requireActor("change.write");
  const surfaces = await listSurfaceChoices(pageContext(actor));
  return (
    <>
      <PageHeader
        title="New change"
        description="Describe the flows to add, narrow or remove. On submit the agreed rules classify it and explain why."
      />
      <ChangeForm surfaces={surfaces} />
    </>
  );
}

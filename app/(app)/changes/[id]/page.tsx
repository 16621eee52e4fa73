import { requireActor } from "@/lib/auth/current";
import { requireUuidParam } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { ChangeDetail } from "@/components/changes/change-detail";

export const metadata = { title: "Change" };

export default async function ChangePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("change.read");
  const id = await requireUuidParam(params, "id");
  return <ChangeDetail id={id} viewer={{ id: actor.id, canWrite: can(actor, "change.write"), canApprove: can(actor, "change.approve") }} />;
}

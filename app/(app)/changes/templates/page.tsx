import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/card";
import { ChangesNav } from "@/components/changes/changes-nav";
import { TemplatesBoard } from "@/components/changes/templates-board";

export const metadata = { title: "Standard-change templates" };

export default async function TemplatesPage() {
  const actor = await requireActor("rule.read");
  return (
    <>
      <PageHeader
        title="Standard-change templates"
        description="Change types both teams pre-approved, with the limits a change must stay inside."
      />
      <ChangesNav current="/changes/templates" />
      <TemplatesBoard viewer={{ team: actor.team, canPropose: can(actor, "rule.propose"), canApprove: can(actor, "rule.approve") }} />
    </>
  );
}

import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/card";
import { ChangesNav } from "@/components/changes/changes-nav";
import { RulesBoard } from "@/components/changes/rules-board";

export const metadata = { title: "Classification rules" };

export default async function RulesPage() {
  const actor = await requireActor("rule.read");
  return (
    <>
      <PageHeader
        title="Classification rules"
        description="Rules are data both teams write together. A proposal classifies nothing until one NetOps and one SecOps person approve it."
      />
      <ChangesNav current="/changes/rules" />
      <RulesBoard viewer={{ team: actor.team, canPropose: can(actor, "rule.propose"), canApprove: can(actor, "rule.approve") }} />
    </>
  );
}

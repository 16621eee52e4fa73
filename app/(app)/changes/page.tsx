import Link from "next/link";
import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { ChangeList } from "@/components/changes/change-list";
import { ChangesNav } from "@/components/changes/changes-nav";

export const metadata = { title: "Changes" };

export default async function ChangesPage() {
  const actor = await requireActor("change.read");
  return (
    <>
      <PageHeader
        title="Changes"
        description="Flow changes classified by the rules NetOps and SecOps agreed: pre-approved, CAB or emergency."
        actions={
          can(actor, "change.write") ? (
            <Button asChild>
              <Link href="/changes/new">New change</Link>
            </Button>
          ) : undefined
        }
      />
      <ChangesNav current="/changes" />
      <ChangeList />
    </>
  );
}

import { requireActor } from "@/lib/auth/current";
import { can } from "@/lib/auth/permissions";
import { isPersonDeciding } from "@/lib/auth/decisions";
import { listSurfaceNames } from "@/lib/discovery/service";
import { PageHeader } from "@/components/ui/card";
import { DiscoveryHome } from "@/components/discovery/discovery-home";

export const metadata = { title: "Discovery" };

export default async function DiscoveryPage() {
  const actor = await requireActor("map.read");
  // Names only, for the pickers: the page's data is fetched by its client components.
  const surfaces = await listSurfaceNames({ actor, requestId: "page" });
  return (
    <>
      <PageHeader
        title="Discovery"
        description="The traffic that really flows, imported from flow logs and compared with the drawn maps. Lines are never kept, only counts per connection and day."
      />
      <DiscoveryHome
        surfaces={surfaces}
        canImport={can(actor, "discovery.import")}
        canUndo={can(actor, "discovery.undo") && isPersonDeciding({})}
      />
    </>
  );
}

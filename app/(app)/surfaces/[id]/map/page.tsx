import Link from "next/link";
import { requireActor } from "@/lib/auth/current";
import { loadOr404, pageContext, requireUuidParam } from "@/lib/auth/page";
import { can } from "@/lib/auth/permissions";
import { getMap } from "@/lib/maps/service";
import { placeElementsOnNewMap } from "@/lib/maps/elements";
import { getSurface } from "@/lib/surfaces/service";
import { Badge, PageHeader } from "@/components/ui/card";
import { MapEditor } from "@/components/maps/map-editor";
import { DiscoveryOverlayPanel } from "@/components/discovery/overlay-panel";

export const metadata = { title: "Flow map" };

export default async function SurfaceMapPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("map.read");
  const id = await requireUuidParam(params, "id");
  // A map nobody has drawn on starts with the surface's DAAS elements (lib/maps/elements.ts).
  await loadOr404(() => placeElementsOnNewMap(pageContext(actor), id));
  const [map, surface] = await Promise.all([
    loadOr404(() => getMap(pageContext(actor), id)),
    loadOr404(() => getSurface(pageContext(actor), id)),
  ]);
  const tone =
    map.surface.classification === "RESTRICTED" ? "danger" : map.surface.classification === "CONFIDENTIAL" ? "warning" : "neutral";
  return (
    <>
      <PageHeader
        title={`${map.surface.name} · flow map`}
        description="Transaction flows to, from and around this protect surface. Every change saves at once and appears for everyone on the map."
        actions={
          <>
            <Badge tone={tone}>{map.surface.classification.toLowerCase()}</Badge>
            <Link href={`/surfaces/${map.surface.id}`} className="text-sm text-accent underline">
              Surface details
            </Link>
          </>
        }
      />
      <MapEditor surfaceId={map.surface.id} initialMap={map} initialSurface={surface} canEdit={can(actor, "map.write")} />
      <DiscoveryOverlayPanel
        surfaceId={map.surface.id}
        surfaceName={map.surface.name}
        nodes={map.nodes}
        canEdit={can(actor, "map.write")}
        canImport={can(actor, "discovery.import")}
        canChange={can(actor, "change.write")}
      />
    </>
  );
}

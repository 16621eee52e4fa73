import { apiRoute } from "@/lib/api/route";
import { ZExportQuery } from "@/lib/surfaces/schemas";
import { exportSurfaces } from "@/lib/surfaces/transfer";

export const GET = apiRoute({ permission: "surface.read", query: ZExportQuery }, async ({ context, query }) => {
  const exported = await exportSurfaces(context, query);
  const filename = `protect-surfaces.${query.format}`;
  return typeof exported === "string"
    ? new Response(exported, {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` },
      })
    : Response.json({ surfaces: exported }, { headers: { "content-disposition": `attachment; filename="${filename}"` } });
});

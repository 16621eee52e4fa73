import { apiRoute } from "@/lib/api/route";
import { ZPolicyBundleQuery, ZPolicyParams } from "@/lib/enforcement/schemas";
import { getSurfacePolicyBundle } from "@/lib/enforcement/service";

export const GET = apiRoute(
  { permission: "map.read", params: ZPolicyParams, query: ZPolicyBundleQuery },
  async ({ context, params, query }) => {
    const { filename, zip } = await getSurfacePolicyBundle(context, params.id, query.target);
    return new Response(zip as BodyInit, {
      headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${filename}"` },
    });
  },
);

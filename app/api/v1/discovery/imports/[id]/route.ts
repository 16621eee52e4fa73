import { apiRoute } from "@/lib/api/route";
import { ZImportParams } from "@/lib/discovery/schemas";
import { getImport } from "@/lib/discovery/service";

export const GET = apiRoute({ permission: "map.read", params: ZImportParams }, async ({ context, params }) =>
  getImport(context, params.id),
);

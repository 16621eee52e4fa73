import { apiRoute } from "@/lib/api/route";
import { ZImportParams } from "@/lib/discovery/schemas";
import { cancelImport } from "@/lib/discovery/service";

export const POST = apiRoute({ permission: "discovery.import", params: ZImportParams }, async ({ context, params }) =>
  cancelImport(context, params.id),
);

import { apiRoute } from "@/lib/api/route";
import { ZImportParams } from "@/lib/discovery/schemas";
import { undoImport } from "@/lib/discovery/service";

export const POST = apiRoute({ permission: "discovery.undo", params: ZImportParams, decision: true }, async ({ context, params }) =>
  undoImport(context, params.id),
);
